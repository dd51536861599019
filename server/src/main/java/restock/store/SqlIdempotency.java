package restock.store;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** First answers to commands that carried an idempotency key. */
public final class SqlIdempotency {
    private SqlIdempotency() {
    }

    /** A stored answer and the hash of the request that produced it. */
    public record StoredAnswer(String requestHash, int statusCode, String responseBody) {
    }

    /**
     * Serializes requests with the same key (a transaction-scoped advisory lock), then returns the stored answer if any.
     * Call inside the transaction that will run the command and {@link #store} its answer.
     */
    public static Optional<StoredAnswer> lockAndFind(Handle handle, String scope, String key) {
        handle.createQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:scope || ' ' || :key, 0))) as locked")
                .bind("scope", scope)
                .bind("key", key)
                .mapTo(Integer.class)
                .one();
        return handle.createQuery("select request_hash, status_code, response_body from idempotent_requests where scope = :scope and key = :key")
                .bind("scope", scope)
                .bind("key", key)
                .map((rs, ctx) -> new StoredAnswer(rs.getString("request_hash"), rs.getInt("status_code"), rs.getString("response_body")))
                .findOne();
    }

    public static void store(Handle handle, String scope, String key, String requestHash, int statusCode, String responseBody, Instant now) {
        handle.createUpdate("""
                        insert into idempotent_requests (scope, key, request_hash, status_code, response_body, created_at)
                        values (:scope, :key, :hash, :status, :body, :at)""")
                .bind("scope", scope)
                .bind("key", key)
                .bind("hash", requestHash)
                .bind("status", statusCode)
                .bind("body", responseBody)
                .bind("at", SqlPurchasing.utc(now))
                .execute();
    }
}
