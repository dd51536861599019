package restock.store;

import org.jdbi.v3.core.Handle;
import restock.notify.ListedWebhookEndpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints as a shop manages them: listed, paused and resumed, deleted, their secrets rotated. */
public final class SqlWebhooks {
    /** Why queued messages to a deleted endpoint were dead-lettered. */
    public static final String DELETED_REASON = "the webhook endpoint was deleted";

    private SqlWebhooks() {
    }

    /** The endpoints not deleted, oldest first; a replaced secret's end only while it is after {@code now}. */
    public static List<ListedWebhookEndpoint> list(Handle handle, Instant now) {
        return handle.createQuery("""
                        select id, url, active, paused_at, created_at, secret_rotated_at,
                               case when previous_secret_until > :now then previous_secret_until end as previous_secret_until
                        from webhook_endpoints where deleted_at is null order by id""")
                .bind("now", SqlPurchasing.utc(now))
                .map((rs, ctx) -> new ListedWebhookEndpoint(rs.getLong("id"), rs.getString("url"),
                        rs.getBoolean("active") ? "active" : rs.getObject("paused_at") != null ? "paused" : "disabled",
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("paused_at", java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant),
                        Optional.ofNullable(rs.getObject("secret_rotated_at", java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant),
                        Optional.ofNullable(rs.getObject("previous_secret_until", java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant)))
                .list();
    }

    public static Optional<ListedWebhookEndpoint> find(Handle handle, long id, Instant now) {
        return list(handle, now).stream().filter(endpoint -> endpoint.id() == id).findFirst();
    }

    /** The URL of an endpoint, deleted ones included: the outbox keeps their history. */
    public static Optional<String> url(Handle handle, long id) {
        return handle.createQuery("select url from webhook_endpoints where id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    /** Pauses an active endpoint or resumes a paused one; false when there is no such endpoint (or it is disabled). */
    public static boolean setPaused(Handle handle, long id, boolean paused, Instant now) {
        String sql = paused
                ? "update webhook_endpoints set active = false, paused_at = coalesce(paused_at, :at) where id = :id and deleted_at is null and (active or paused_at is not null)"
                : "update webhook_endpoints set active = true, paused_at = null where id = :id and deleted_at is null and (active or paused_at is not null)";
        return handle.createUpdate(sql).bind("id", id).bind("at", SqlPurchasing.utc(now)).execute() == 1;
    }

    /** Deletes an endpoint and dead-letters what is still queued for its URL (unless another live endpoint has it). */
    public static boolean delete(Handle handle, long id, Instant now) {
        Optional<String> url = handle.createQuery("""
                        update webhook_endpoints set active = false, paused_at = null, deleted_at = :at
                        where id = :id and deleted_at is null returning url""")
                .bind("id", id).bind("at", SqlPurchasing.utc(now)).mapTo(String.class).findOne();
        url.ifPresent(address -> handle.createUpdate("""
                        update outbox set status = 'dead', last_error = :reason
                        where channel = 'webhook' and status = 'pending' and recipient = :url
                          and not exists (select 1 from webhook_endpoints w where w.url = :url and w.deleted_at is null)""")
                .bind("reason", DELETED_REASON).bind("url", address).execute());
        return url.isPresent();
    }

    /**
     * Replaces the endpoint's secret; messages delivered from now on are signed with the new one, and also with the one
     * it replaces until {@code previousUntil} (empty: not at all). A secret replaced before, still in its grace, stops.
     */
    public static Optional<String> rotateSecret(Handle handle, long id, String secret, Optional<Instant> previousUntil, Instant now) {
        return handle.createQuery("""
                        update webhook_endpoints set previous_secret = case when cast(:until as timestamptz) is null then null else secret end,
                               previous_secret_until = :until, secret = :secret, secret_rotated_at = :at
                        where id = :id and deleted_at is null returning url""")
                .bind("id", id).bind("secret", secret).bindByType("until", previousUntil.map(SqlPurchasing::utc).orElse(null), java.time.OffsetDateTime.class)
                .bind("at", SqlPurchasing.utc(now)).mapTo(String.class).findOne();
    }
}
