package restock.service;

import restock.orders.CancellationChannel;
import org.jdbi.v3.core.Handle;
import restock.payments.GatewayResult;
import restock.payments.LinePayment;
import restock.payments.PaymentGateway;
import restock.payments.PaymentEventKind;
import restock.payments.PaymentOperation;
import restock.payments.PaymentPolicy;
import restock.payments.PaymentRules;
import restock.payments.PaymentState;
import restock.store.SqlOrders;
import restock.store.SqlPayments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moves payments along: plans what each line's payment needs next (from fills, shipments, cancellations and the
 * clock), makes the gateway calls one at a time with their idempotency keys, and reconciles calls whose outcome
 * was unknown. Each call runs holding its line's payment row, so a cancellation waits for it and then sees
 * its result: a cancel before capture always ends in a void, one after in a refund.
 */
public final class PaymentProcessor {
    /** Lines looked at per planning transaction. */
    public static final int PLAN_BATCH = 500;
    /** Lines looked at per pass at most; the next pass goes on from there, so every line is looked at in turn. */
    public static final int PLAN_LINES_PER_PASS = 5_000;
    /** Gateway calls made per pass, so one pass stays short. */
    public static final int CALLS_PER_PASS = 200;

    private final Restock restock;
    private final PayLinks payLinks;
    private final PaymentGateway gateway;
    private final PaymentPolicy policy;
    private final Clock clock;
    private final int planBatch;
    /**
     * The last line the planner looked at; 0 when the next pass starts from the first. Lines with nothing due
     * (waiting for stock) must not hide the ones behind them: a planner that always read the first batch never
     * refunded or authorized a line past it once more lines than that were waiting.
     */
    private long planCursor;

    public PaymentProcessor(Restock restock, PaymentGateway gateway, PaymentPolicy policy, Clock clock) {
        this(restock, gateway, policy, clock, PLAN_BATCH);
    }

    /** With another planning batch size (tests use small ones). */
    public PaymentProcessor(Restock restock, PaymentGateway gateway, PaymentPolicy policy, Clock clock, int planBatch) {
        if (planBatch < 1) {
            throw new IllegalArgumentException("planBatch must be positive, was " + planBatch);
        }
        this.planBatch = planBatch;
        this.restock = restock;
        this.payLinks = restock.payLinks();
        this.gateway = gateway;
        this.policy = policy;
        this.clock = clock;
    }

    /** One pass: plan, call, reconcile. Returns how much it did; zero means nothing is owed right now. */
    public int runOnce() {
        int work = plan();
        work += call(List.of(PaymentOperation.Status.PENDING));
        work += call(List.of(PaymentOperation.Status.UNKNOWN));
        return work;
    }

    /** Runs passes until nothing is owed or the bound is reached (tests and the demo). */
    public int drain(int maxPasses) {
        int total = 0;
        for (int pass = 0; pass < maxPasses; pass++) {
            int work = runOnce();
            total += work;
            if (work == 0 && planCursor == 0) {
                return total;
            }
        }
        return total;
    }

    /** Plans the next steps of up to {@link #PLAN_LINES_PER_PASS} lines, going on from where the last pass stopped. */
    private int plan() {
        int planned = 0;
        for (int looked = 0; looked < PLAN_LINES_PER_PASS; looked += planBatch) {
            long after = planCursor;
            long[] batch = restock.inTransaction(handle -> planBatch(handle, SqlPayments.active(handle, after, planBatch)));
            planned += (int) batch[0];
            planCursor = batch[1];
            if (planCursor == 0) {
                break;
            }
        }
        return planned;
    }

    /** Plans one batch of lines; returns how many steps it planned and where the next batch starts (0: from the first). */
    private long[] planBatch(Handle handle, List<LinePayment> lines) {
        Instant now = clock.instant();
        int planned = 0;
        for (LinePayment line : lines) {
            Optional<PaymentRules.Step> step = PaymentRules.next(line, policy, now);
            if (step.isEmpty()) {
                continue;
            }
            if (step.get() instanceof PaymentRules.Step.Call call) {
                boolean enqueued = SqlPayments.enqueue(handle, call.operation(), now);
                if (enqueued && call.operation().kind() == PaymentOperation.Kind.VOID && !line.cancelled()) {
                    SqlPayments.recordEvent(handle, line.orderLineId(), PaymentEventKind.AUTHORIZATION_EXPIRING, line.amountMinor(), null, now);
                }
                planned += enqueued ? 1 : 0;
            } else if (step.get() instanceof PaymentRules.Step.ReleaseLine) {
                releaseUnpaidLine(handle, line, now);
                planned++;
            }
        }
        long next = lines.size() < planBatch ? 0 : lines.get(lines.size() - 1).orderLineId();
        return new long[] {planned, next};
    }

