package restock.web;

import io.javalin.http.Context;
import restock.catalog.CatalogAudit;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console form (or a shop demo form): its fields as the form labels them, and the names a refusal gives them (the
 * API's, such as {@code lines[0].quantity} or {@code customerEmail}), so a refused form can come back as the user typed
 * it with the error at its field, in the form's words. It is the one place that maps a command's field names to a
 * form's labels. A form may have lines (rows of the same inputs); rows left blank are
 * skipped, and the refusal's line numbers count the rows that were not. A form may also have an input per key
 * ("quantity-" and a SKU) and boxes of one name, each ticked sending its own value.
 */
public final class ConsoleForm {
    /** Where a label holds the number of its line, from 1. */
    static final String LINE = "{line}";
    /** Where a keyed input's label holds its key: the SKU of "quantity-FAN-1". */
    static final String KEY = "{key}";

    /** How many values an input sends, and under what name. */
    enum Kind {
        /** One value under its name. */
        ONE,
        /** One value on each line of the form, all under its name. */
        LINE,
        /** One value for each key, under its name and the key ("quantity-" and "FAN-1"). */
        KEYED,
        /** Boxes under its name, each ticked one sending its own value (the SKUs chosen). */
        TICKS,
        /**
         * A hidden value: the version of the record the page showed. A refusal at it means the record changed since, so
         * the form comes back as the record is now, not as typed: sent again as typed, it would undo the other change.
         */
        VERSION
    }

    /**
     * One input: its name (a keyed input's is the start of its names), its label, and the names a refusal may give it;
     * {@code []} in a name stands for a line's index from 0 ("lines[].quantity" names lines[2].quantity).
     */
    record Field(String input, String label, Kind kind, List<String> refusedAs, Optional<String> advice) {
        static Field of(String input, String label, String... refusedAs) {
            return new Field(input, label, Kind.ONE, List.of(refusedAs), Optional.empty());
        }

        static Field line(String input, String label, String... refusedAs) {
            return new Field(input, label, Kind.LINE, List.of(refusedAs), Optional.empty());
        }

        static Field keyed(String start, String label, String... refusedAs) {
            return new Field(start, label, Kind.KEYED, List.of(refusedAs), Optional.empty());
        }

        static Field ticks(String input, String label, String... refusedAs) {
            return new Field(input, label, Kind.TICKS, List.of(refusedAs), Optional.empty());
        }

        static Field version(String input, String label) {
            return new Field(input, label, Kind.VERSION, List.of(), Optional.empty());
        }

        /**
         * This field, saying {@code advice} (with its leading punctuation, as the refusal's own) where a refusal at it
         * advises what to do through the API: "create it first (POST /api/suppliers)" is no way on from a form with a
         * list to choose from.
         */
        Field advising(String advice) {
            return new Field(input, label, kind, refusedAs, Optional.of(advice));
        }

        boolean perLine() {
            return kind == Kind.LINE;
        }

        /** Whether {@code name} is this field's input (or one of them, for a keyed field). */
        boolean named(String name) {
            return kind == Kind.KEYED ? name.startsWith(input) && name.length() > input.length() : name.equals(input);
        }

        /** The label of the input {@code name} (of this field), on a line counted from 0. */
        String label(String name, int line) {
            return label.replace(LINE, Integer.toString(line + 1)).replace(KEY, kind == Kind.KEYED ? name.substring(input.length()) : "");
        }
    }

    private final String id;
    private final String notDone;
    private final List<Field> fields;
    private final List<String> lineKeys;

    /**
     * @param id       the form's id on its page
     * @param notDone  what a refusal means, before its reason: "The purchase order was not created"
     * @param lineKeys the line inputs whose blanks make a line blank (it is skipped)
     */
    ConsoleForm(String id, String notDone, List<Field> fields, List<String> lineKeys) {
        this.id = id;
        this.notDone = notDone;
        this.fields = List.copyOf(fields);
        this.lineKeys = List.copyOf(lineKeys);
    }

    String id() {
        return id;
    }

    /** The form as a page first shows it: nothing typed, nothing refused. */
    public FormState blank() {
        return new FormState(this, Map.of(), Optional.empty());
    }

    String label(String input, int line) {
        return field(input).label(input, line);
    }

    private Field field(String input) {
        return fields.stream().filter(f -> f.named(input)).findFirst()
                .orElseThrow(() -> new IllegalStateException("form " + id + " has no field '" + input + "'"));
    }

    /** The lines the user filled in, in order, each its inputs' values; blank lines are left out. */
    List<Map<String, String>> lines(Context ctx) {
        List<Field> lineFields = fields.stream().filter(Field::perLine).toList();
        int count = ctx.formParams(lineFields.get(0).input()).size();
        for (Field field : lineFields) {
            if (ctx.formParams(field.input()).size() != count) {
                throw new InvalidInput("lines", "the form's lines did not arrive whole; reload the page and try again");
            }
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> line = new LinkedHashMap<>();
            for (Field field : lineFields) {
                line.put(field.input(), ctx.formParams(field.input()).get(i));
            }
            if (lineKeys.stream().anyMatch(key -> !line.get(key).isBlank())) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * The name a refusal gives the value sent as {@code input} the {@code occurrence}th time (from 0), so that it is
     * shown at its field: the input's own name, or for a line's input the name with its line ("lines[1].sku"), counted
     * as the refused form counts them (without the lines left blank). None for an input the form does not have.
     */
    Optional<String> refusedName(Context ctx, String input, int occurrence) {
        Optional<Field> field = fields.stream().filter(f -> f.named(input)).findFirst();
        if (field.isEmpty() || !field.get().perLine()) {
            return field.map(f -> input);
        }
        int line = 0;
        for (int row = 0; row < occurrence; row++) {
            int at = row;
            if (lineKeys.stream().map(ctx::formParams).anyMatch(values -> at < values.size() && !values.get(at).isBlank())) {
                line++;
            }
        }
        String lineNumber = "[" + line + "]";
        return field.get().refusedAs().stream().filter(name -> name.contains("[]")).findFirst().map(name -> name.replace("[]", lineNumber));
    }

    /**
     * The version of the record the page showed (the form's {@link Kind#VERSION} field); one that is not a version the
     * page could have shown is refused as such, not told as "someone saved after you" (a fuzzer's finding). Without the
     * field (a script's form) the edit applies to the record as it is now, as the API's PATCH without If-Match does.
     */
    Optional<String> version(Context ctx, String record) {
        String input = fields.stream().filter(f -> f.kind() == Kind.VERSION).findFirst()
                .orElseThrow(() -> new IllegalStateException("form " + id + " has no version field")).input();
        Optional<String> version = Optional.ofNullable(ctx.formParam(input)).map(String::strip).filter(value -> !value.isEmpty());
        if (version.isPresent() && !CatalogAudit.isVersion(version.get())) {
            throw new InvalidInput(input, "this page's form no longer holds the version of the " + record
                    + " it showed: reload the page and make your change again");
        }
        return version;
    }

    /**
     * Why an edit from a page opened before someone else saved the record was not saved, with their change (": ops
     * changed name A → B at ...", or blank without one) and what the refused form held, to type again where it still
     * applies. Pages used to save over the other change, undoing it without a word (the product form, then the
     * supplier form: a phone number just saved was cleared).
     */
    String changedSinceOpened(Context ctx, String record, String theirChange) {
        List<String> typed = fields.stream().filter(f -> f.kind() == Kind.ONE)
                .filter(f -> Optional.ofNullable(ctx.formParam(f.input())).map(String::strip).filter(v -> !v.isEmpty()).isPresent())
                .map(f -> f.label(f.input(), 0) + " '" + ctx.formParam(f.input()).strip() + "'").toList();
        return "someone saved this " + record + " after you opened this page" + theirChange + ". Nothing was saved, and the form now shows the "
                + record + " as it is (sent again as you typed it, it would undo that change)."
                + (typed.isEmpty() ? "" : " You had sent: " + String.join(", ", typed) + ".");
    }

    /** A refusal as the form takes it: the field it names (none for the form as a whole) and its words. */
    record Refused(String field, String message) {
    }

    /**
     * What a refusal says to this form: each field's refusal when several were refused at once ({@link FormErrors}), and
     * the form's own advice in place of the API's where the field has one.
     */
    List<Refused> refusals(RuntimeException refusal) {
        if (refusal instanceof FormErrors.Several several) {
            return several.each().stream().flatMap(each -> refusals(each).stream()).toList();
        }
        String field = refusal instanceof InvalidInput invalid ? invalid.field()
                : refusal instanceof NotFound notFound ? notFound.field()
                : refusal instanceof Conflict conflict ? conflict.field() : null;
        Optional<String> fact = refusal instanceof InvalidInput invalid && invalid.advice().isPresent() ? Optional.of(invalid.fact())
                : refusal instanceof NotFound notFound && notFound.advice().isPresent() ? Optional.of(notFound.fact()) : Optional.empty();
        Optional<String> ownAdvice = Optional.ofNullable(field).flatMap(this::at).map(at -> field(at.input())).flatMap(Field::advice);
        return List.of(new Refused(field, fact.isPresent() && ownAdvice.isPresent() ? fact.get() + ownAdvice.get() : refusal.getMessage()));
    }

    /** The form as the user sent it, with each refusal at the field it names (or over the form, for none of them). */
    FormState refused(Context ctx, List<Refused> refusals) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        fields.stream().filter(f -> f.kind() == Kind.ONE || f.kind() == Kind.TICKS).forEach(f -> typed.put(f.input(), ctx.formParams(f.input())));
        ctx.formParamMap().forEach((name, values) -> fields.stream().filter(f -> f.kind() == Kind.KEYED && f.named(name))
                .findFirst().ifPresent(f -> typed.put(name, values)));
        if (fields.stream().anyMatch(Field::perLine)) {
            List<Map<String, String>> lines = lines(ctx);
            fields.stream().filter(Field::perLine).forEach(f -> typed.put(f.input(), lines.stream().map(l -> l.get(f.input())).toList()));
        }
        List<FormState.Problem> problems = new ArrayList<>();
        boolean recordChanged = false;
        for (Refused refused : refusals) {
            Optional<FormState.At> at = Optional.ofNullable(refused.field()).flatMap(this::at);
            String words = inFormWords(refused.message(), refused.field(), at);
            // The version is a hidden input: a refusal at it is said over the form.
            boolean atVersion = at.isPresent() && field(at.get().input()).kind() == Kind.VERSION;
            recordChanged |= atVersion;
            problems.add(new FormState.Problem(atVersion ? Optional.empty() : at, words));
        }
        return new FormState(this, recordChanged ? Map.of() : typed, Optional.of(new FormState.Refusal(notDone, problems)), recordChanged);
    }

    /**
     * A refusal as a page says it over the form, in the form's words, after what it means: "The order was not placed:
     * Email must be an email address ...", not "customerEmail must be ..." (the shop demo's form, an outside check).
     */
    String summary(String refusedField, String message) {
        Optional<FormState.At> at = Optional.ofNullable(refusedField).flatMap(this::at);
        return notDone + ": " + inFormWords(message, refusedField, at);
    }

    /** The input and line a refusal's field names. */
    private Optional<FormState.At> at(String refusedField) {
        for (Field field : fields) {
            if (field.kind() == Kind.KEYED && field.named(refusedField)) {
                return Optional.of(new FormState.At(refusedField, 0));
            }
            for (String name : names(field)) {
                Matcher match = pattern(name).matcher(refusedField);
                if (match.matches()) {
                    // An input not on a line may stand for every line's value (the one date of a planning suggestion's lines).
                    return Optional.of(new FormState.At(field.input(), field.perLine() ? line(match) : 0));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The message with the form's labels for the names it uses: the refused field when the message starts with it
     * ("price is ..."), and any API name ("lines[2].expectedDate", "backorderCap") wherever it appears.
     */
    private String inFormWords(String message, String refusedField, Optional<FormState.At> at) {
        String words = message;
        if (refusedField != null && at.isPresent() && words.startsWith(refusedField)) {
            words = label(at.get().input(), at.get().line()) + words.substring(refusedField.length());
        }
        for (Field field : fields) {
            for (String name : names(field)) {
                if (!name.equals(name.toLowerCase(java.util.Locale.ROOT)) || name.contains("[")) {
                    // Not inside a longer name, nor quoted (a message may quote the API's JSON: "newSupplier": true).
                    Matcher match = Pattern.compile("(?<![\\w.\\[\"])" + pattern(name).pattern() + "(?![\\w\\[\"])").matcher(words);
                    words = match.replaceAll(m -> Matcher.quoteReplacement(field.label(field.input(), line(m))));
                }
            }
        }
        return words;
    }

    /**
     * A line input's own name is not enough to find its line: only its names with {@code []} are. A keyed input's
     * names are found by their start.
     */
    private static List<String> names(Field field) {
        List<String> names = new ArrayList<>(field.refusedAs());
        if (field.kind() == Kind.ONE || field.kind() == Kind.TICKS || field.kind() == Kind.VERSION) {
            names.add(field.input());
        }
        return names;
    }

    private static int line(java.util.regex.MatchResult match) {
        return match.groupCount() > 0 ? Integer.parseInt(match.group(1)) : 0;
    }

    /** Whether the form sends {@code input} more than once on purpose: on each of its lines, or for each box ticked. */
    boolean mayRepeat(String input) {
        return fields.stream().anyMatch(f -> (f.kind() == Kind.LINE || f.kind() == Kind.TICKS) && f.named(input));
    }

    boolean perLine(String input) {
        return field(input).perLine();
    }

    private static Pattern pattern(String name) {
        return Pattern.compile(Pattern.quote(name).replace("[]", "\\E\\[([0-9]{1,6})\\]\\Q"));
    }
}
