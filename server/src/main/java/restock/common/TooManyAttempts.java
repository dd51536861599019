package restock.common;

import java.time.Duration;

/** A caller tried something too often in a short time (guessing codes, say); they may try again after {@code retryAfter}. */
public final class TooManyAttempts extends RuntimeException {
    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until a try is sure to be counted again (the answer's Retry-After). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
