package restock.engagement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.common.SignedLinks;
import restock.notify.Branding;
import restock.payments.PaymentPolicy;
import restock.promise.PromiseSettings;
import restock.service.NoticeRelay;
import restock.service.Restock;
import restock.service.WaitlistCommands;
import restock.store.Database;
import restock.store.SqlOutbox;
import restock.store.SqlWaitlist;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Consent is required; with double opt-in nobody is told before confirming; unsubscribing stops notices. */
class WaitlistSignUpTest {
    private Database database;
    private TestClock clock;
    private Restock restock;
    private WaitlistCommands waitlist;
    private final Sku sku = Sku.of("23203");

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.parse("2026-11-26")), PaymentPolicy.DEFAULT,
                new SignedLinks("sign-up test secret, long enough".getBytes(StandardCharsets.UTF_8)));
        NoticeRelay relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        var doubleOptIn = new WaitlistCommands.Settings(1.5, Duration.ofHours(24), true, "https://restock.example.com",
                "https://shop.example.com/products/{sku}", false);
        waitlist = new WaitlistCommands(restock, restock.links(), relay, doubleOptIn, clock);
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Jumbo Bag Vintage Doily", new Money(208, "GBP"),
                new BackorderPolicy.Never())));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void consent_confirmation_and_unsubscribe() {
        assertThatThrownBy(() -> restock.inTransaction(h -> waitlist.signUp(h, sku, "ann@example.com", 1, false)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("consent");
        restock.inTransaction(h -> SqlOutbox.addEndpoint(h, "https://shop.example.com/hooks", "whsec_sign-up-test-secret-1234567890",
                clock.instant()));
        restock.engagement.WaitlistEntry entry = restock.inTransaction(h -> waitlist.signUp(h, sku, "ann@example.com", 1, true));
        assertThat(entry.confirmed()).isFalse();
        String confirmMail = restock.read(h -> h.createQuery("select body_text from outbox where topic = 'waitlist.confirm' and channel = 'email'")
                .mapTo(String.class).one());
        String token = confirmMail.substring(confirmMail.indexOf("/waitlist/confirm/") + "/waitlist/confirm/".length()).split("\\s")[0];
        // The shop's endpoint gets the same link (openapi.yaml declares the callback; an outside check received none).
        String webhook = restock.read(h -> h.createQuery("select body_text from outbox where topic = 'waitlist.confirm' and channel = 'webhook'")
                .mapTo(String.class).one());
        assertThat(webhook).contains("\"confirmUrl\":\"https://restock.example.com/waitlist/confirm/" + token + "\"");

        restock.inTransaction(h -> restock.stock().count(h, sku, 5, "delivery"));
        assertThat(waitlist.noticePass()).as("not confirmed yet: not told").isZero();

        boolean confirmed = restock.inTransaction(h -> waitlist.confirm(h, token));
        assertThat(confirmed).isTrue();
        assertThatThrownBy(() -> restock.inTransaction(h -> waitlist.confirm(h, token + "x"))).isInstanceOf(NotFound.class);
        boolean unsubscribed = restock.inTransaction(h -> waitlist.unsubscribe(h, waitlist.unsubscribeToken(entry.id())));
        assertThat(unsubscribed).isTrue();
        assertThat(waitlist.noticePass()).as("unsubscribed: not told").isZero();
    }

    /** A storefront developer's check signed up for a discontinued product, which availability says will not return. */
    @Test
    void a_discontinued_product_has_no_waitlist() {
        restock.inTransaction(h -> restock.catalog().discontinue(h, sku));
        assertThatThrownBy(() -> restock.inTransaction(h -> waitlist.signUp(h, sku, "ann@example.com", 1, true)))
                .isInstanceOf(restock.common.Conflict.class).hasMessageContaining("discontinued");
        long entries = restock.read(h -> h.createQuery("select count(*) from waitlist").mapTo(Long.class).one());
        assertThat(entries).isZero();
    }
}
