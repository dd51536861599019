package restock.notify;

import java.time.Instant;
import java.util.Optional;

/** An endpoint without its secret: active, paused, or disabled (switched off by a migration for an unusable URL). */
public record ListedWebhookEndpoint(long id, String url, String status, Instant createdAt, Optional<Instant> pausedAt,
                                    Optional<Instant> secretRotatedAt) {
}
