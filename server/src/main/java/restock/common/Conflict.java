package restock.common;

/** A well-formed command that the current state does not allow (shipping a cancelled order, over-receiving). */
public final class Conflict extends RuntimeException {
    private final String field;

    public Conflict(String message) {
        this(null, message);
    }

    /** A conflict caused by one field of the request (a quantity past a limit, a discontinued SKU). */
    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, or null when the state as a whole is. */
    public String field() {
        return field;
    }
}
