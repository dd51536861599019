package restock.store;

import org.jdbi.v3.core.Handle;
import restock.allocation.BookChanges;
import restock.allocation.StoredPromise;
import restock.promise.Promise;
import restock.promise.FirstPromise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each waiting line's current promise, and the first one it was given (the calibration report reads those). */
public final class SqlPromises {
    private SqlPromises() {
    }

    /** A line's stored promise. */
    public static Optional<StoredPromise> find(Handle handle, long lineId) {
        return handle.createQuery("select * from line_promises where order_line_id = :id")
                .bind("id", lineId)
                .map((rs, ctx) -> stored(rs))
                .findOne();
    }

    private static StoredPromise stored(ResultSet rs) throws SQLException {
        LocalDate to = rs.getObject("eta_to", LocalDate.class);
        Optional<Promise> promise = to == null ? Optional.empty() : Optional.of(new Promise(rs.getObject("eta_from", LocalDate.class), to,
                rs.getDouble("probability"), Optional.ofNullable((Long) rs.getObject("purchase_order_line_id"))));
        return new StoredPromise(promise, rs.getDouble("probability"));
    }

    /** Writes a line's current promise; the first promise it was ever given is kept for the calibration report. */
    static void upsert(Handle handle, BookChanges.PromiseUpdate update, Instant now) {
        Optional<Promise> promise = update.promise();
        handle.createUpdate("""
                        insert into line_promises (order_line_id, purchase_order_line_id, eta_from, eta_to, probability,
                                                   first_eta_to, first_probability, first_promised_at, updated_at)
                        values (:id, :poLine, :from, :to, :probability, :to, :firstProbability, :firstAt, :at)
                        on conflict (order_line_id) do update set
                            purchase_order_line_id = excluded.purchase_order_line_id, eta_from = excluded.eta_from,
                            eta_to = excluded.eta_to, probability = excluded.probability, updated_at = excluded.updated_at,
                            first_eta_to = coalesce(line_promises.first_eta_to, excluded.first_eta_to),
                            first_probability = coalesce(line_promises.first_probability, excluded.first_probability),
                            first_promised_at = coalesce(line_promises.first_promised_at, excluded.first_promised_at)""")
                .bind("id", update.lineId())
                .bind("poLine", promise.flatMap(Promise::purchaseOrderLineId).orElse(null))
                .bind("from", promise.map(Promise::from).orElse(null))
                .bind("to", promise.map(Promise::to).orElse(null))
                .bind("probability", update.probability())
                .bind("firstProbability", promise.map(Promise::probability).orElse(null))
                .bind("firstAt", promise.isPresent() ? SqlPurchasing.utc(now) : null)
                .bind("at", SqlPurchasing.utc(now))
                .execute();
    }

    /** Marks a line that stopped waiting (filled) so the calibration report can judge its first promise. */
    static void markFilled(Handle handle, long lineId, Instant now) {
        handle.createUpdate("update line_promises set filled_at = :at where order_line_id = :id and filled_at is null")
                .bind("at", SqlPurchasing.utc(now))
                .bind("id", lineId)
                .execute();
    }

    /** Every line's first promise, with how its wait ended; {@link FirstPromise#verdict} judges them. */
    public static List<FirstPromise> firstPromises(Handle handle) {
        return handle.createQuery("""
                        select p.first_probability, p.first_eta_to, (p.filled_at at time zone 'UTC')::date as filled_on,
                               l.waiting > 0 as still_waiting,
                               (select (max(e.occurred_at) at time zone 'UTC')::date from order_events e
                                where e.order_id = l.order_id and e.order_line_id = l.id and e.kind = 'cancelled') as cancelled_on
                        from line_promises p join order_lines l on l.id = p.order_line_id
                        where p.first_eta_to is not null""")
                .map((rs, ctx) -> new FirstPromise(rs.getDouble("first_probability"), rs.getObject("first_eta_to", LocalDate.class),
                        Optional.ofNullable(rs.getObject("filled_on", LocalDate.class)),
                        Optional.ofNullable(rs.getObject("cancelled_on", LocalDate.class)), rs.getBoolean("still_waiting")))
                .list();
    }
}
