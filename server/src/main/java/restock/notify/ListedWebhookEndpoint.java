package restock.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * An endpoint without its secret: active, paused, or disabled (switched off by a migration for an unusable URL); and,
 * while a rotated secret's grace lasts, until when deliveries are signed with the old secret too.
 */
public record ListedWebhookEndpoint(long id, String url, String status, Instant createdAt, Optional<Instant> pausedAt,
                                    Optional<Instant> secretRotatedAt, Optional<Instant> previousSecretUntil) {
}
