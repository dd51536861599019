package restock.access;

import restock.common.InvalidInput;
import restock.common.TextLimit;

import java.time.Instant;
import java.util.Optional;

/** A stored API key, without its secret: what it is called, what it may do, how fast, and until when. */
public record ApiKey(long id, String name, Scope scope, String prefix, int requestsPerMinute, Instant createdAt, String createdBy,
                     Optional<Instant> expiresAt, Optional<Instant> revokedAt) {
    public static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;

    public ApiKey {
        requireName(name);
        requireRate(requestsPerMinute);
    }

    /** Whether the key opens the API at a moment: not revoked, not past its expiry. */
    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    public static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > TextLimit.API_KEY_NAME.maxLength() || TextLimit.hasControlCharacter(name)) {
            throw new InvalidInput("name", "name must say who uses the key, in 1 to " + TextLimit.API_KEY_NAME.maxLength() + " characters");
        }
        return name;
    }

    public static int requireRate(int requestsPerMinute) {
        if (requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
            throw new InvalidInput("requestsPerMinute", "requestsPerMinute must be between 1 and " + MAX_REQUESTS_PER_MINUTE
                    + ", was " + requestsPerMinute);
        }
        return requestsPerMinute;
    }
}
