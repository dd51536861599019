package restock.common;

import java.util.Optional;

/** A command or query named something that does not exist. */
public final class NotFound extends RuntimeException {
    private final String field;
    private final String value;

    public NotFound(String field, String message) {
        this(field, null, message);
    }

    /** Naming the value that was not found, so a caller that knows where the value came from can name that place. */
    public NotFound(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
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
        return index < 0 ? this : new NotFound(listField + "[" + index + "]." + itemField, value, getMessage());
    }
}
