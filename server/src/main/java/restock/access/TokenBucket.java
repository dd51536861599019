package restock.access;

import java.time.Duration;
import java.time.Instant;

/**
 * A per-key rate limit: a bucket of a minute's requests that refills continuously; a request takes a token or
 * learns how long until one is there. Time comes in from the caller, so the rule is testable without waiting.
 */
public final class TokenBucket {
    private final int perMinute;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(int perMinute, Instant now) {
        this.perMinute = ApiKey.requireRate(perMinute);
        this.tokens = perMinute;
        this.refilledAt = now;
    }

    /** Taken, or the wait before the next token (at least a second, as Retry-After counts whole seconds). */
    public sealed interface Decision {
        record Taken() implements Decision {
        }

        record Limited(Duration retryAfter) implements Decision {
        }
    }

    public synchronized Decision take(Instant now) {
        if (now.isAfter(refilledAt)) {
            double elapsedMinutes = Duration.between(refilledAt, now).toNanos() / 60e9;
            tokens = Math.min(perMinute, tokens + elapsedMinutes * perMinute);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision.Taken();
        }
        double secondsToNext = (1 - tokens) * 60.0 / perMinute;
        return new Decision.Limited(Duration.ofSeconds(Math.max(1, (long) Math.ceil(secondsToNext))));
    }

    public int perMinute() {
        return perMinute;
    }
}
