package restock.store;

import org.jdbi.v3.core.Handle;
import restock.allocation.SkuBook;
import restock.promise.Outlook;
import restock.promise.Promise;
import restock.promise.PromiseCalibration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each waiting line's promise current. A line whose dates or purchase order line changed gets a
 * {@code promise_changed} event, in queue order; a probability that merely drifts is updated quietly.
 */
public final class SqlPromises {
    private SqlPromises() {
    }

    /** A line's stored promise. */
    public record StoredPromise(Long purchaseOrderLineId, LocalDate from, LocalDate to, double probability, LocalDate firstTo) {
        boolean sameCommitment(Optional<Promise> promise) {
            return promise.map(p -> Objects.equals(purchaseOrderLineId, p.purchaseOrderLineId()) && p.from().equals(from) && p.to().equals(to))
                    .orElse(to == null);
        }
    }

    static void save(Handle handle, SkuBook book, Instant now) {
        Map<Long, Outlook> outlooks = book.linePromises();
        if (outlooks.isEmpty()) {
            return;
        }
        // One read for the whole queue: a hot SKU's write must not cost a query per waiting line.
        Map<Long, StoredPromise> storedByLine = findAll(handle, List.copyOf(outlooks.keySet()));
        for (Map.Entry<Long, Outlook> entry : outlooks.entrySet()) {
            long lineId = entry.getKey();
            Optional<Promise> promise = entry.getValue() instanceof Outlook.Promised promised ? Optional.of(promised.promise()) : Optional.empty();
            double probability = entry.getValue() instanceof Outlook.Unconfirmed unconfirmed
                    ? unconfirmed.probability() : promise.orElseThrow().probability();
            Optional<StoredPromise> stored = Optional.ofNullable(storedByLine.get(lineId));
            if (stored.isEmpty()) {
                upsert(handle, lineId, promise, probability, now);
            } else if (!stored.get().sameCommitment(promise)) {
                upsert(handle, lineId, promise, probability, now);
                long orderId = handle.createQuery("select order_id from order_lines where id = :id").bind("id", lineId).mapTo(Long.class).one();
                SqlOrders.recordEvent(handle, orderId, lineId, book.sku(), "promise_changed", 0, now);
            } else if (stored.get().probability() != probability) {
                upsert(handle, lineId, promise, probability, now);
            }
        }
    }

    /** Marks lines that stopped waiting (filled) so the calibration report can judge their first promise. */
    static void markFilled(Handle handle, long lineId, Instant now) {
        handle.createUpdate("""
                        update line_promises set filled_at = :at
                        where order_line_id = :id and filled_at is null
                          and (select waiting from order_lines where id = :id) = 0""")
                .bind("at", SqlPurchasing.utc(now))
                .bind("id", lineId)
                .execute();
    }

    /** First promises that are resolved: filled, or past their date unfilled. */
    public static List<PromiseCalibration.Outcome> outcomes(Handle handle, LocalDate today, int handlingDays) {
        return handle.createQuery("""
                        select first_probability, first_eta_to, (filled_at at time zone 'UTC')::date as filled_on
                        from line_promises
                        where first_eta_to is not null and (filled_at is not null or first_eta_to < :today)""")
                .bind("today", today)
                .map((rs, ctx) -> {
                    LocalDate filledOn = rs.getObject("filled_on", LocalDate.class);
                    LocalDate promisedBy = rs.getObject("first_eta_to", LocalDate.class);
                    boolean kept = filledOn != null && !filledOn.plusDays(handlingDays).isAfter(promisedBy);
                    return new PromiseCalibration.Outcome(rs.getDouble("first_probability"), kept);
                })
                .list();
    }

    private static Map<Long, StoredPromise> findAll(Handle handle, List<Long> lineIds) {
        Map<Long, StoredPromise> stored = new java.util.HashMap<>();
        handle.createQuery("select * from line_promises where order_line_id = any(:ids)")
                .bindArray("ids", Long.class, lineIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("order_line_id"), new StoredPromise((Long) rs.getObject("purchase_order_line_id"),
                        rs.getObject("eta_from", LocalDate.class), rs.getObject("eta_to", LocalDate.class), rs.getDouble("probability"),
                        rs.getObject("first_eta_to", LocalDate.class))))
                .forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
        return stored;
    }

    public static Optional<StoredPromise> find(Handle handle, long lineId) {
        return handle.createQuery("select * from line_promises where order_line_id = :id")
                .bind("id", lineId)
                .map((rs, ctx) -> new StoredPromise((Long) rs.getObject("purchase_order_line_id"),
                        rs.getObject("eta_from", LocalDate.class), rs.getObject("eta_to", LocalDate.class), rs.getDouble("probability"),
                        rs.getObject("first_eta_to", LocalDate.class)))
                .findOne();
    }

    /** Writes a line's current promise; the first promise it was ever given is kept for the calibration report. */
    private static void upsert(Handle handle, long lineId, Optional<Promise> promise, double probability, Instant now) {
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
                .bind("id", lineId)
                .bind("poLine", promise.map(Promise::purchaseOrderLineId).orElse(null))
                .bind("from", promise.map(Promise::from).orElse(null))
                .bind("to", promise.map(Promise::to).orElse(null))
                .bind("probability", probability)
                .bind("firstProbability", promise.map(Promise::probability).orElse(null))
                .bind("firstAt", promise.isPresent() ? SqlPurchasing.utc(now) : null)
                .bind("at", SqlPurchasing.utc(now))
                .execute();
    }
}
