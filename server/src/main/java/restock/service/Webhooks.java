package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.common.Paged;
import restock.notify.ListedWebhookEndpoint;
import restock.notify.Message;
import restock.notify.OutboxEntry;
import restock.notify.OutboxQuery;
import restock.notify.UnstoredMessage;
import restock.notify.SentMessage;
import restock.notify.WebhookEndpoint;
import restock.store.SqlOutbox;
import restock.store.SqlWebhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A shop's webhook endpoints and the record of what was sent to whom (the outbox): endpoints added with a secret
 * of their own, listed without secrets, paused (its messages are kept, in order, until it is resumed) and resumed, deleted
 * (queued messages dead-lettered), their signing secret rotated (shown once); parked messages replayed, waiting ones
 * tried now.
 */
public final class Webhooks {
    /** Random bytes in a signing secret. */
    public static final int SECRET_BYTES = 24;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(Clock clock) {
        this.clock = clock;
    }

    /** Longest a replaced signing secret keeps signing beside the new one (as long as a rotated API key may keep working). */
    public static final Duration MAX_SECRET_GRACE = Duration.ofDays(7);

    /** A rotated endpoint: its URL, new secret, and until when the old secret signs too (empty: it stopped at once). */
    public record Rotated(long id, String url, String secret, Optional<Instant> previousSecretUntil) {
        @Override
        public String toString() {
            return "Rotated[id=" + id + ", url=" + url + ", previousSecretUntil=" + previousSecretUntil + "]";
        }
    }

    /**
     * A new endpoint with a signing secret of its own (the caller has checked the URL is one we may call); a URL a
     * live endpoint has already is refused, since deliveries to it are signed with that endpoint's secret.
     */
    public WebhookEndpoint add(Handle handle, String url) {
        return SqlOutbox.addEndpoint(handle, url, newSecret(), clock.instant()).orElseThrow(() -> new Conflict("url",
                "endpoint " + SqlOutbox.liveEndpointId(handle, url).map(String::valueOf).orElse("?") + " already delivers to " + url
                        + ": use it (rotate its secret with POST /api/webhooks/{id}/rotate-secret if it is lost) or delete it first"));
    }

    public List<ListedWebhookEndpoint> list(Handle handle) {
        return SqlWebhooks.list(handle, clock.instant());
    }

    public ListedWebhookEndpoint pause(Handle handle, long id, boolean paused) {
        if (!SqlWebhooks.setPaused(handle, id, paused, clock.instant())) {
            throw notFound(id);
        }
        return SqlWebhooks.find(handle, id, clock.instant()).orElseThrow(() -> notFound(id));
    }

    public void delete(Handle handle, long id) {
        if (!SqlWebhooks.delete(handle, id, clock.instant())) {
            throw notFound(id);
        }
    }

    /**
     * Gives an endpoint a new signing secret. For the grace period (zero: none) deliveries are signed with the old
     * secret too, so a receiver that has not switched yet still verifies them: the first delivery after a rotation
     * failed a receiver still holding the old one.
     */
    public Rotated rotateSecret(Handle handle, long id, Duration grace) {
        if (grace.isNegative() || grace.compareTo(MAX_SECRET_GRACE) > 0) {
            throw new InvalidInput("graceMinutes", "the grace period must be between 0 and " + MAX_SECRET_GRACE.toMinutes() + " minutes");
        }
        String secret = newSecret();
        Instant now = clock.instant();
        Optional<Instant> previousUntil = grace.isZero() ? Optional.empty() : Optional.of(now.plus(grace));
        String url = SqlWebhooks.rotateSecret(handle, id, secret, previousUntil, now).orElseThrow(() -> notFound(id));
        return new Rotated(id, url, secret, previousUntil);
    }

    /**
     * Puts a parked (dead-lettered) message back in the queue with its attempts reset. A message not parked is a
     * conflict that says where it stands, and so is a webhook whose endpoint was deleted: nothing goes to a deleted
     * endpoint (a replay of one was accepted and queued it again, an outside check); an id no message has is not found.
     */
    public void replay(Handle handle, long messageId) {
        OutboxEntry message = SqlOutbox.lockForChange(handle, messageId).orElseThrow(() -> messageNotFound(messageId));
        message.replayRefusal().ifPresent(reason -> {
            throw new Conflict("id", reason);
        });
        if (message.channel() == Message.Channel.WEBHOOK && SqlOutbox.liveEndpointId(handle, message.recipient()).isEmpty()) {
            throw new Conflict("id", "outbox message " + messageId + " is a webhook for endpoint "
                    + message.endpointId().map(String::valueOf).orElse("?") + ", which was deleted: nothing is sent to a deleted endpoint"
                    + " (register its URL again with POST /api/webhooks to replay it)");
        }
        if (!SqlOutbox.replay(handle, messageId, clock.instant())) {
            throw new IllegalStateException("outbox message " + messageId + " was parked and locked, yet the replay changed no row");
        }
    }

