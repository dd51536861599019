package restock.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** When to try a failed delivery again: exponential, capped, with jitter; after enough attempts, dead-letter. */
public final class Backoff {
    public static final int MAX_ATTEMPTS = 8;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofHours(2);

    private Backoff() {
    }

    /** The delay after the given number of failed attempts (1 = first failure): full jitter on 30 s x 2^(n-1), capped. */
    public static Duration delayAfter(int failedAttempts, RandomGenerator random) {
        long ceiling = Math.min(MAX_DELAY.toMillis(), FIRST_DELAY.toMillis() << Math.min(20, failedAttempts - 1));
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * ceiling / 2));
    }

    public static boolean exhausted(int failedAttempts) {
        return failedAttempts >= MAX_ATTEMPTS;
    }
}
