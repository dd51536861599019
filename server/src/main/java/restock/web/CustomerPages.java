package restock.web;

import restock.notify.Branding;
import restock.orders.LineQuantities;
import restock.orders.LineState;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.orders.OrderStatus;
import restock.payments.LinePayment;
import restock.payments.PaymentState;
import restock.service.CancelLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages a customer sees from a link in an email: no login, the shop's name, product names, and sentences that
 * say what happened ("2 × Silk Fan cancelled; nothing was charged").
 */
public final class CustomerPages {
    private final Pages pages = new Pages();

    /** Units of one line in one state, as the customer reads them: a line has a row per state it has units in. */
    public record LineWords(String product, String sku, int quantity, String status) {
    }

    /**
     * The cancel page for what a link found or did: the waiting units a click would cancel, what this click cancelled
     * (units × product, and whether anything was charged), why nothing could be cancelled, or why the link does not
     * work; and what remains of the order.
     */
    public String cancel(CancelLinks.View view, String token, Map<String, String> names, Map<Long, LinePayment> payments,
                         Branding branding) {
        Order order = orderOf(view).orElse(null);
        List<LineWords> lines = new ArrayList<>();
        List<String> willCancel = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        List<String> remains = new ArrayList<>();
        if (order != null) {
            for (OrderLine line : order.lines()) {
                String name = names.getOrDefault(line.sku().code(), line.sku().code());
                lines.addAll(rows(line, name));
                int cancelledUnits = view instanceof CancelLinks.View.Cancelled done ? done.cancelledUnits(line) : line.quantities().cancelled();
                if (cancelledUnits > 0) {
                    cancelled.add(cancelledUnits + " × " + name + " cancelled; " + charged(payments.get(line.id())));
                }
                whatItWillBe(line, name, willCancel, remains);
            }
        }
        return pages.render("customer/cancel.jte", Map.of("state", state(view), "token", token, "orderId", order == null ? 0L : order.id(),
                "why", order == null ? "" : whyNothingWaits(order.status()), "lines", lines, "willCancel", willCancel,
                "cancelled", cancelled, "remains", remains, "reasons", CancelLinks.REASONS, "branding", branding));
    }

    /** The order a link's view shows (after the click, for one that cancelled); none for a link that does not work. */
    public static Optional<Order> orderOf(CancelLinks.View view) {
        if (view instanceof CancelLinks.View.Open open) {
            return Optional.of(open.order());
        }
        if (view instanceof CancelLinks.View.AlreadyUsed used) {
            return Optional.of(used.order());
        }
        if (view instanceof CancelLinks.View.Cancelled done) {
            return Optional.of(done.after());
        }
        if (view instanceof CancelLinks.View.NothingWaiting nothing) {
            return Optional.of(nothing.order());
        }
        return Optional.empty();
    }

    private static String state(CancelLinks.View view) {
        if (view instanceof CancelLinks.View.Open) {
            return "open";
        }
        if (view instanceof CancelLinks.View.NothingWaiting) {
            return "nothing-waiting";
        }
        if (view instanceof CancelLinks.View.Cancelled) {
            return "cancelled";
        }
        if (view instanceof CancelLinks.View.AlreadyUsed) {
            return "used";
        }
        return view instanceof CancelLinks.View.Expired ? "expired" : "invalid";
    }

    /** A row per state the line has units in, so a line of 5 with 2 waiting and 3 refused reads "2 waiting", "3 not available". */
    private static List<LineWords> rows(OrderLine line, String name) {
        LineQuantities q = line.quantities();
        List<LineWords> rows = new ArrayList<>();
        String sku = line.sku().code();
        if (q.waiting() > 0) {
            rows.add(new LineWords(name, sku, q.waiting(), "waiting for stock"));
        }
        if (q.reserved() > 0) {
            rows.add(new LineWords(name, sku, q.reserved(), "set aside for you"));
        }
        if (q.shipped() > 0) {
            rows.add(new LineWords(name, sku, q.shipped(), "shipped"));
        }
        if (q.cancelled() > 0) {
            rows.add(new LineWords(name, sku, q.cancelled(), "cancelled"));
        }
        if (q.refused() > 0) {
            rows.add(new LineWords(name, sku, q.refused(), "not available when you ordered; never charged"));
        }
        return rows;
    }

    /**
     * What a click does to a line: a waiting line is cancelled whole (its units set aside too, since a line ships
     * whole), a line with everything set aside ships as usual, shipped units are gone.
     */
    private static void whatItWillBe(OrderLine line, String name, List<String> willCancel, List<String> remains) {
        LineQuantities q = line.quantities();
        if (line.state() instanceof LineState.Waiting) {
            willCancel.add(q.waiting() + " × " + name + " waiting for stock"
                    + (q.reserved() > 0 ? ", and the " + q.reserved() + " set aside with them (a line ships whole)" : ""));
        } else if (q.reserved() > 0) {
            remains.add(q.reserved() + " × " + name + " set aside for you will ship as usual.");
        }
        if (q.shipped() > 0) {
            remains.add(q.shipped() + " × " + name + " shipped.");
        }
    }

    /** Why an order has nothing to cancel, from its status, for "nothing was cancelled: ...". */
    private static String whyNothingWaits(OrderStatus status) {
        return switch (status) {
            case SHIPPED -> "it has shipped";
            case READY -> "everything in it is in stock, set aside for you, and will ship as usual";
            case CANCELLED -> "it was already cancelled";
            case REFUSED -> "nothing in it could be ordered";
            case BACKORDERED -> "";
        };
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

    /**
     * Whether the customer paid anything for a cancelled line, in their words. Without a payment Restock took, the shop
     * took payment its own way (or none): Restock cannot say nothing was charged (a storefront developer's check).
     */
    static String charged(LinePayment payment) {
        if (payment == null) {
            return "if you paid the shop for it already, the shop will refund you.";
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
}
