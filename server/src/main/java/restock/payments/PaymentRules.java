package restock.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The payment rules as one function of a line's payment: what happens next. It is asked after every change
 * (placement, fill, shipment, cancellation, a gateway answer, the clock) and answers at most one step, so the
 * same question asked twice never moves money twice.
 */
public final class PaymentRules {
    private PaymentRules() {
    }

    /** What to do next for a line. */
    public sealed interface Step {
        /** Call the gateway. */
        record Call(PaymentOperation operation) implements Step {
        }

        /** The customer did not pay for a filled line in time: give its stock to the next in the queue. */
        record ReleaseLine() implements Step {
        }
    }

    /**
     * How a line is paid for at placement: authorize now when it is in stock or promised inside the authorization
     * window; otherwise nothing is authorized and the saved payment method is charged when the line fills.
     */
    public static PaymentState atPlacement(boolean waiting, Optional<LocalDate> promisedBy, String paymentMethodToken,
                                           PaymentPolicy policy, Instant now) {
        if (!waiting) {
            return new PaymentState.AwaitingAuthorization(paymentMethodToken);
        }
        Optional<Instant> shipBy = promisedBy.map(date -> date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        if (shipBy.isPresent() && !shipBy.get().isAfter(now.plus(policy.authorizationWindow()))) {
            return new PaymentState.AwaitingAuthorization(paymentMethodToken);
        }
        return new PaymentState.AwaitingFill(paymentMethodToken);
    }

    /**
     * What a cancellation does to a payment at once: one that holds nothing (awaiting its authorization or its
     * fill, with no gateway call under way) is closed as {@link PaymentState.Cancelled}; a hold is voided and a
     * charge refunded by {@link #next}, through the gateway.
     */
    public static Optional<PaymentState> onCancellation(LinePayment line) {
        boolean holdsNothing = line.state() instanceof PaymentState.AwaitingFill || line.state() instanceof PaymentState.AwaitingAuthorization;
        return holdsNothing && !line.operationUnderWay() ? Optional.of(new PaymentState.Cancelled()) : Optional.empty();
    }

    public static Optional<Step> next(LinePayment line, PaymentPolicy policy, Instant now) {
        if (line.operationUnderWay()) {
            return Optional.empty();
        }
        PaymentState state = line.state();
        if (line.cancelled()) {
            if (state instanceof PaymentState.Authorized authorized) {
                return call(line, PaymentOperation.Kind.VOID, authorized.amountMinor());
            }
            if (state instanceof PaymentState.Captured captured) {
                return call(line, PaymentOperation.Kind.REFUND, captured.amountMinor());
            }
            return Optional.empty();
        }
        if (state instanceof PaymentState.AwaitingAuthorization) {
            return call(line, PaymentOperation.Kind.AUTHORIZE, line.amountMinor());
        }
        if (state instanceof PaymentState.AwaitingFill) {
            return line.filled() ? call(line, PaymentOperation.Kind.CHARGE, line.amountMinor()) : Optional.empty();
        }
        if (state instanceof PaymentState.Authorized authorized) {
            boolean captureNow = line.filled() && (line.backorderedAtPlacement() || line.shipped()
                    || policy.captureAt() == PaymentPolicy.CaptureAt.ALLOCATION);
            if (captureNow) {
                return call(line, PaymentOperation.Kind.CAPTURE, authorized.amountMinor());
            }
            if (!now.isBefore(authorized.expiresAt().minus(policy.reauthorizeAhead()))) {
                // Released first, so the customer never has two holds; then re-authorized or charged when filled.
                return call(line, PaymentOperation.Kind.VOID, authorized.amountMinor());
            }
            return Optional.empty();
        }
        if (state instanceof PaymentState.Failed failed && line.filled() && !line.shipped() && now.isAfter(failed.holdUntil())) {
            return Optional.of(new Step.ReleaseLine());
        }
        return Optional.empty();
    }

    /**
     * Why a pay link may not give the line a new payment method now; empty when it may: after a failed charge, and
     * while a method given through the link still waits for its charge (the charge is made by the next payment pass,
     * so a shopper who sent a card the gateway will decline may send another before it is tried, as after).
     */
    public static Optional<String> refusesNewPaymentMethod(LinePayment line) {
        if (line.cancelled() || line.shipped()) {
            return Optional.of("this line does not wait for a payment (it is " + (line.cancelled() ? "cancelled" : "shipped") + ")");
        }
        if (line.state() instanceof PaymentState.Failed) {
            return Optional.empty();
        }
        if (line.state() instanceof PaymentState.AwaitingFill && line.filled()) {
            return line.operationUnderWay()
                    ? Optional.of("the payment method sent before is being charged now; its outcome comes within seconds "
                    + "(payment.charged or payment.charge_failed); if it fails, this link takes another")
                    : Optional.empty();
        }
        return Optional.of("this line does not wait for a payment (it is " + line.state().code() + ")");
    }

    private static Optional<Step> call(LinePayment line, PaymentOperation.Kind kind, long amountMinor) {
        return Optional.of(new Step.Call(new PaymentOperation(kind, line.orderLineId(), amountMinor, line.key(kind))));
    }

    /** How a gateway answer moves a line's payment. */
    public static PaymentState settle(LinePayment line, PaymentOperation operation, GatewayResult result, PaymentPolicy policy,
                                      Instant now) {
        if (result instanceof GatewayResult.Unknown) {
            throw new IllegalStateException("an unknown outcome settles nothing; reconcile it first (" + operation + ")");
        }
        PaymentState state = line.state();
        if (!(result instanceof GatewayResult.Succeeded succeeded)) {
            String reason = declineReason(result);
            return switch (operation.kind()) {
                // A waiting line whose authorization is declined is simply charged when it fills.
                case AUTHORIZE -> line.filled() ? new PaymentState.Failed(reason, now.plus(policy.chargeFailureHold()))
                        : new PaymentState.AwaitingFill(line.paymentMethodToken());
                // A capture that fails means the hold is gone (expired or released): charge the saved method instead.
                case CAPTURE -> new PaymentState.AwaitingFill(line.paymentMethodToken());
                case CHARGE -> new PaymentState.Failed(reason, now.plus(policy.chargeFailureHold()));
                // An authorization the gateway will not void no longer holds funds (it expired or was used).
                case VOID -> afterVoid(line, policy);
                case REFUND -> state;
            };
        }
        return switch (operation.kind()) {
            case AUTHORIZE -> new PaymentState.Authorized(succeeded.reference(), operation.amountMinor(),
                    succeeded.expiresAt().orElse(now.plus(policy.authorizationWindow())));
            case CAPTURE, CHARGE -> new PaymentState.Captured(succeeded.reference(), operation.amountMinor());
            case VOID -> afterVoid(line, policy);
            case REFUND -> new PaymentState.Refunded(operation.amountMinor());
        };
    }

    private static PaymentState afterVoid(LinePayment line, PaymentPolicy policy) {
        if (line.cancelled()) {
            return new PaymentState.Voided();
        }
        return policy.onExpiry() == PaymentPolicy.OnExpiry.REAUTHORIZE
                ? new PaymentState.AwaitingAuthorization(line.paymentMethodToken())
                : new PaymentState.AwaitingFill(line.paymentMethodToken());
    }

    private static String declineReason(GatewayResult result) {
        return result instanceof GatewayResult.Declined declined ? declined.reason() : "unknown";
    }

}
