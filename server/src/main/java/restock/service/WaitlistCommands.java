package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.common.SignedLinks;
import restock.notify.FairNotices;
import restock.notify.Notice;
import restock.orders.OrderRequest;
import restock.allocation.SkuBook;
import restock.store.SqlOutbox;
import restock.store.SqlWaitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The waitlist: consent recorded, double opt-in if the shop wants it, one-click unsubscribe, and fair
 * back-in-stock notices: people are told in sign-up order, only as many as the units available times an
 * oversubscription factor, and the next batch goes out as earlier notices lapse.
 */
public final class WaitlistCommands {
    public static final String CONFIRM = "waitlist-confirm";
    public static final String UNSUBSCRIBE = "waitlist-unsubscribe";
    public static final Duration LINK_LIFETIME = Duration.ofDays(365);
    /** SKUs looked at per notice pass. */
    public static final int SKUS_PER_PASS = 200;

    /** How notices are paced. */
    public record Settings(double oversubscriptionFactor, Duration noticeWindow, boolean doubleOptIn, String baseUrl, String productUrl,
                           boolean holdUnits) {
        public static final Settings DEFAULT = new Settings(1.5, Duration.ofHours(24), false, "http://localhost:8080",
                "https://shop.example.com/products/{sku}", false);

        /** The same, holding a unit for each person told until their notice lapses (no oversubscription then). */
        public Settings holding() {
            return new Settings(1.0, noticeWindow, doubleOptIn, baseUrl, productUrl, true);
        }
    }

    private final Restock restock;
    private final SignedLinks links;
    private final NoticeRelay relay;
    private final Settings settings;
    private final Clock clock;

    public WaitlistCommands(Restock restock, SignedLinks links, NoticeRelay relay, Settings settings, Clock clock) {
        this.restock = restock;
        this.links = links;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
    }

    public restock.engagement.WaitlistEntry signUp(Handle handle, Sku sku, String email, int quantity, boolean consent) {
        if (!consent) {
            throw new InvalidInput("consent", "consent must be true: the shopper agrees to be emailed when the product is back");
        }
        OrderRequest.requireEmail("email", email);
        OrderRequest.requireQuantity("quantity", quantity);
        Product product = restock.catalog().find(handle, sku);
        if (product.lifecycle().discontinued()) {
            // Availability already tells the shopper it will not return; a sign-up would wait for a notice that never comes.
            throw new restock.common.Conflict("sku", "product " + sku + " is discontinued and will not return: there is nothing to wait for");
        }
        Instant now = clock.instant();
        restock.engagement.WaitlistEntry entry = SqlWaitlist.signUp(handle, sku, email, quantity, !settings.doubleOptIn(), now);
        if (!entry.confirmed()) {
            String url = settings.baseUrl() + "/waitlist/confirm/" + links.sign(CONFIRM, entry.id(), now.plus(LINK_LIFETIME));
            // The shop's endpoints get it too, as openapi.yaml declares (a shop that mails its customers itself needs the link).
            relay.publish(handle, "waitlist-confirm:" + entry.id(), new Notice.ConfirmWaitlist(email, sku.code(), product.name(), url),
                    null, SqlOutbox.endpoints(handle));
        }
        return entry;
    }

    /** The name of the product a confirmation link is for; empty when the link is not valid. */
    public java.util.Optional<String> productForConfirmation(Handle handle, String token) {
        return productFor(handle, token, CONFIRM);
    }

    /** The name of the product an unsubscribe link is for; empty when the link is not valid. */
    public java.util.Optional<String> productForUnsubscribe(Handle handle, String token) {
        return productFor(handle, token, UNSUBSCRIBE);
    }

    private java.util.Optional<String> productFor(Handle handle, String token, String purpose) {
        return links.verify(token, purpose, clock.instant()).flatMap(grant -> SqlWaitlist.skuOf(handle, grant.id()))
                .map(sku -> restock.catalog().find(handle, Sku.of(sku)).name());
    }

    public boolean confirm(Handle handle, String token) {
        long id = links.verify(token, CONFIRM, clock.instant()).orElseThrow(() -> new NotFound("token", "this link is not valid")).id();
        return SqlWaitlist.confirm(handle, id, clock.instant());
    }

    public boolean unsubscribe(Handle handle, String token) {
        long id = links.verify(token, UNSUBSCRIBE, clock.instant()).orElseThrow(() -> new NotFound("token", "this link is not valid")).id();
        return SqlWaitlist.unsubscribe(handle, id, clock.instant());
    }

    /** Tells the next waitlisters of SKUs that have stock, within the fair budget; returns how many were told. */
    public int noticePass() {
        List<String> skus = restock.read(h -> SqlWaitlist.skusWithWaiters(h, SKUS_PER_PASS));
        int told = 0;
        for (String code : skus) {
            told += restock.inTransaction(handle -> noticeSku(handle, Sku.of(code)));
        }
        return told;
    }

