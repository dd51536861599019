package restock.notify;

import restock.common.Html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** The words and the look of each customer message, in text and HTML, with the shop's branding. */
public final class Templates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private Templates() {
    }

    /** A rendered message: subject, plain text, HTML, and the one-click unsubscribe address when it has one. */
    public record Rendered(String subject, String text, String html, String listUnsubscribe) {
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:)]");

    /** A sample of each message, for the preview route. */
    public static java.util.Optional<Notice> sample(String topic) {
        java.time.LocalDate in10Days = java.time.LocalDate.of(2026, 12, 14);
        return java.util.Optional.ofNullable(switch (topic) {
            case "order.waiting" -> new Notice.Waiting("ann@example.com", 1001, "22423", "Regency Cakestand 3 Tier", 1,
                    java.util.Optional.of(in10Days.minusDays(3)), java.util.Optional.of(in10Days), "https://restock.example.com/cancel/SAMPLE");
            case "order.promise_changed" -> new Notice.PromiseChanged("ann@example.com", 1001, "22423", "Regency Cakestand 3 Tier",
                    java.util.Optional.of(in10Days.plusDays(7)));
            case "order.filled" -> new Notice.Filled("ann@example.com", 1001, "22423", "Regency Cakestand 3 Tier", 1);
            case "order.cancelled" -> new Notice.Cancelled("ann@example.com", 1001, "22423", "Regency Cakestand 3 Tier", 1);
            case "payment.charged" -> new Notice.Charged("ann@example.com", 1001, "22423", 1275, "GBP");
            case "payment.charge_failed" -> new Notice.ChargeFailed("ann@example.com", 1001, "22423", 1275, "GBP",
                    "https://shop.example.com/pay?token=SAMPLE");
            case "waitlist.back_in_stock" -> new Notice.BackInStock("ann@example.com", "22423", "Regency Cakestand 3 Tier",
                    "https://shop.example.com/products/22423", "https://restock.example.com/waitlist/unsubscribe/SAMPLE");
            case "waitlist.confirm" -> new Notice.ConfirmWaitlist("ann@example.com", "22423", "Regency Cakestand 3 Tier",
                    "https://restock.example.com/waitlist/confirm/SAMPLE");
            case "offer.issued" -> new Notice.Offer("ann@example.com", "ABCD-EFGH-JKMN-PQRS", 10,
                    java.time.Instant.parse("2026-12-31T00:00:00Z"), "to thank you for waiting",
                    "https://restock.example.com/offers/unsubscribe/SAMPLE");
            default -> null;
        });
    }

    public static final java.util.List<String> TOPICS = java.util.List.of("order.waiting", "order.promise_changed", "order.filled",
            "order.cancelled", "payment.charged", "payment.charge_failed", "waitlist.back_in_stock", "waitlist.confirm", "offer.issued");

    public static Rendered render(Notice notice, Branding branding) {
        String subject;
        String text;
        if (notice instanceof Notice.Waiting n) {
            subject = "Your order " + n.orderId() + ": " + n.productName() + " is on backorder";
            text = "Good news: we have your order for " + n.quantity() + " x " + n.productName() + ". "
                    + n.to().map(to -> "It is on its way to us and should ship by " + DATE.format(to) + ". ")
                    .orElse("We will tell you as soon as we know when it ships. ")
                    + "You will not be charged until it is ready to ship, and you can cancel free of charge until then"
                    + (n.cancelUrl() == null ? "." : ": " + n.cancelUrl());
        } else if (notice instanceof Notice.PromiseChanged n) {
            subject = "Update on your order " + n.orderId() + ": " + n.productName();
            text = "The delivery of " + n.productName() + " to us has changed. "
                    + n.to().map(to -> "It should now ship by " + DATE.format(to) + ". ")
                    .orElse("We no longer have a confirmed date and will write again as soon as we do. ")
                    + "You have not been charged, and you can still cancel free of charge.";
        } else if (notice instanceof Notice.Filled n) {
            subject = "Your " + n.productName() + " is ready to ship";
            text = n.quantity() + " x " + n.productName() + " from order " + n.orderId() + " is now set aside for you and will ship soon.";
        } else if (notice instanceof Notice.Cancelled n) {
            subject = "Cancelled: " + n.productName() + " from order " + n.orderId();
            text = "We have cancelled " + n.quantity() + " x " + n.productName() + " from order " + n.orderId() + ". "
                    + "If it was not paid for yet, you will not be charged for it; if it was, the refund is on its way.";
        } else if (notice instanceof Notice.Charged n) {
            subject = "Payment received for order " + n.orderId();
            text = "We have charged " + money(n.amountMinor(), n.currency()) + " for " + n.sku() + " in order " + n.orderId()
                    + ", now that it is ready to ship. Thank you for waiting.";
        } else if (notice instanceof Notice.ChargeFailed n) {
            subject = "Action needed: payment for order " + n.orderId();
            text = "Your item " + n.sku() + " from order " + n.orderId() + " is ready, but the payment of "
                    + money(n.amountMinor(), n.currency()) + " did not go through. We are holding it for you: "
                    + "please pay here within 48 hours: " + n.payUrl();
        } else if (notice instanceof Notice.BackInStock n) {
            subject = n.productName() + " is back in stock";
            text = "You asked us to tell you: " + n.productName() + " is back. We are telling a few people at a time, in the order "
                    + "they asked, so there is one for you if you order soon: " + n.productUrl()
                    + "\nNo longer interested? Unsubscribe in one click: " + n.unsubscribeUrl();
        } else if (notice instanceof Notice.Offer n) {
            subject = n.percentOff() + "% off your next order, " + n.why();
            text = "Thank you for your patience. Use code " + n.code() + " for " + n.percentOff() + "% off your next order "
                    + "before " + DATE.format(n.expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()) + ". It works once."
                    + (n.unsubscribeUrl() == null ? "" : "\nNo more offers? Unsubscribe in one click: " + n.unsubscribeUrl());
        } else if (notice instanceof Notice.ConfirmWaitlist n) {
            subject = "Confirm: tell me when " + n.productName() + " is back";
            text = "Please confirm that you want an email when " + n.productName() + " is back in stock: " + n.confirmUrl();
        } else {
            throw new IllegalStateException("no template for " + notice.topic());
        }
        return new Rendered(subject, text + "\n\n" + branding.shopName() + " - " + branding.shopUrl(), html(subject, text, branding),
                listUnsubscribe(notice));
    }

    /** The address a mail client's unsubscribe button posts to (RFC 8058): waitlist notices and offers have one. */
    private static String listUnsubscribe(Notice notice) {
        if (notice instanceof Notice.BackInStock n) {
            return n.unsubscribeUrl();
        }
        if (notice instanceof Notice.Offer n) {
            return n.unsubscribeUrl();
        }
        return null;
    }

    /** Escaped text with each address made a link. */
    static String linked(String text) {
        java.util.regex.Matcher matcher = LINK.matcher(text);
        StringBuilder html = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            html.append(Html.escape(text.substring(last, matcher.start())));
            String url = Html.escape(matcher.group());
            html.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = matcher.end();
        }
        return html.append(Html.escape(text.substring(last))).toString();
    }

    private static String html(String subject, String text, Branding branding) {
        return "<!doctype html><html><body style=\"font-family:sans-serif;max-width:36rem\">"
                + "<h1 style=\"color:" + Html.escape(branding.accentColour()) + "\">" + Html.escape(subject) + "</h1>"
                + "<p>" + linked(text).replace("\n", "<br>") + "</p>"
                + "<p style=\"color:#666\"><a href=\"" + Html.escape(branding.shopUrl()) + "\">" + Html.escape(branding.shopName()) + "</a></p>"
                + "</body></html>";
    }

    static String money(long amountMinor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + currency;
    }


}
