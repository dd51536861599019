package restock.store;

import org.jdbi.v3.core.Handle;
import restock.payments.GatewayResult;
import restock.payments.LinePayment;
import restock.payments.PaymentEventKind;
import restock.payments.PaymentOperation;
import restock.payments.PaymentState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Line payments, the gateway calls owed for them, and the payment event log. */
public final class SqlPayments {
    private static final String SNAPSHOT = """
            select p.*, l.waiting, l.reserved, l.shipped, l.cancelled,
                   exists (select 1 from payment_operations o where o.order_line_id = p.order_line_id
                           and o.status in ('pending', 'in_flight', 'unknown')) as under_way
            from line_payments p join order_lines l on l.id = p.order_line_id""";

    private SqlPayments() {
    }

    /** A claimed gateway call with what the gateway needs to make it. */
    public record Claimed(long id, PaymentOperation operation, PaymentOperation.Status status) {
    }

    public static void open(Handle handle, long lineId, PaymentState state, long amountMinor, String currency, String token,
                            boolean backorderedAtPlacement, Instant now) {
        handle.createUpdate("""
                        insert into line_payments (order_line_id, state, amount_minor, currency, payment_method_token,
                                                   backordered_at_placement, updated_at)
                        values (:line, :state, :amount, :currency, :token, :backordered, :at)""")
                .bind("line", lineId)
                .bind("state", state.code())
                .bind("amount", amountMinor)
                .bind("currency", currency)
                .bind("token", token)
                .bind("backordered", backorderedAtPlacement)
                .bind("at", SqlPurchasing.utc(now))
                .execute();
    }

    /** The payments of an order's lines that Restock takes payment for, in line order: one statement for the order. */
    public static List<LinePayment> ofOrder(Handle handle, long orderId) {
        return handle.createQuery(SNAPSHOT + " where l.order_id = :order order by l.line_number")
                .bind("order", orderId)
                .map((rs, ctx) -> snapshot(rs))
                .list();
    }

