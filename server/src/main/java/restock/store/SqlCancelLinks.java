package restock.store;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** Which customer links were used (by the hash of their token; the token itself is never stored). */
public final class SqlCancelLinks {
    private SqlCancelLinks() {
    }

    public static boolean used(Handle handle, String tokenHash) {
        return handle.createQuery("select count(*) from used_cancel_links where token_hash = :hash")
                .bind("hash", tokenHash).mapTo(Long.class).one() > 0;
    }

    /** Marks the link used; false when it already was (a concurrent click). */
    public static boolean markUsed(Handle handle, String tokenHash, long orderId, Instant now) {
        return handle.createUpdate("""
                        insert into used_cancel_links (token_hash, order_id, used_at) values (:hash, :order, :at)
                        on conflict do nothing""")
                .bind("hash", tokenHash).bind("order", orderId).bind("at", SqlPurchasing.utc(now))
                .execute() == 1;
    }
}
