package restock.web;

import io.javalin.http.Context;
import restock.notify.Branding;
import restock.orders.LineQuantities;
import restock.orders.LineState;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.payments.CancelledCharge;
import restock.payments.LinePayment;
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

    /**
     * The cancel page for what a link found or did: the waiting units a click would cancel, what this click cancelled
     * (units × product, and whether anything was charged), why nothing could be cancelled, or why the link does not
     * work; and what remains of the order. Each line is one sentence in one of those lists, so each item is named once
     * (a table of the same lines under the lists named every item a second time, an outside check).
     */
    public String cancel(CancelLinks.View view, String token, Map<String, String> names, Map<Long, LinePayment> payments,
                         Branding branding) {
        return cancel(view, token, names, payments, Optional.empty(), branding);
    }

    /** The cancel page as {@link #cancel(CancelLinks.View, String, Map, Map, Branding)} shows it, with why a sent form was refused. */
    public String cancel(CancelLinks.View view, String token, Map<String, String> names, Map<Long, LinePayment> payments,
                         Optional<String> refused, Branding branding) {
        Order order = orderOf(view).orElse(null);
        List<String> willCancel = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        List<String> remains = new ArrayList<>();
        if (order != null) {
            boolean open = view instanceof CancelLinks.View.Open;
            for (OrderLine line : order.lines()) {
                String name = names.getOrDefault(line.sku().code(), line.sku().code());
                int cancelledNow = view instanceof CancelLinks.View.Cancelled done ? done.cancelledUnits(line) : line.quantities().cancelled();
                LineQuantities q = line.quantities();
                if (open && line.state() instanceof LineState.Waiting) {
                    willCancel.add(Format.count(q.waiting()) + " × " + name + " waiting for stock"
                            + (q.reserved() > 0 ? ", and the " + Format.count(q.reserved()) + " set aside with them (a line ships whole)." : ".")
                            + " " + ChargeWords.beforeCancelling(CancelledCharge.of(Optional.ofNullable(payments.get(line.id()))), q.open())
                            + besides(q.refused(), q.shipped(), q.cancelled()));
                } else if (cancelledNow > 0) {
                    cancelled.add(Format.count(cancelledNow) + " × " + name + " cancelled; "
                            + ChargeWords.forCustomer(CancelledCharge.of(Optional.ofNullable(payments.get(line.id()))), cancelledNow)
                            + besides(q.refused(), q.shipped(), q.cancelled() - cancelledNow));
                } else {
                    remains.add(remaining(q, name));
                }
            }
        }
        return pages.render("customer/cancel.jte", Map.of("state", state(view), "token", token, "orderId", order == null ? 0L : order.id(),
                "willCancel", willCancel,
                "cancelled", cancelled, "remains", remains, "reasons", CancelLinks.REASONS, "refused", refused.orElse(""), "branding", branding));
    }

    /** What a shopper is told when the cancel form came in a way its page never sends it; nothing was cancelled. */
    static final String CANCEL_FORM_REFUSED = "Your request could not be read as sent, so nothing was cancelled. Please choose one of "
            + "the reasons below (or none) and press the button again.";

    /**
     * Why the cancel form cannot be taken as sent, in words for the shopper, or nothing: a body that does not decode, a
     * field that is not text (a NUL), a field sent twice, or a reason the page does not offer (empty, unknown, HTML).
     * The page answered the API's JSON for these, and took the first of two reasons (an outside check); no reason
     * at all is "other", as the page's choice is optional.
     */
    public static Optional<String> cancelFormRefusal(Context ctx) {
        // A body that is not a form (JSON, text) has no reason to read: it cancelled with none (a newcomer's curl).
        if (FormInput.notAForm(ctx).isPresent() || FormInput.undecodable(ctx).isPresent() || FormInput.unreadable(ctx).isPresent()
                || Console.repeatedField(ctx, field -> false).isPresent()) {
            return Optional.of(CANCEL_FORM_REFUSED);
        }
        String reason = ctx.formParam("reason");
        return reason == null || CancelLinks.REASONS.contains(reason) ? Optional.empty() : Optional.of(CANCEL_FORM_REFUSED);
    }

    /** Whether a path is one of the pages customers reach from a link (cancel, waitlist, offers), which answer in HTML. */
    public static boolean owns(String path) {
        return path.startsWith("/cancel/") || path.startsWith("/waitlist/") || path.startsWith("/offers/");
    }

    /**
     * Whether a path is a shopper's: a customer link's page, or the demo shop's when it is served. Such an address that no
     * route takes, or that Jetty refuses (%ZZ, %00, a dot segment, an address longer than a request line may be), is
     * answered with {@link #notAPage}: a shopper read the API's JSON (the console form fuzzer).
     */
    public static boolean ownsForShopper(String path, boolean shopDemo) {
        return owns(path) || shopDemo && (path.equals(Branding.DEMO_SHOP_PATH) || path.startsWith(Branding.DEMO_SHOP_PATH + "/"));
    }

    /** The page for a shopper's address that is no page (404, 405, or refused before any route): nothing was done. */
    public String notAPage(int status, Branding branding) {
        return pages.render("customer/not-a-page.jte", Map.of("status", status, "branding", branding));
    }

    /** The page for a customer's request larger than a request may be: nothing was changed. */
    public String tooLarge(int maxBytes, Branding branding) {
        return pages.render("customer/too-large.jte", Map.of("maxKiB", maxBytes / 1024, "branding", branding));
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

    /**
     * A line the click does not cancel, by what most of it is now, with its other units after it: a line of 5 with
     * 2 set aside and 3 refused reads "2 × Mug set aside for you will ship as usual. 3 more were not available ...".
     */
    private static String remaining(LineQuantities q, String name) {
        if (q.reserved() > 0) {
            return Format.count(q.reserved()) + " × " + name + " set aside for you will ship as usual." + besides(q.refused(), q.shipped(), q.cancelled())
                    + (q.waiting() > 0 ? " " + Format.count(q.waiting()) + " more still waiting for stock." : "");
        }
        if (q.shipped() > 0) {
            return Format.count(q.shipped()) + " × " + name + " shipped." + besides(q.refused(), 0, q.cancelled())
                    + (q.waiting() > 0 ? " " + Format.count(q.waiting()) + " more still waiting for stock." : "");
        }
        if (q.waiting() > 0) {
            return Format.count(q.waiting()) + " × " + name + " waiting for stock." + besides(q.refused(), 0, q.cancelled());
        }
        if (q.cancelled() > 0) {
            // Cancelled before this click (by the shop, or another way): this click cancelled none of it.
            return Format.count(q.cancelled()) + " × " + name + " cancelled earlier." + besides(q.refused(), 0, 0);
        }
        return Format.count(q.refused()) + " × " + name + " not available when you ordered; never charged.";
    }

    /** The units of a line its sentence has not named yet, as short sentences after it ("" when there are none). */
    private static String besides(int refused, int shipped, int cancelledEarlier) {
        return (shipped > 0 ? " " + Format.count(shipped) + " more shipped." : "")
                + (cancelledEarlier > 0 ? " " + Format.count(cancelledEarlier) + " more cancelled earlier." : "")
                + (refused > 0 ? " " + Format.count(refused) + " more not available when you ordered; never charged." : "");
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

}