    /** The payments of several orders' lines, by order id. */
    public static java.util.Map<Long, List<LinePayment>> ofOrders(Handle handle, List<Long> orderIds) {
        java.util.Map<Long, List<LinePayment>> payments = new java.util.HashMap<>();
        handle.createQuery(SNAPSHOT.replace("select p.*,", "select p.*, l.order_id,") + " where l.order_id = any(:orders) order by l.order_id, l.line_number")
                .bindArray("orders", Long.class, orderIds)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("order_id"), snapshot(rs)))
                .forEach(entry -> payments.computeIfAbsent(entry.getKey(), k -> new java.util.ArrayList<>()).add(entry.getValue()));
        return payments;
    }

    /** Lines whose payment may still need a step, in line order after a given line (keyset paging). */
    public static List<LinePayment> active(Handle handle, long afterLineId, int limit) {
        return handle.createQuery(SNAPSHOT + "\n" + """
                         where p.state not in ('voided', 'refunded', 'cancelled')
                           and not (p.state = 'captured' and l.cancelled = 0)
                           and p.order_line_id > :after
                         order by p.order_line_id limit :limit""")
                .bind("after", afterLineId)
                .bind("limit", limit)
                .map((rs, ctx) -> snapshot(rs))
                .list();
    }

    /** The line's payment, locked: a cancellation and a gateway call for the same line run one after the other. */
    public static Optional<LinePayment> lock(Handle handle, long lineId) {
        return handle.createQuery(SNAPSHOT + " where p.order_line_id = :line for update of p")
                .bind("line", lineId)
                .map((rs, ctx) -> snapshot(rs))
                .findOne();
    }

    public static Optional<LinePayment> find(Handle handle, long lineId) {
        return handle.createQuery(SNAPSHOT + " where p.order_line_id = :line")
                .bind("line", lineId)
                .map((rs, ctx) -> snapshot(rs))
                .findOne();
    }

    private static LinePayment snapshot(ResultSet rs) throws SQLException {
        boolean filled = rs.getInt("waiting") == 0 && rs.getInt("reserved") + rs.getInt("shipped") > 0;
        return new LinePayment(rs.getLong("order_line_id"), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getString("payment_method_token"), state(rs), rs.getBoolean("backordered_at_placement"), filled,
                rs.getInt("shipped") > 0, rs.getInt("cancelled") > 0, rs.getBoolean("under_way"), rs.getInt("generation"));
    }

    private static PaymentState state(ResultSet rs) throws SQLException {
        String token = rs.getString("payment_method_token");
        return switch (rs.getString("state")) {
            case "awaiting_authorization" -> new PaymentState.AwaitingAuthorization(token);
            case "awaiting_fill" -> new PaymentState.AwaitingFill(token);
            case "authorized" -> new PaymentState.Authorized(rs.getString("authorization_id"), rs.getLong("amount_minor"),
                    rs.getObject("expires_at", OffsetDateTime.class).toInstant());
            case "captured" -> new PaymentState.Captured(rs.getString("charge_id"), rs.getLong("captured_minor"));
            case "voided" -> new PaymentState.Voided();
            case "cancelled" -> new PaymentState.Cancelled();
            case "refunded" -> new PaymentState.Refunded(rs.getLong("refunded_minor"));
            case "failed" -> new PaymentState.Failed(rs.getString("failure_reason"), rs.getObject("hold_until", OffsetDateTime.class).toInstant());
            default -> throw new IllegalStateException("unknown payment state " + rs.getString("state"));
        };
    }

    /** Closes a payment that needs no gateway call (a cancelled line that held nothing). */
    public static void close(Handle handle, long lineId, PaymentState state, Instant now) {
        handle.createUpdate("update line_payments set state = :state, updated_at = :at where order_line_id = :line")
                .bind("state", state.code())
                .bind("at", SqlPurchasing.utc(now))
                .bind("line", lineId)
                .execute();
    }

    /** Owes a gateway call; a line with a call already under way gets none (the unique index says so too). */
    public static boolean enqueue(Handle handle, PaymentOperation operation, Instant now) {
        return handle.createUpdate("""
                        insert into payment_operations (order_line_id, kind, amount_minor, idempotency_key, status, created_at, updated_at)
                        values (:line, :kind, :amount, :key, 'pending', :at, :at)
                        on conflict do nothing""")
                .bind("line", operation.orderLineId())
                .bind("kind", operation.kind().code())
                .bind("amount", operation.amountMinor())
                .bind("key", operation.idempotencyKey())
                .bind("at", SqlPurchasing.utc(now))
                .execute() == 1;
    }

    /** Claims one owed call (pending, or unknown for reconciliation), skipping those another worker holds. */
    public static Optional<Claimed> claim(Handle handle, List<PaymentOperation.Status> statuses) {
        return handle.createQuery("""
                        select id, order_line_id, kind, amount_minor, idempotency_key, status from payment_operations
                        where status = any(:statuses) order by id limit 1 for update skip locked""")
                .bindArray("statuses", String.class, statuses.stream().map(PaymentOperation.Status::code).toList())
                .map((rs, ctx) -> new Claimed(rs.getLong("id"), new PaymentOperation(
                        PaymentOperation.Kind.of(rs.getString("kind")), rs.getLong("order_line_id"), rs.getLong("amount_minor"),
                        rs.getString("idempotency_key")), PaymentOperation.Status.of(rs.getString("status"))))
                .findOne();
    }

    public static void markOperation(Handle handle, long id, PaymentOperation.Status status, GatewayResult result, Instant now) {
        String reference = result instanceof GatewayResult.Succeeded s ? s.reference() : null;
        String reason = result instanceof GatewayResult.Declined d ? d.reason() : result instanceof GatewayResult.Unknown u ? u.reason() : null;
        handle.createUpdate("""
                        update payment_operations set status = :status, attempts = attempts + 1, result_reference = :reference,
                               result_reason = :reason, updated_at = :at where id = :id""")
                .bind("status", status.code())
                .bind("reference", reference)
                .bind("reason", reason)
                .bind("at", SqlPurchasing.utc(now))
                .bind("id", id)
                .execute();
        if (status.closed()) {
            // A closed call moves the line to its next generation, so the next call gets a key of its own.
            handle.createUpdate("""
                            update line_payments set generation = generation + 1
                            where order_line_id = (select order_line_id from payment_operations where id = :id)""")
                    .bind("id", id)
                    .execute();
        }
    }

    /** Writes a line's new payment state, counts the settled call, and logs the event a customer may hear about. */
    public static void settle(Handle handle, long lineId, PaymentState state, Optional<PaymentEventKind> event, long eventAmountMinor,
                              String reference, Instant now) {
        handle.createUpdate("""
                        update line_payments set state = :state, authorization_id = :auth, expires_at = :expires,
                               charge_id = coalesce(:charge, charge_id),
                               captured_minor = case when :state = 'captured' then :captured else captured_minor end,
                               refunded_minor = case when :state = 'refunded' then :refunded else refunded_minor end,
                               failure_reason = :reason, hold_until = :hold, updated_at = :at
                        where order_line_id = :line""")
                .bind("state", state.code())
                .bind("auth", state instanceof PaymentState.Authorized a ? a.authorizationId() : null)
                .bind("expires", state instanceof PaymentState.Authorized a ? SqlPurchasing.utc(a.expiresAt()) : null)
                .bind("charge", state instanceof PaymentState.Captured c ? c.chargeId() : null)
                .bind("captured", state instanceof PaymentState.Captured c ? c.amountMinor() : 0)
                .bind("refunded", state instanceof PaymentState.Refunded r ? r.amountMinor() : 0)
                .bind("reason", state instanceof PaymentState.Failed f ? f.reason() : null)
                .bind("hold", state instanceof PaymentState.Failed f ? SqlPurchasing.utc(f.holdUntil()) : null)
                .bind("at", SqlPurchasing.utc(now))
                .bind("line", lineId)
                .execute();
        event.ifPresent(kind -> recordEvent(handle, lineId, kind, eventAmountMinor, reference, now));
    }

    /** A customer's new payment method for a line whose charge failed: it is charged on the next pass. */
    public static void replaceMethod(Handle handle, long lineId, String paymentMethodToken, Instant now) {
        handle.createUpdate("""
                        update line_payments set payment_method_token = :token, state = 'awaiting_fill', failure_reason = null,
                               hold_until = null, updated_at = :at where order_line_id = :line""")
                .bind("token", paymentMethodToken).bind("at", SqlPurchasing.utc(now)).bind("line", lineId).execute();
        recordEvent(handle, lineId, PaymentEventKind.PAYMENT_METHOD_UPDATED, 0, null, now);
    }

    public static void recordEvent(Handle handle, long lineId, PaymentEventKind kind, long amountMinor, String reference, Instant now) {
        handle.createUpdate("""
                        insert into payment_events (order_line_id, kind, amount_minor, reference, occurred_at)
                        values (:line, :kind, :amount, :reference, :at)""")
                .bind("line", lineId)
                .bind("kind", kind.code())
                .bind("amount", amountMinor)
                .bind("reference", reference)
                .bind("at", SqlPurchasing.utc(now))
                .execute();
    }

    public static void recordCancellation(Handle handle, long orderId, String reason, restock.orders.CancellationChannel via, Instant now) {
        handle.createUpdate("insert into cancellations (order_id, reason, via, occurred_at) values (:order, :reason, :via, :at)")
                .bind("order", orderId)
                .bind("reason", reason)
                .bind("via", via.code())
                .bind("at", SqlPurchasing.utc(now))
                .execute();
    }
}
