package restock.store;

import org.jdbi.v3.core.Handle;
import restock.notify.DeliveryStatus;
import restock.notify.Message;
import restock.notify.OutboxEntry;
import restock.notify.OutboxQuery;
import restock.notify.UnstoredMessage;
import restock.notify.WebhookEndpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The transactional outbox: messages written with the change they tell of, delivered at least once, in order per customer. */
public final class SqlOutbox {
    private SqlOutbox() {
    }

    /** Adds a message; the same message id twice is one message. */
    public static boolean enqueue(Handle handle, Message message, Instant now) {
        return handle.createUpdate("""
                        insert into outbox (message_id, channel, topic, recipient, subject, body_text, body_html, ordering_key,
                                            list_unsubscribe, status, next_attempt_at, created_at)
                        values (:id, :channel, :topic, :recipient, :subject, :text, :html, :ordering, :unsubscribe, 'pending', :at, :at)
                        on conflict (message_id) do nothing""")
                .bind("id", message.messageId())
                .bind("channel", message.channel().code())
                .bind("topic", message.topic())
                .bind("recipient", message.recipient())
                .bind("subject", message.subject())
                .bind("text", message.bodyText())
                .bind("html", message.bodyHtml())
                .bind("ordering", message.orderingKey())
                .bind("unsubscribe", message.listUnsubscribe())
                .bind("at", SqlPurchasing.utc(now))
                .execute() == 1;
    }

    /** Keeps a message that could not be stored, with the reason, for a person to look at; the relay goes on. */
    public static void park(Handle handle, String cause, Message message, String reason, Instant now) {
        handle.createUpdate("""
                        insert into parked_messages (message_id, cause, channel, topic, recipient, reason, parked_at)
                        values (:id, left(:cause, 500), :channel, left(:topic, 100), left(:recipient, 2000), left(:reason, 2000), :at)
                        on conflict (message_id) do nothing""")
                .bind("id", message.messageId()).bind("cause", cause).bind("channel", message.channel().code())
                .bind("topic", message.topic()).bind("recipient", message.recipient()).bind("reason", reason)
                .bind("at", SqlPurchasing.utc(now)).execute();
    }

    /**
     * The live webhook endpoint at an outbox row's URL (the row named {@code {row}}), when it is paused: its messages
     * wait, in order, until it is resumed (index: webhook_endpoints' unique live URL).
     */
    private static String pausedEndpoint(String row) {
        return """
                select w.id from webhook_endpoints w where {row}.channel = 'webhook' and w.url = {row}.recipient
                and w.deleted_at is null and w.paused_at is not null""".replace("{row}", row);
    }

    /**
     * The oldest due message with nothing pending before it for the same customer and no paused endpoint to go to
     * (index: outbox_pending_by_id).
     */
    static final String CLAIM_NEXT = """
            select * from outbox o
            where o.status = 'pending' and o.next_attempt_at <= :now
              and not exists (select 1 from outbox earlier where earlier.ordering_key = o.ordering_key
                              and earlier.status = 'pending' and earlier.id < o.id)
              and not exists (%s)
            order by o.id
            limit 1
            for update skip locked""".formatted(pausedEndpoint("o"));

    /** A claimed message, locked by this transaction until it commits. */
    public record Claimed(long id, int attempts, Message message) {
    }

