package restock.common;

/** A command or query named something that does not exist. */
public final class NotFound extends RuntimeException {
    private final String field;

    public NotFound(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
