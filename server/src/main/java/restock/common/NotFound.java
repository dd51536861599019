package restock.common;

import java.util.Optional;

/** A command or query named something that does not exist. */
public final class NotFound extends RuntimeException {
    private final String field;
    private final String value;
    private final String fact;
    private final String advice;

    public NotFound(String field, String message) {
        this(field, null, message);
    }

    /** Naming the value that was not found, so a caller that knows where the value came from can name that place. */
    public NotFound(String field, String value, String message) {
        this(field, value, message, null);
    }

    /**
     * With what to do next as the API says it ({@code advice}, appended to {@code fact} as written, with its own leading
     * punctuation): a form that offers another way (a box to tick, a list to choose from) says its own instead.
     */
    public NotFound(String field, String value, String fact, String advice) {
        super(advice == null ? fact : fact + advice);
        this.field = field;
        this.value = value;
        this.fact = fact;
        this.advice = advice;
    }

    /** What was not found, without the advice. */
    public String fact() {
        return fact;
    }

    /** What to do next as the API says it, when the message carries it apart from the fact. */
    public Optional<String> advice() {
        return Optional.ofNullable(advice);
    }

    public String field() {
        return field;
    }

    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /**
     * This as found at the first of {@code values} that is the value not found: {@code lines[2].sku} instead of
     * {@code sku} for an order's third line (a storefront developer could not tell which line was wrong).
     */
    public NotFound at(String listField, java.util.List<String> values, String itemField) {
        int index = value == null ? -1 : values.indexOf(value);
        return index < 0 ? this : new NotFound(listField + "[" + index + "]." + itemField, value, fact, advice);
    }
}
