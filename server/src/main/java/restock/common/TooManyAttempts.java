package restock.common;

/** A caller tried something too often in a short time (guessing codes, say); they may try again later. */
public final class TooManyAttempts extends RuntimeException {
    public TooManyAttempts(String message) {
        super(message);
    }
}