    /**
     * Claims the next due message whose earlier messages for the same customer are all delivered, skipping rows
     * another worker (or another Restock instance) holds.
     */
    public static Optional<Claimed> claimNext(Handle handle, Instant now) {
        return handle.createQuery(CLAIM_NEXT)
                .bind("now", SqlPurchasing.utc(now))
                .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getInt("attempts"), new Message(rs.getObject("message_id", UUID.class),
                        Message.Channel.valueOf(rs.getString("channel").toUpperCase(java.util.Locale.ROOT)), rs.getString("topic"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                        rs.getString("ordering_key"), rs.getString("list_unsubscribe"))))
                .findOne();
    }

    public static void markSent(Handle handle, long id, Instant now) {
        handle.createUpdate("update outbox set status = 'sent', attempts = attempts + 1, sent_at = :at, last_error = null where id = :id")
                .bind("at", SqlPurchasing.utc(now)).bind("id", id).execute();
    }

    public static void markFailed(Handle handle, long id, String error, Instant retryAt, boolean dead) {
        handle.createUpdate("""
                        update outbox set status = :status, attempts = attempts + 1, last_error = :error, next_attempt_at = :retry
                        where id = :id""")
                .bind("status", dead ? "dead" : "pending").bind("error", error).bind("retry", SqlPurchasing.utc(retryAt)).bind("id", id)
                .execute();
    }

    /** Puts a dead-lettered message back in the queue, its attempts reset; false when there is no such dead message. */
    public static boolean replay(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                        update outbox set status = 'pending', attempts = 0, next_attempt_at = :at where id = :id and status = 'dead'""")
                .bind("at", SqlPurchasing.utc(now)).bind("id", id).execute() == 1;
    }

    /**
     * Makes a message the worker will try again due now (a later next attempt moves to now, an earlier one stays),
     * keeping its tries, so the backoff goes on from them; false when there is no such pending message.
     */
    public static boolean tryNow(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                        update outbox set next_attempt_at = least(next_attempt_at, :at) where id = :id and status = 'pending'""")
                .bind("at", SqlPurchasing.utc(now)).bind("id", id).execute() == 1;
    }

    /** What was sent (or is still to be sent) to a recipient, newest first, older than {@code beforeId}: the record a retailer is asked for. */
    public static List<restock.notify.SentMessage> sentTo(Handle handle, String recipient, long beforeId, int limit) {
        return handle.createQuery("""
                        select id, message_id::text as message_id, channel, topic, subject, status, attempts,
                               to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
                               to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as sent_at, last_error
                        from outbox where lower(recipient) = lower(:recipient) and id < :before order by id desc limit :limit""")
                .bind("recipient", recipient).bind("before", beforeId).bind("limit", limit)
                .map((rs, ctx) -> new restock.notify.SentMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("channel"),
                        rs.getString("topic"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("created_at"), rs.getString("sent_at"), rs.getString("last_error")))
                .list();
    }

    /**
     * Each listed status as a condition on an outbox row (named {@code {row}}): the one place that says what the
     * stored status and attempts mean, used both to filter and to name a row's status, so the two cannot disagree.
     */
    private static final Map<DeliveryStatus, String> STATUS_CONDITIONS = new EnumMap<>(Map.of(
            DeliveryStatus.PENDING, "{row}.status = 'pending' and {row}.attempts = 0",
            DeliveryStatus.RETRYING, "{row}.status = 'pending' and {row}.attempts > 0",
            DeliveryStatus.DELIVERED, "{row}.status = 'sent'",
            DeliveryStatus.PARKED, "{row}.status = 'dead'"));

    static {
        if (!STATUS_CONDITIONS.keySet().equals(java.util.EnumSet.allOf(DeliveryStatus.class))) {
            throw new IllegalStateException("outbox statuses without a condition: " + java.util.EnumSet.complementOf(
                    java.util.EnumSet.copyOf(STATUS_CONDITIONS.keySet())));
        }
    }

    private static String statusCondition(DeliveryStatus status, String row) {
        return STATUS_CONDITIONS.get(status).replace("{row}", row);
    }

    /** The status an outbox row (named {@code row} in the query) is listed with. */
    private static String listedStatus(String row) {
        return "case " + String.join(" ", STATUS_CONDITIONS.keySet().stream()
                .map(status -> "when " + statusCondition(status, row) + " then '" + status.code() + "'").toList()) + " end";
    }

    /**
     * An outbox row as listed: its columns, the status it is listed with, the endpoint its URL names, and the oldest
     * earlier pending message of its ordering key, which it waits for as CLAIM_NEXT does (index: outbox_order).
     */
    private static final String LISTED_COLUMNS = """
            o.id, o.message_id, o.channel, o.topic, o.recipient, o.attempts, o.last_error, o.next_attempt_at,
            o.created_at, o.sent_at, %s as listed_status,
            (select w.id from webhook_endpoints w where o.channel = 'webhook' and w.url = o.recipient
             order by w.deleted_at is null desc, w.id desc limit 1) as endpoint_id,
            held.id as held_by_id, held.listed_status as held_by_status, held.next_attempt_at as held_by_next_attempt_at,
            case when o.status = 'pending' then (%s) end as paused_endpoint_id""".formatted(listedStatus("o"), pausedEndpoint("o"));

    /** The outbox and, for a pending row, the message it is held behind (the condition CLAIM_NEXT skips a row on). */
    private static final String LISTED_FROM = """
            outbox o left join lateral (
                select earlier.id, %s as listed_status, earlier.next_attempt_at from outbox earlier
                where o.status = 'pending' and earlier.ordering_key = o.ordering_key and earlier.status = 'pending'
                  and earlier.id < o.id
                order by earlier.id limit 1) held on true""".formatted(listedStatus("earlier"));

    /**
     * Up to {@code rows} outbox messages, newest first, as the query asks (a webhook endpoint as its URL, which is what a
     * webhook is addressed to). Indexes: outbox_dead_by_id for parked ones, outbox_pending_by_id for pending and retrying ones.
     */
    public static List<OutboxEntry> list(Handle handle, OutboxQuery query, Optional<String> endpointUrl, int rows) {
        return handle.createQuery("""
                        select %s
                        from %s
                        where o.id < :before and (%s)
                          and (cast(:channel as text) is null or o.channel = :channel)
                          and (cast(:url as text) is null or (o.channel = 'webhook' and o.recipient = :url))
                          and (cast(:topic as text) is null or o.topic = :topic)
                        order by o.id desc
                        limit :limit""".formatted(LISTED_COLUMNS, LISTED_FROM,
                        query.status().map(status -> statusCondition(status, "o")).orElse("true")))
                .bind("before", query.beforeId().orElse(Long.MAX_VALUE))
                .bind("channel", query.channelListed().map(Message.Channel::code).orElse(null))
                .bind("url", endpointUrl.orElse(null))
                .bind("topic", query.topic().orElse(null))
                .bind("limit", rows)
                .map((rs, ctx) -> listed(rs))
                .list();
    }

    /**
     * One outbox message as listed, its row locked until the transaction ends: a command decides on the state it
     * read, and the delivery worker (which holds the row while it sends) cannot change it meanwhile.
     */
    public static Optional<OutboxEntry> lockForChange(Handle handle, long id) {
        return handle.createQuery("select %s from %s where o.id = :id for update of o".formatted(LISTED_COLUMNS, LISTED_FROM))
                .bind("id", id)
                .map((rs, ctx) -> listed(rs))
                .findOne();
    }

    private static OutboxEntry listed(ResultSet rs) throws SQLException {
        DeliveryStatus status = DeliveryStatus.parse("status", rs.getString("listed_status"));
        Long heldBy = rs.getObject("held_by_id", Long.class);
        Long pausedEndpoint = rs.getObject("paused_endpoint_id", Long.class);
        // A paused endpoint holds every message to it, the earlier one this one would wait for too: that is the reason to give.
        Optional<OutboxEntry.Hold> held = pausedEndpoint != null ? Optional.of(new OutboxEntry.Hold.EndpointPaused(pausedEndpoint))
                : heldBy == null ? Optional.empty() : Optional.of(new OutboxEntry.Hold.Behind(heldBy,
                DeliveryStatus.parse("status", rs.getString("held_by_status")),
                rs.getObject("held_by_next_attempt_at", OffsetDateTime.class).toInstant()));
        return new OutboxEntry(rs.getLong("id"), rs.getObject("message_id", UUID.class),
                Message.Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)), rs.getString("topic"),
                rs.getString("recipient"), Optional.ofNullable(rs.getObject("endpoint_id", Long.class)), status,
                rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")),
                status.willBeTried() && !OutboxEntry.waitsForResume(held)
                        ? Optional.of(rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()) : Optional.empty(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant), held);
    }

    /** Messages the relay could not store in the outbox, newest first, with ids below {@code beforeId}. */
    public static List<UnstoredMessage> unstored(Handle handle, long beforeId, int limit) {
        return handle.createQuery("""
                        select id, message_id, channel, topic, recipient, cause, reason, parked_at from parked_messages
                        where id < :before order by id desc limit :limit""")
                .bind("before", beforeId).bind("limit", limit)
                .map((rs, ctx) -> new UnstoredMessage(rs.getLong("id"), rs.getObject("message_id", UUID.class),
                        Message.Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)), rs.getString("topic"),
                        rs.getString("recipient"), rs.getString("cause"), rs.getString("reason"),
                        rs.getObject("parked_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The webhook endpoints new messages are written for, with their secrets: the active ones and the paused ones
     * (whose messages wait until they are resumed); not deleted or disabled ones.
     */
    public static List<WebhookEndpoint> endpoints(Handle handle) {
        return handle.createQuery("select id, url, secret from webhook_endpoints where deleted_at is null and (active or paused_at is not null) order by id")
                .map((rs, ctx) -> new WebhookEndpoint(rs.getLong("id"), rs.getString("url"), rs.getString("secret")))
                .list();
    }

    /** A new endpoint, or empty when a live one already has this URL (one live endpoint per URL, a unique index). */
    public static Optional<WebhookEndpoint> addEndpoint(Handle handle, String url, String secret, Instant now) {
        return handle.createQuery("""
                        insert into webhook_endpoints (url, secret, created_at) values (:url, :secret, :at)
                        on conflict (url) where deleted_at is null do nothing returning id""")
                .bind("url", url).bind("secret", secret).bind("at", SqlPurchasing.utc(now)).mapTo(Long.class).findOne()
                .map(id -> new WebhookEndpoint(id, url, secret));
    }

    /** The live endpoint that has this URL, if any. */
    public static Optional<Long> liveEndpointId(Handle handle, String url) {
        return handle.createQuery("select id from webhook_endpoints where url = :url and deleted_at is null")
                .bind("url", url).mapTo(Long.class).findOne();
    }

    public static Optional<String> endpointSecret(Handle handle, String url) {
        // A paused endpoint's messages wait for it to be resumed, then go signed with its secret; a deleted or disabled one has none.
        return handle.createQuery("""
                        select secret from webhook_endpoints
                        where url = :url and deleted_at is null and (active or paused_at is not null) order by active desc, id limit 1""")
                .bind("url", url).mapTo(String.class).findOne();
    }

    /**
     * The secrets a delivery to this URL is signed with at {@code now}: the endpoint's secret, then the one it replaced
     * while that one's grace period lasts; empty when no endpoint may receive it (as {@link #endpointSecret}).
     */
    public static List<String> signingSecrets(Handle handle, String url, Instant now) {
        return handle.createQuery("""
                        select secret, case when previous_secret_until > :now then previous_secret end as previous from webhook_endpoints
                        where url = :url and deleted_at is null and (active or paused_at is not null) order by active desc, id limit 1""")
                .bind("url", url).bind("now", SqlPurchasing.utc(now))
                .map((rs, ctx) -> rs.getString("previous") == null ? List.of(rs.getString("secret"))
                        : List.of(rs.getString("secret"), rs.getString("previous")))
                .findOne().orElse(List.of());
    }
}
