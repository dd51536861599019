package restock.web;

import restock.common.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is wrong with a console form, all of it: a form's handler reads each field through this, which keeps each
 * refusal and reads on, and then refuses the form once with every field that is wrong. A form that refused its first
 * wrong field only had staff send it again for each (an outside tester's finding).
 */
final class FormErrors {
    /** Refusals kept for one form: more than its fields can give is a bug in the form's handler. */
    static final int MAX_REFUSALS = 100;

    /** Several fields refused at once, each with its own field and words; its message joins theirs for a page without the form. */
    static final class Several extends InvalidInput {
        private final List<InvalidInput> each;

        private Several(List<InvalidInput> each) {
            super(each.get(0).field(), String.join("; ", each.stream().map(InvalidInput::getMessage).toList()));
            this.each = List.copyOf(each);
        }

        List<InvalidInput> each() {
            return each;
        }
    }

    private final List<InvalidInput> found = new ArrayList<>();

    /** The value read, or nothing when it is refused (the refusal is kept). */
    <T> Optional<T> read(Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (InvalidInput refused) {
            add(refused);
            return Optional.empty();
        }
    }

    /** Keeps a refusal found by the handler itself. */
    void add(InvalidInput refused) {
        if (found.size() >= MAX_REFUSALS) {
            throw new IllegalStateException("a form gave more than " + MAX_REFUSALS + " refusals; the last: " + refused.getMessage());
        }
        if (refused instanceof Several several) {
            several.each().forEach(this::add);
        } else {
            found.add(refused);
        }
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** Refuses the form with what was found: the one refusal as it was, or all of them. */
    void refuseIfAny() {
        if (found.size() == 1) {
            throw found.get(0);
        }
        if (found.size() > 1) {
            throw new Several(found);
        }
    }
}
