package restock.store;

import org.jdbi.v3.core.Handle;
import restock.access.ApiKey;
import restock.access.KeySecret;
import restock.access.Scope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** API keys by the hash of their secret; the secret itself is never stored. */
public final class SqlApiKeys {
    private SqlApiKeys() {
    }

    /** A key with the hash a presented secret must match. */
    public record Stored(ApiKey key, byte[] sha256) {
    }

    public static ApiKey insert(Handle handle, String name, Scope scope, KeySecret secret, int requestsPerMinute, String createdBy,
                                Instant now) {
        long id = handle.createQuery("""
                        insert into api_keys (name, scope, prefix, secret_sha256, requests_per_minute, created_at, created_by)
                        values (:name, :scope, :prefix, :hash, :rate, :at, :by) returning id""")
                .bind("name", name).bind("scope", scope.code()).bind("prefix", secret.prefix()).bind("hash", secret.sha256())
                .bind("rate", requestsPerMinute).bind("at", SqlPurchasing.utc(now)).bind("by", createdBy)
                .mapTo(Long.class).one();
        return new ApiKey(id, name, scope, secret.prefix(), requestsPerMinute, now, createdBy, Optional.empty(), Optional.empty());
    }

    /** Keys not revoked and not expired at a moment, with their hashes (what the API checks requests against). */
    public static List<Stored> active(Handle handle, Instant now) {
        return handle.createQuery("""
                        select * from api_keys where revoked_at is null and (expires_at is null or expires_at > :now) order by id""")
                .bind("now", SqlPurchasing.utc(now))
                .map((rs, ctx) -> new Stored(key(rs), rs.getBytes("secret_sha256"))).list();
    }

    public static List<ApiKey> all(Handle handle) {
        return handle.createQuery("select * from api_keys order by id").map((rs, ctx) -> key(rs)).list();
    }

    /** The key with this prefix, locked for a change. */
    public static Optional<ApiKey> lock(Handle handle, String prefix) {
        return handle.createQuery("select * from api_keys where prefix = :prefix for update").bind("prefix", prefix)
                .map((rs, ctx) -> key(rs)).findOne();
    }

    public static void revoke(Handle handle, long id, Instant now) {
        handle.createUpdate("update api_keys set revoked_at = :at where id = :id and revoked_at is null")
                .bind("at", SqlPurchasing.utc(now)).bind("id", id).execute();
    }

    /** Names a rotated key's replacement and, after a grace period, when the old key stops. */
    public static void replace(Handle handle, long id, long replacement, Optional<Instant> expiresAt) {
        handle.createUpdate("""
                        update api_keys set replaced_by = :replacement,
                                            expires_at = least(coalesce(expires_at, :expires), :expires) where id = :id""")
                .bind("replacement", replacement).bind("expires", expiresAt.map(SqlPurchasing::utc).orElse(null)).bind("id", id).execute();
    }

    public static boolean anyActive(Handle handle, Scope scope, Instant now) {
        return handle.createQuery("""
                        select exists (select 1 from api_keys where scope = :scope and revoked_at is null
                                       and (expires_at is null or expires_at > :now))""")
                .bind("scope", scope.code()).bind("now", SqlPurchasing.utc(now)).mapTo(Boolean.class).one();
    }

    /** Takes the bootstrap turn: two instances starting at once on an empty database create one first key, not two. */
    public static void lockForBootstrap(Handle handle) {
        handle.execute("lock table api_keys in share row exclusive mode");
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), Scope.parse("scope", rs.getString("scope")), rs.getString("prefix"),
                rs.getInt("requests_per_minute"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }
}
