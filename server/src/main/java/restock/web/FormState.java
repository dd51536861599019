package restock.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A console form as its page shows it: blank, or refused with what the user typed and the reason, at the field it
 * names when it names one. Templates ask it for each input's label, value and error.
 */
public final class FormState {
    /** An input, and its line (0 for an input not on a line). */
    record At(String input, int line) {
    }

    /** One thing wrong, in the form's words, and where (nowhere: the form as a whole). */
    record Problem(Optional<At> at, String message) {
    }

    /** Why the form was refused: what that means ("The purchase order was not created") and everything wrong with it. */
    record Refusal(String notDone, List<Problem> problems) {
        Refusal {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalStateException("a refused form says why: " + notDone);
            }
        }
    }

    private final ConsoleForm form;
    private final Map<String, List<String>> typed;
    private final Optional<Refusal> refusal;

    /** The form shows the record as it is now, not what was typed (refused because the record changed since the page showed it). */
    private final boolean asRecordIs;

    FormState(ConsoleForm form, Map<String, List<String>> typed, Optional<Refusal> refusal) {
        this(form, typed, refusal, false);
    }

    /** The value a second press of the form confirms, carried in a hidden field (a count far from the record). */
    private final Optional<String> toConfirm;

    FormState(ConsoleForm form, Map<String, List<String>> typed, Optional<Refusal> refusal, boolean asRecordIs) {
        this(form, typed, refusal, asRecordIs, Optional.empty());
    }

    private FormState(ConsoleForm form, Map<String, List<String>> typed, Optional<Refusal> refusal, boolean asRecordIs, Optional<String> toConfirm) {
        this.form = form;
        this.typed = Map.copyOf(typed);
        this.refusal = refusal;
        this.asRecordIs = asRecordIs;
        this.toConfirm = toConfirm;
    }

    /** This refused form, asking for {@code value} to be confirmed: sent again with it, the form does what it was held back from. */
    FormState confirming(String value) {
        return new FormState(form, typed, refusal, asRecordIs, Optional.of(value));
    }

    /** The value the page's hidden confirmation field carries, when the form asks for one. */
    public Optional<String> toConfirm() {
        return toConfirm;
    }

    /** This, when it is {@code other}'s state; else {@code other} blank (a page with two forms shows one refused). */
    FormState or(ConsoleForm other) {
        return form == other ? this : other.blank();
    }

    public String label(String input) {
        return form.label(input, 0);
    }

    /** The label of an input on a line, counted from 0: "Units of line 3" for line 2. */
    public String label(String input, int line) {
        return form.label(input, line);
    }

    /** What the user typed, when the form was refused; else {@code shown} (the record's value). */
    public String value(String input, String shown) {
        return value(input, 0, shown);
    }

    public String value(String input, int line, String shown) {
        if (refusal.isEmpty() || asRecordIs) {
            return shown;
        }
        // A line the user left blank shows what a fresh form does (its default date); any other input as sent.
        List<String> values = typed.getOrDefault(input, List.of());
        return line < values.size() ? showable(values.get(line)) : form.perLine(input) ? shown : "";
    }

    /**
     * A refused value as the form shows it again: without the control characters and undecodable bytes it was refused
     * for. Shown as sent, a NUL reached the browser as U+FFFD, and pressing the button again created a product named
     * "Bad\uFFFDName" (an outside check); now the user sees the value without them, under the message saying why.
     */
    static String showable(String typed) {
        StringBuilder shown = new StringBuilder(typed.length());
        typed.codePoints().filter(c -> !restock.common.TextLimit.isControlCharacter(c) && c != 0xFFFD).forEach(shown::appendCodePoint);
        return shown.toString();
    }

    /** Whether a box is ticked: as sent, when the form was refused. */
    public boolean checked(String input, boolean shown) {
        return refusal.isEmpty() ? shown : !typed.getOrDefault(input, List.of()).isEmpty();
    }

    /** Whether the box of {@code value}, one of several under one name, is ticked: as sent, when the form was refused. */
    public boolean checked(String input, String value, boolean shown) {
        return refusal.isEmpty() ? shown : typed.getOrDefault(input, List.of()).contains(value);
    }

    /**
     * This, when the refused form sent {@code value} as {@code input}; else the form blank. A page that shows one form
     * per supplier shows the refusal in the one that was sent, by a hidden input naming it.
     */
    public FormState sentAs(String input, String value) {
        return refusal.isEmpty() || value(input, "").equals(value) ? this : form.blank();
    }

    /** The refusal's reason at this input, if it is the one the refusal names. */
    public Optional<String> error(String input) {
        return error(input, 0);
    }

    public Optional<String> error(String input, int line) {
        Optional<At> here = Optional.of(new At(input, line));
        return refusal.flatMap(r -> r.problems().stream().filter(p -> p.at().equals(here)).map(Problem::message).findFirst());
    }

    /**
     * Above the form: that it was refused, and why. What is wrong with a field is said once, beside it; above, the
     * fields are named ("The purchase order was not created: see Supplier and Units of line 1 below"): the message
     * said twice, above and beside, read as two refusals (an outside tester's finding). What no field shows is said
     * here in full.
     */
    public Optional<String> summary() {
        return refusal.map(r -> {
            List<String> overTheForm = r.problems().stream().filter(p -> p.at().isEmpty()).map(Problem::message).toList();
            List<String> fields = r.problems().stream().flatMap(p -> p.at().stream()).map(at -> form.label(at.input(), at.line()))
                    .distinct().toList();
            List<String> parts = new java.util.ArrayList<>(overTheForm);
            if (!fields.isEmpty()) {
                parts.add("see " + inWords(fields) + " below.");
            }
            return r.notDone() + ": " + String.join("; ", parts);
        });
    }

    /** "A", "A and B", "A, B and C". */
    private static String inWords(List<String> labels) {
        return labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }
}
