package restock.store;

import org.jdbi.v3.core.Handle;
import restock.engagement.WaitlistEntry;
import restock.catalog.Sku;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The waitlist: who asked to hear about which SKU, in sign-up order, and who has been told. */
public final class SqlWaitlist {
    private SqlWaitlist() {
    }


    /** Signs up; an active sign-up for the same SKU and email is returned as it is. */
    public static WaitlistEntry signUp(Handle handle, Sku sku, String email, int quantity, boolean confirmed, Instant now) {
        Optional<WaitlistEntry> existing = handle.createQuery("""
                        select id, sku, email, quantity, confirmed_at is not null as confirmed from waitlist
                        where sku = :sku and lower(email) = lower(:email) and unsubscribed_at is null""")
                .bind("sku", sku.code()).bind("email", email)
                .map((rs, ctx) -> entry(rs)).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = handle.createQuery("""
                        insert into waitlist (sku, email, quantity, consent_at, confirmed_at, created_at)
                        values (:sku, :email, :quantity, :at, :confirmed, :at) returning id""")
                .bind("sku", sku.code()).bind("email", email).bind("quantity", quantity)
                .bind("at", SqlPurchasing.utc(now)).bind("confirmed", confirmed ? SqlPurchasing.utc(now) : null)
                .mapTo(Long.class).one();
        return new WaitlistEntry(id, sku.code(), email, quantity, confirmed);
    }

    /** The SKU a sign-up is for, whatever its state. */
    public static Optional<String> skuOf(Handle handle, long id) {
        return handle.createQuery("select sku from waitlist where id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    public static boolean confirm(Handle handle, long id, Instant now) {
        return handle.createUpdate("update waitlist set confirmed_at = coalesce(confirmed_at, :at) where id = :id and unsubscribed_at is null")
                .bind("at", SqlPurchasing.utc(now)).bind("id", id).execute() == 1;
    }

    public static boolean unsubscribe(Handle handle, long id, Instant now) {
        return handle.createUpdate("update waitlist set unsubscribed_at = coalesce(unsubscribed_at, :at) where id = :id")
                .bind("at", SqlPurchasing.utc(now)).bind("id", id).execute() == 1;
    }

    /**
     * SKUs with someone still waiting to be told and units on hand that nobody has reserved: the notice pass runs
     * every second, so SKUs with nothing to offer are skipped here, before any stock row is locked.
     */
    public static List<String> skusWithWaiters(Handle handle, int limit) {
        return handle.createQuery("""
                        select distinct w.sku from waitlist w join stock s on s.sku = w.sku and s.location_code = :location
                        where w.unsubscribed_at is null and w.notified_at is null and w.confirmed_at is not null
                          and s.on_hand > s.reserved
                        order by w.sku limit :limit""")
                .bind("location", SqlBooks.LOCATION)
                .bind("limit", limit).mapTo(String.class).list();
    }

    /** People told about the SKU whose notice is still open. */
    public static int openNotices(Handle handle, String sku, Instant now) {
        return handle.createQuery("""
                        select count(*) from waitlist where sku = :sku and unsubscribed_at is null and notice_until > :now""")
                .bind("sku", sku).bind("now", SqlPurchasing.utc(now)).mapTo(Integer.class).one();
    }

    public static int waiting(Handle handle, String sku) {
        return handle.createQuery("""
                        select count(*) from waitlist where sku = :sku and unsubscribed_at is null and notified_at is null
                          and confirmed_at is not null""")
                .bind("sku", sku).mapTo(Integer.class).one();
    }

    /** The next people to tell, in sign-up order, locked so two workers never tell the same person. */
    public static List<WaitlistEntry> nextInLine(Handle handle, String sku, int count) {
        return handle.createQuery("""
                        select id, sku, email, quantity, true as confirmed from waitlist
                        where sku = :sku and unsubscribed_at is null and notified_at is null and confirmed_at is not null
                        order by id limit :count for update skip locked""")
                .bind("sku", sku).bind("count", count).map((rs, ctx) -> entry(rs)).list();
    }

    public static void markNotified(Handle handle, long id, Instant now, Instant until) {
        handle.createUpdate("update waitlist set notified_at = :at, notice_until = :until where id = :id")
                .bind("at", SqlPurchasing.utc(now)).bind("until", SqlPurchasing.utc(until)).bind("id", id).execute();
    }

    /**
     * The units held for notified waitlisters whose notice is still open, for the SKU in the column given (e.g.
     * {@code s.sku}), as a scalar subquery binding {@code :now}: the stock reads take it in the same statement.
     */
    static String heldUnitsOf(String skuColumn) {
        return """
                coalesce((select sum(w.held_quantity) from waitlist w
                          where w.sku = %s and w.held_quantity is not null and w.hold_used_at is null
                            and w.unsubscribed_at is null and w.notice_until > :now), 0)""".formatted(skuColumn);
    }

    /** Units this customer holds per SKU. */
    public static java.util.Map<String, Integer> holdsOf(Handle handle, String email, List<String> skus, Instant now) {
        java.util.Map<String, Integer> held = new java.util.HashMap<>();
        handle.createQuery("""
                        select sku, sum(held_quantity) as held from waitlist
                        where lower(email) = lower(:email) and sku = any(:skus) and held_quantity is not null and hold_used_at is null
                          and unsubscribed_at is null and notice_until > :now
                        group by sku""")
                .bind("email", email).bindArray("skus", String.class, skus).bind("now", SqlPurchasing.utc(now))
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("sku"), rs.getInt("held")))
                .forEach(entry -> held.put(entry.getKey(), entry.getValue()));
        return held;
    }

    public static void useHolds(Handle handle, String email, List<String> skus, Instant now) {
        handle.createUpdate("""
                        update waitlist set hold_used_at = :at where lower(email) = lower(:email) and sku = any(:skus)
                          and held_quantity is not null and hold_used_at is null""")
                .bind("at", SqlPurchasing.utc(now)).bind("email", email).bindArray("skus", String.class, skus).execute();
    }

    public static void markNotifiedWithHold(Handle handle, long id, int quantity, Instant now, Instant until) {
        handle.createUpdate("update waitlist set notified_at = :at, notice_until = :until, held_quantity = :held where id = :id")
                .bind("at", SqlPurchasing.utc(now)).bind("until", SqlPurchasing.utc(until)).bind("held", quantity).bind("id", id).execute();
    }

    private static WaitlistEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WaitlistEntry(rs.getLong("id"), rs.getString("sku"), rs.getString("email"), rs.getInt("quantity"), rs.getBoolean("confirmed"));
    }
}