    private void releaseUnpaidLine(Handle handle, LinePayment line, Instant now) {
        SqlOrders.LinePlace place = SqlOrders.placeOfLine(handle, line.orderLineId());
        restock.orders().cancelLine(handle, place.orderId(), place.lineNumber(), "payment not received in time", CancellationChannel.PAYMENT_NOT_RECEIVED);
        SqlPayments.recordEvent(handle, line.orderLineId(), PaymentEventKind.RELEASED, line.amountMinor(), null, now);
    }

    /** Makes owed calls, each in its own transaction holding the line's payment row. */
    private int call(List<PaymentOperation.Status> statuses) {
        int made = 0;
        for (int i = 0; i < CALLS_PER_PASS; i++) {
            Boolean didOne = restock.inTransaction(handle -> {
                Optional<SqlPayments.Claimed> claimed = SqlPayments.claim(handle, statuses);
                if (claimed.isEmpty()) {
                    return false;
                }
                callOne(handle, claimed.get());
                return true;
            });
            if (!didOne) {
                break;
            }
            made++;
        }
        return made;
    }

    private void callOne(Handle handle, SqlPayments.Claimed claimed) {
        Instant now = clock.instant();
        PaymentOperation operation = claimed.operation();
        LinePayment line = SqlPayments.lock(handle, operation.orderLineId()).orElseThrow();
        GatewayResult result;
        if (claimed.status() == PaymentOperation.Status.UNKNOWN) {
            // Reconciliation: ask what became of the call; if the gateway never got it, make it again with the same key.
            result = gateway.lookup(operation.idempotencyKey()).orElseGet(() -> send(operation, line));
        } else {
            LinePayment notUnderWay = new LinePayment(line.orderLineId(), line.amountMinor(), line.currency(), line.paymentMethodToken(),
                    line.state(), line.backorderedAtPlacement(), line.filled(), line.shipped(), line.cancelled(), false, line.generation());
            boolean stillWanted = PaymentRules.next(notUnderWay, policy, now)
                    .filter(step -> step instanceof PaymentRules.Step.Call call && call.operation().kind() == operation.kind())
                    .isPresent();
            if (!stillWanted) {
                // Superseded (the line was cancelled meanwhile, say): nothing was sent, nothing to settle.
                SqlPayments.markOperation(handle, claimed.id(), PaymentOperation.Status.DECLINED, new GatewayResult.Declined("superseded before it was sent"), now);
                return;
            }
            result = send(operation, line);
        }
        if (result instanceof GatewayResult.Unknown) {
            SqlPayments.markOperation(handle, claimed.id(), PaymentOperation.Status.UNKNOWN, result, now);
            return;
        }
        SqlPayments.markOperation(handle, claimed.id(), result instanceof GatewayResult.Succeeded
                ? PaymentOperation.Status.SUCCEEDED : PaymentOperation.Status.DECLINED, result, now);
        PaymentState next = PaymentRules.settle(line, operation, result, policy, now);
        // A failed charge's event carries the customer's pay link, valid while the stock is held.
        String reference = next instanceof PaymentState.Failed failed ? payLinks.create(line.orderLineId(), failed.holdUntil())
                : result instanceof GatewayResult.Succeeded s ? s.reference() : null;
        SqlPayments.settle(handle, line.orderLineId(), next, eventFor(operation, result, next), operation.amountMinor(), reference, now);
    }

    private GatewayResult send(PaymentOperation operation, LinePayment line) {
        String key = operation.idempotencyKey();
        return switch (operation.kind()) {
            case AUTHORIZE -> gateway.authorize(key, line.paymentMethodToken(), operation.amountMinor(), line.currency());
            case CAPTURE -> gateway.capture(key, ((PaymentState.Authorized) line.state()).authorizationId(), operation.amountMinor());
            case CHARGE -> gateway.charge(key, line.paymentMethodToken(), operation.amountMinor(), line.currency());
            case VOID -> gateway.voidAuthorization(key, ((PaymentState.Authorized) line.state()).authorizationId());
            case REFUND -> gateway.refund(key, ((PaymentState.Captured) line.state()).chargeId(), operation.amountMinor());
        };
    }

    private static Optional<PaymentEventKind> eventFor(PaymentOperation operation, GatewayResult result, PaymentState next) {
        boolean ok = result instanceof GatewayResult.Succeeded;
        return switch (operation.kind()) {
            case AUTHORIZE -> ok ? Optional.of(PaymentEventKind.AUTHORIZED)
                    : next instanceof PaymentState.Failed ? Optional.of(PaymentEventKind.CHARGE_FAILED) : Optional.empty();
            case CAPTURE, CHARGE -> Optional.of(ok ? PaymentEventKind.CHARGED : PaymentEventKind.CHARGE_FAILED);
            case VOID -> ok ? Optional.of(PaymentEventKind.VOIDED) : Optional.empty();
            case REFUND -> ok ? Optional.of(PaymentEventKind.REFUNDED) : Optional.empty();
        };
    }

}
