package restock.common;

/** A well-formed command that the current state does not allow (shipping a cancelled order, over-receiving). */
public final class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
