package restock.common;

import java.util.Optional;

/** Input from outside that breaks a rule; carries the offending field so the caller can fix it. */
public class InvalidInput extends RuntimeException {
    private final String field;
    private final String fact;
    private final String advice;

    public InvalidInput(String field, String message) {
        this(field, message, null);
    }

    /**
     * What is wrong ({@code fact}) and what to do next as the API says it ({@code advice}, appended as written, with its
     * own leading punctuation): a form that offers another way (a list to choose from) says its own instead.
     */
    public InvalidInput(String field, String fact, String advice) {
        super(advice == null ? fact : fact + advice);
        this.field = field;
        this.fact = fact;
        this.advice = advice;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the advice. */
    public String fact() {
        return fact;
    }

    /** What to do next as the API says it, when the message carries it apart from the fact. */
    public Optional<String> advice() {
        return Optional.ofNullable(advice);
    }
}
