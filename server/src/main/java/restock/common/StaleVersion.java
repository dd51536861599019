package restock.common;

/**
 * An edit made against a version of a record that is no longer current: someone changed it after the editor read it.
 * The edit is not applied (an edit of an old copy would silently undo the other change); the editor reads it again.
 */
public final class StaleVersion extends RuntimeException {
    private final String current;

    public StaleVersion(String what, String expected, String current) {
        super(what + " changed since version " + expected + " was read (it is now version " + current
                + "): read it again, apply your change to what it is now, and send that version");
        this.current = current;
    }

    /** The record's version now. */
    public String current() {
        return current;
    }
}