    private int noticeSku(Handle handle, Sku sku) {
        Instant now = clock.instant();
        SkuBook book = restock.books().lock(handle, List.of(sku)).get(sku);
        // Before its release day a product is not back in stock, whatever is in the building.
        List<restock.engagement.WaitlistEntry> next = !book.released() ? List.of()
                : settings.holdUnits() ? holders(handle, book) : oversubscribed(handle, sku, book, now);
        if (next.isEmpty()) {
            if (book.hasUnsavedFills()) {
                // Units freed by lapsed holds went to the queue when the book loaded; keep those fills.
                restock.books().write(handle, List.of(book));
            }
            return 0;
        }
        Product product = restock.catalog().find(handle, sku);
        List<restock.notify.WebhookEndpoint> endpoints = SqlOutbox.endpoints(handle);
        for (restock.engagement.WaitlistEntry entry : next) {
            Instant until = now.plus(settings.noticeWindow());
            if (settings.holdUnits()) {
                book.hold(entry.quantity());
                SqlWaitlist.markNotifiedWithHold(handle, entry.id(), entry.quantity(), now, until);
            } else {
                SqlWaitlist.markNotified(handle, entry.id(), now, until);
            }
            String unsubscribe = settings.baseUrl() + "/waitlist/unsubscribe/" + links.sign(UNSUBSCRIBE, entry.id(), now.plus(LINK_LIFETIME));
            relay.publish(handle, "waitlist-notice:" + entry.id(), new Notice.BackInStock(entry.email(), sku.code(), product.name(),
                    settings.productUrl().replace("{sku}", sku.code()), unsubscribe), null, endpoints);
            restock.offers().issue(handle, "waitlist_discount", "waitlist:" + entry.id(), entry.email(), 0)
                    .ifPresent(issued -> relay.publish(handle, "offer:waitlist:" + entry.id(), new Notice.Offer(entry.email(), issued.code(),
                            issued.percentOff(), issued.expiresAt(), "for waiting for " + product.name(), settings.baseUrl()
                            + "/offers/unsubscribe/" + restock.offers().optOutToken(links, Offers.OptOutFrom.WAITLIST, entry.id())),
                            null, endpoints));
        }
        restock.books().write(handle, List.of(book));
        return next.size();
    }

    /** Without holds: up to units x factor people with an open notice. */
    private List<restock.engagement.WaitlistEntry> oversubscribed(Handle handle, Sku sku, SkuBook book, Instant now) {
        int count = FairNotices.toNotify(book.free(), settings.oversubscriptionFactor(), SqlWaitlist.openNotices(handle, sku.code(), now),
                SqlWaitlist.waiting(handle, sku.code()));
        return count == 0 ? List.of() : SqlWaitlist.nextInLine(handle, sku.code(), count);
    }

    /** With holds: the next people in sign-up order whose quantities fit in the free units. */
    private List<restock.engagement.WaitlistEntry> holders(Handle handle, SkuBook book) {
        int free = book.free();
        List<restock.engagement.WaitlistEntry> chosen = new java.util.ArrayList<>();
        for (restock.engagement.WaitlistEntry entry : SqlWaitlist.nextInLine(handle, book.sku().code(), Math.max(0, free))) {
            if (entry.quantity() > free) {
                break;
            }
            chosen.add(entry);
            free -= entry.quantity();
        }
        return chosen;
    }

    /** The unsubscribe token for a waitlister (the notice carries it; tests and the dashboard use it too). */
    public String unsubscribeToken(long id) {
        return links.sign(UNSUBSCRIBE, id, clock.instant().plus(LINK_LIFETIME));
    }

    /** A confirmation token for a sign-up, as its confirmation mail carries (the demo shop shows it: the demo has no mailbox). */
    public String confirmationToken(long id) {
        return links.sign(CONFIRM, id, clock.instant().plus(LINK_LIFETIME));
    }

    /** The same waitlist on another clock (the demo signs its shoppers up over the days before it was loaded). */
    public WaitlistCommands withClock(Clock other) {
        return new WaitlistCommands(restock, links, relay, settings, other);
    }

    /** The same waitlist with double opt-in on or off (the demo loads its shoppers confirmed and asks new ones to confirm). */
    public WaitlistCommands withDoubleOptIn(boolean doubleOptIn) {
        return new WaitlistCommands(restock, links, relay, new Settings(settings.oversubscriptionFactor(), settings.noticeWindow(), doubleOptIn,
                settings.baseUrl(), settings.productUrl(), settings.holdUnits()), clock);
    }
}
