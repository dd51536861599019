package restock.common;

/** Input from outside that breaks a rule; carries the offending field so the caller can fix it. */
public class InvalidInput extends RuntimeException {
    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
