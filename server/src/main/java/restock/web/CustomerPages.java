package restock.web;

import restock.notify.Branding;
import restock.orders.LineState;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.payments.LinePayment;
import restock.payments.PaymentState;
import restock.service.CancelLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages a customer sees from a link in an email: no login, the shop's name, product names, and sentences that
 * say what happened ("2 × Silk Fan cancelled; nothing was charged").
 */
public final class CustomerPages {
    private final Pages pages = new Pages();

    /** One line as the customer reads it. */
    public record LineWords(String product, String sku, int quantity, String status) {
    }

    /**
     * The cancel page for what a link found: the waiting lines to cancel, what was cancelled (just now, or when the
     * link was used before), or why the link does not work.
     */
    public String cancel(CancelLinks.View view, String token, boolean justUsed, Map<String, String> names, Map<Long, LinePayment> payments,
                         Branding branding) {
        String state;
        Order order = null;
        if (view instanceof CancelLinks.View.Open open) {
            order = open.order();
            boolean waiting = order.lines().stream().anyMatch(line -> line.state() instanceof LineState.Waiting);
            state = waiting ? "open" : "nothing-waiting";
        } else if (view instanceof CancelLinks.View.AlreadyUsed used) {
            order = used.order();
            state = justUsed ? "cancelled" : "used";
        } else if (view instanceof CancelLinks.View.Expired) {
            state = "expired";
        } else {
            state = "invalid";
        }
        List<LineWords> lines = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        if (order != null) {
            for (OrderLine line : order.lines()) {
                String name = names.getOrDefault(line.sku().code(), line.sku().code());
                lines.add(new LineWords(name, line.sku().code(), line.quantities().quantity(), status(line)));
                if (line.quantities().cancelled() > 0) {
                    cancelled.add(line.quantities().cancelled() + " × " + name + " cancelled; " + charged(payments.get(line.id())));
                }
            }
        }
        return pages.render("customer/cancel.jte", Map.of("state", state, "token", token, "orderId", order == null ? 0L : order.id(),
                "orderStatus", order == null ? "" : order.status().code(), "lines", lines, "cancelled", cancelled,
                "reasons", CancelLinks.REASONS, "branding", branding));
    }

    /**
     * A waitlist link's page: "ask" shows the question and its button, "done" what it did, "gone" a sign-up that no
     * longer exists, "invalid" a link that is not one.
     */
    public String waitlist(boolean confirming, String state, String product, String token, Branding branding) {
        return pages.render("customer/waitlist.jte", Map.of("confirming", confirming, "state", state, "product", product,
                "token", token, "branding", branding));
    }

    /** An offer mail's unsubscribe link: "ask" shows the button (mail clients POST at once, RFC 8058), "done", "invalid". */
    public String offersUnsubscribe(String state, String token, Branding branding) {
        return pages.render("customer/offers-unsubscribe.jte", Map.of("state", state, "token", token, "branding", branding));
    }

    /** Whether the customer paid anything for a cancelled line, in their words. */
    static String charged(LinePayment payment) {
        if (payment == null) {
            return "nothing was charged.";
        }
        PaymentState state = payment.state();
        if (state instanceof PaymentState.Refunded) {
            return "the payment was refunded to your card.";
        }
        if (state instanceof PaymentState.Captured) {
            return "the payment will be refunded to your card.";
        }
        return "nothing was charged" + (state instanceof PaymentState.Voided ? ", and the hold on your card was released." : ".");
    }

    private static String status(OrderLine line) {
        LineState state = line.state();
        if (state instanceof LineState.Waiting) {
            return "waiting for stock";
        }
        if (state instanceof LineState.Reserved) {
            return "set aside, ships soon";
        }
        if (state instanceof LineState.Shipped) {
            return "shipped";
        }
        if (state instanceof LineState.Cancelled) {
            return "cancelled";
        }
        return "not available";
    }
}
