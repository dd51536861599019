package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.SignedLinks;
import restock.orders.OrderRequest;
import restock.payments.LinePayment;
import restock.payments.PaymentRules;
import restock.store.SqlPayments;

import java.time.Clock;
import java.time.Instant;

/**
 * When charging a filled line fails, the customer gets a signed link (valid while the stock is held) to pay with
 * another method; the shop's payment page collects it and hands Restock the gateway's new token.
 */
public final class PayLinks {
    public static final String PURPOSE = "pay-line";

    private final SignedLinks links;
    private final Clock clock;

    public PayLinks(SignedLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    public String create(long orderLineId, Instant holdUntil) {
        return links.sign(PURPOSE, orderLineId, holdUntil);
    }

    /**
     * Gives the line a new payment method, charged by the next payment pass (a second or so later, not in this call):
     * the outcome comes as a payment.charged or payment.charge_failed event and in the order's line payment.
     */
    public LinePayment payWith(Handle handle, String token, String paymentMethodToken) {
        if (paymentMethodToken == null || paymentMethodToken.isBlank() || paymentMethodToken.length() > OrderRequest.MAX_TOKEN_LENGTH) {
            throw new InvalidInput("paymentMethod", "paymentMethod must be the gateway's token for the new payment method");
        }
        long lineId = links.verify(token, PURPOSE, clock.instant())
                .orElseThrow(() -> new InvalidInput("token", "this payment link is not valid or has expired")).id();
        LinePayment payment = SqlPayments.lock(handle, lineId).orElseThrow(() -> new InvalidInput("token", "this payment link is not valid"));
        PaymentRules.refusesNewPaymentMethod(payment).ifPresent(reason -> {
            throw new Conflict(reason);
        });
        SqlPayments.replaceMethod(handle, lineId, paymentMethodToken, clock.instant());
        return SqlPayments.find(handle, lineId).orElseThrow();
    }
}
