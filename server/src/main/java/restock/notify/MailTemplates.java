package restock.notify;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer message from its JTE templates, compiled in the build: the subject and text part from
 * {@code src/main/jte-text/mail/<topic>.jte} (plain output; the subject is its first line, then a blank line), the
 * HTML part from {@code src/main/jte/mail/<topic>.jte} (escaped output, every address a link), with the shop's branding.
 */
public final class MailTemplates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    /** The text parts' package, set in the jte-maven-plugin's "mail-text" execution (server/pom.xml). */
    private static final String TEXT_PACKAGE = "gg.jte.generated.precompiled.text";
    private static final TemplateEngine TEXT = TemplateEngine.createPrecompiled(null, ContentType.Plain, null, TEXT_PACKAGE);
    private static final TemplateEngine HTML = TemplateEngine.createPrecompiled(ContentType.Html);

    private MailTemplates() {
    }

    /** A rendered message: subject, plain text, HTML, and the one-click unsubscribe address when it has one. */
    public record Rendered(String subject, String text, String html, String listUnsubscribe) {
    }

    public static final List<String> TOPICS = List.of("order.waiting", "order.promise_changed", "order.filled",
            "order.cancelled", "payment.charged", "payment.charge_failed", "waitlist.back_in_stock", "waitlist.confirm", "offer.issued");

    /** A sample of each message, for the preview route. */
    public static Optional<Notice> sample(String topic) {
        LocalDate in10Days = LocalDate.of(2026, 12, 14);
        return Optional.ofNullable(switch (topic) {
            case "order.waiting" -> new Notice.Waiting("ann@example.com", 1001, 1, "22423", "Regency Cakestand 3 Tier", 1,
                    Optional.of(in10Days.minusDays(3)), Optional.of(in10Days), Optional.of(0.9), "https://restock.example.com/cancel/SAMPLE", true);
            case "order.promise_changed" -> new Notice.PromiseChanged("ann@example.com", 1001, 1, "22423", "Regency Cakestand 3 Tier", 1,
                    Optional.of(in10Days), Optional.of(in10Days.plusDays(4)), Optional.of(in10Days.plusDays(7)), Optional.of(0.85),
                    "https://restock.example.com/cancel/SAMPLE", true);
            case "order.filled" -> new Notice.Filled("ann@example.com", 1001, 1, "22423", "Regency Cakestand 3 Tier", 1, 0);
            case "order.cancelled" -> new Notice.Cancelled("ann@example.com", 1001, 1, "22423", "Regency Cakestand 3 Tier", 1, "customer",
                    "found it elsewhere");
            case "payment.charged" -> new Notice.Charged("ann@example.com", 1001, 1, "22423", "Regency Cakestand 3 Tier", 1275, "GBP");
            case "payment.charge_failed" -> new Notice.ChargeFailed("ann@example.com", 1001, 1, "22423", "Regency Cakestand 3 Tier", 1275, "GBP",
                    "https://shop.example.com/pay?token=SAMPLE", Instant.parse("2026-12-06T10:00:00Z"),
                    restock.payments.PaymentPolicy.DEFAULT.chargeFailureHold());
            case "waitlist.back_in_stock" -> new Notice.BackInStock("ann@example.com", "22423", "Regency Cakestand 3 Tier",
                    "https://shop.example.com/products/22423", "https://restock.example.com/waitlist/unsubscribe/SAMPLE");
            case "waitlist.confirm" -> new Notice.ConfirmWaitlist("ann@example.com", "22423", "Regency Cakestand 3 Tier",
                    "https://restock.example.com/waitlist/confirm/SAMPLE");
            case "offer.issued" -> new Notice.Offer("ann@example.com", "ABCD-EFGH-JKMN-PQRS", 10,
                    Instant.parse("2026-12-31T00:00:00Z"), "to thank you for waiting",
                    "https://restock.example.com/offers/unsubscribe/SAMPLE");
            default -> null;
        });
    }

    public static Rendered render(Notice notice, Branding branding) {
        String template = "mail/" + notice.topic().replace('.', '-').replace('_', '-') + ".jte";
        String text = render(TEXT, template, Map.of("notice", notice, "branding", branding));
        int blankLine = text.indexOf("\n\n");
        if (blankLine < 0) {
            throw new IllegalStateException(template + " must start with the subject line and a blank line");
        }
        String subject = text.substring(0, blankLine).strip();
        if (subject.isEmpty() || subject.contains("\n")) {
            throw new IllegalStateException(template + " rendered a subject of other than one line: '" + subject + "'");
        }
        String html = render(HTML, template, Map.of("notice", notice, "branding", branding, "subject", subject));
        return new Rendered(subject, text.substring(blankLine + 2).strip(), html, listUnsubscribe(notice));
    }

    private static String render(TemplateEngine engine, String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        engine.render(template, parameters, output);
        return output.toString();
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

    /** A day as the mails write it: "Monday 14 December". */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** An instant's day in UTC, as the mails write it. */
    public static String date(Instant instant) {
        return date(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** An amount in the currency's major units with its code: "12.75 GBP". */
    public static String money(long amountMinor, String currency) {
        int digits = restock.catalog.Currencies.minorDigits(currency);
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + currency;
    }
}