    /**
     * Makes the next attempt of a message waiting for it due now, its tries kept, and answers the message as it then
     * stands. A parked or delivered message is a conflict that says where it stands; an id no message has is not found.
     */
    public OutboxEntry retryNow(Handle handle, long messageId) {
        OutboxEntry message = SqlOutbox.lockForChange(handle, messageId).orElseThrow(() -> messageNotFound(messageId));
        message.retryRefusal().ifPresent(reason -> {
            throw new Conflict("id", reason);
        });
        if (!SqlOutbox.tryNow(handle, messageId, clock.instant())) {
            throw new IllegalStateException("outbox message " + messageId + " was waiting and locked, yet making it due changed no row");
        }
        return SqlOutbox.lockForChange(handle, messageId).orElseThrow();
    }

    /** One page of the outbox, newest first, and the next page's {@code before} (absent on the last page). */
    public record OutboxPage(List<OutboxEntry> items, Optional<Long> next) {
    }

    /**
     * The outbox as the query asks, newest first: what is waiting, retrying (with its last error and next attempt),
     * delivered or parked, each with the id that replays it. An endpoint that never existed is not found; a deleted
     * one still lists what was sent to it.
     */
    public OutboxPage outbox(Handle handle, OutboxQuery query) {
        Optional<String> endpointUrl = query.endpointId().map(id -> SqlWebhooks.url(handle, id).orElseThrow(() ->
                new NotFound("endpointId", "no webhook endpoint with id " + id + "; GET /api/webhooks lists them")));
        Paged<OutboxEntry> page = Paged.of(SqlOutbox.list(handle, query, endpointUrl, Paged.rowsToRead(query.limit())), query.limit());
        return new OutboxPage(page.items(), page.next(OutboxEntry::id));
    }

    /** One page of messages the relay could not store, newest first, and the next page's {@code before}. */
    public record UnstoredPage(List<UnstoredMessage> items, Optional<Long> next) {
    }

    /** Messages the relay made but could not put in the outbox, with the reason, newest first (a page of at most {@link OutboxQuery#MAX_PAGE_SIZE}). */
    public UnstoredPage unstored(Handle handle, Optional<Long> beforeId, int limit) {
        if (limit < 1 || limit > OutboxQuery.MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + OutboxQuery.MAX_PAGE_SIZE + ", was " + limit);
        }
        if (beforeId.isPresent() && beforeId.get() < 1) {
            throw new InvalidInput("before", "before must be an id (the next value of the previous page), was " + beforeId.get());
        }
        Paged<UnstoredMessage> page = Paged.of(SqlOutbox.unstored(handle, beforeId.orElse(Long.MAX_VALUE), Paged.rowsToRead(limit)), limit);
        return new UnstoredPage(page.items(), page.next(UnstoredMessage::id));
    }

    /** One page of what was sent to a recipient, newest first, and the next page's {@code before}. */
    public record SentPage(List<SentMessage> items, Optional<Long> next) {
    }

    /**
     * What was sent (or is still to be sent) to a recipient, newest first, a page of at most {@link OutboxQuery#MAX_PAGE_SIZE}
     * older than {@code beforeId}: the list stopped at 200 with no way to the rest (an outside check).
     */
    public SentPage sentTo(Handle handle, String recipient, Optional<Long> beforeId, int limit) {
        if (limit < 1 || limit > OutboxQuery.MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + OutboxQuery.MAX_PAGE_SIZE + ", was " + limit);
        }
        if (beforeId.isPresent() && beforeId.get() < 1) {
            throw new InvalidInput("before", "before must be an id (the next value of the previous page), was " + beforeId.get());
        }
        Paged<SentMessage> page = Paged.of(SqlOutbox.sentTo(handle, recipient, beforeId.orElse(Long.MAX_VALUE), Paged.rowsToRead(limit)), limit);
        return new SentPage(page.items(), page.next(SentMessage::id));
    }

    /** The secrets a delivery to this URL is signed with now: the endpoint's, then a replaced one in its grace period. */
    public List<String> signingSecrets(Handle handle, String url) {
        return SqlOutbox.signingSecrets(handle, url, clock.instant());
    }

    /** A new signing secret: whsec_ and {@link #SECRET_BYTES} random bytes in hex. */
    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private static NotFound messageNotFound(long id) {
        return new NotFound("id", "no outbox message with id " + id + "; GET /api/outbox lists them with their ids");
    }

    private static NotFound notFound(long id) {
        return new NotFound("id", "no webhook endpoint with id " + id + " (deleted ones are not listed)");
    }
}
