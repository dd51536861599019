package restock.engagement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.SignedLinks;
import restock.common.TooManyAttempts;
import restock.notify.Branding;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.payments.PaymentPolicy;
import restock.promise.PromiseSettings;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.NoticeRelay;
import restock.service.Offers;
import restock.service.Restock;
import restock.service.WaitlistCommands;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Codes cannot be reused, guessed or applied out of scope; compensation follows broken promises; a preview prices a rule. */
class OffersTest {
    private Database database;
    private TestClock clock;
    private Restock restock;
    private NoticeRelay relay;
    private Sku fan;
    private Sku lamp;

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.parse("2026-11-26")), PaymentPolicy.DEFAULT,
                new SignedLinks("offers test secret, long enough".getBytes(StandardCharsets.UTF_8)));
        relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        fan = Sku.of("15036");
        lamp = Sku.of("21731");
        restock.inTransaction(h -> {
            restock.catalog().create(h, new Product(fan, "Assorted Colours Silk Fan", new Money(1_000, "GBP"), new BackorderPolicy.Always(OptionalInt.empty())));
            restock.catalog().create(h, new Product(lamp, "Red Toadstool Led Night Light", new Money(2_000, "GBP"), new BackorderPolicy.Never()));
            restock.stock().count(h, lamp, 10, "opening");
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String waitlistCode(OfferRule.WaitlistDiscount rule) {
        restock.inTransaction(h -> restock.offers().activate(h, rule));
        WaitlistCommands waitlist = new WaitlistCommands(restock, restock.links(), relay, WaitlistCommands.Settings.DEFAULT, clock);
        restock.inTransaction(h -> waitlist.signUp(h, fan, "ann@example.com", 1, true));
        restock.inTransaction(h -> restock.stock().returnToStock(h, fan, 5, "back"));
        assertThat(waitlist.noticePass()).isEqualTo(1);
        return restock.read(h -> h.createQuery("select code from discount_codes").mapTo(String.class).one());
    }

    private Order order(Sku sku, String code) {
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("ann@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 2)), Optional.of("pm_card_visa"), Optional.of(code))));
    }

    private long orders() {
        return restock.read(h -> h.createQuery("select count(*) from orders").mapTo(Long.class).one());
    }

    @Test
    void a_waitlist_code_takes_its_percentage_once_and_is_announced() {
        String code = waitlistCode(new OfferRule.WaitlistDiscount(10, 14, 0, Optional.empty()));
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        long offers = restock.read(h -> h.createQuery("select count(*) from outbox where topic = 'offer.issued' and channel = 'email'")
                .mapTo(Long.class).one());
        assertThat(offers).isEqualTo(1);

        Order first = order(fan, code.toLowerCase().replace("-", ""));
        long paid = restock.read(h -> restock.orders().payments(h, first)).values().iterator().next().amountMinor();
        assertThat(paid).isEqualTo(2 * 1_000 - 200);

        long before = orders();
        assertThatThrownBy(() -> order(fan, code)).isInstanceOf(InvalidInput.class).hasMessageContaining("already been used");
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void a_code_issued_to_one_customer_cannot_be_redeemed_by_another() {
        String code = waitlistCode(new OfferRule.WaitlistDiscount(10, 14, 0, Optional.empty()));
        long before = orders();

        assertThatThrownBy(() -> restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("eve@example.com", true, 0,
                List.of(new OrderRequest.Line(fan, 2)), Optional.of("pm_card_visa"), Optional.of(code)))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("issued to another customer");
        assertThat(orders()).isEqualTo(before);
        assertThat(order(fan, code.toUpperCase()).id()).as("its owner, whatever the case of the address").isPositive();
    }

    @Test
    void a_code_scoped_to_a_product_does_not_apply_to_another_and_expires() {
        String code = waitlistCode(new OfferRule.WaitlistDiscount(10, 14, 0, Optional.of(fan.code())));
        assertThatThrownBy(() -> order(lamp, code)).isInstanceOf(InvalidInput.class).hasMessageContaining("applies only to product 15036");
        clock.advance(Duration.ofDays(15));
        assertThatThrownBy(() -> order(fan, code)).isInstanceOf(InvalidInput.class).hasMessageContaining("expired");
    }

    @Test
    void guessing_is_hopeless_and_rate_limited() {
        String code = waitlistCode(new OfferRule.WaitlistDiscount(10, 14, 0, Optional.empty()));
        Set<String> generated = new HashSet<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            generated.add(DiscountCode.generate(random));
        }
        assertThat(generated).hasSize(10_000);
        assertThat(DiscountCode.CODE_CHARACTERS * Math.log(32) / Math.log(2)).as("bits of entropy").isEqualTo(80.0);

        for (int i = 0; i < Offers.MAX_FAILED_ATTEMPTS_PER_HOUR; i++) {
            String guess = DiscountCode.generate(random);
            assertThatThrownBy(() -> order(lamp, guess)).isInstanceOf(InvalidInput.class).hasMessageContaining("no such code");
        }
        assertThatThrownBy(() -> order(fan, code)).as("even the right code, once the limit is reached").isInstanceOf(TooManyAttempts.class);
        clock.advance(Duration.ofMinutes(61));
        assertThat(order(fan, code).id()).isPositive();
    }

    @Test
    void a_line_filled_after_its_promise_earns_compensation_per_week_late_and_the_preview_prices_the_rule() {
        restock.inTransaction(h -> restock.offers().activate(h, new OfferRule.LateCompensation(5, 20, 30)));
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Fans Ltd", true,
                List.of(new PurchaseOrderRequest.Line(fan, 10, LocalDate.parse("2026-11-30"))))));
        Order waiting = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("bob@example.com", true, 0,
                List.of(new OrderRequest.Line(fan, 2)))));
        LocalDate promisedBy = waiting.lines().get(0).promise().orElseThrow().to();
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2026-11-26"), promisedBy) + 10));
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(fan, 2))));

        relay.runOnce();

        var issued = restock.read(h -> h.createQuery("select customer_email, percent_off from discount_codes").mapToMap().one());
        assertThat(issued).containsEntry("customer_email", "bob@example.com").containsEntry("percent_off", 10);
        String subject = restock.read(h -> h.createQuery("select subject from outbox where topic = 'offer.issued' and channel = 'email'")
                .mapTo(String.class).one());
        assertThat(subject).isEqualTo("10% off your next order, because your order came later than we promised");

        Offers.Preview preview = restock.read(h -> restock.offers().preview(h, new OfferRule.LateCompensation(10, 50, 30)));
        assertThat(preview.codes()).isEqualTo(1);
        assertThat(preview.costMinorByCurrency()).containsEntry("GBP", 2 * 1_000 * 20 / 100L);
    }

    @Test
    void a_long_backorder_that_ships_earns_a_thank_you_and_a_short_one_does_not() {
        restock.inTransaction(h -> restock.offers().activate(h, new OfferRule.LongWaitThanks(14, 15, 60)));
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Fans Ltd", true,
                List.of(new PurchaseOrderRequest.Line(fan, 10, LocalDate.parse("2026-12-20"))))));
        Order longWait = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("cat@example.com", true, 0,
                List.of(new OrderRequest.Line(fan, 1)))));
        Order quick = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("dan@example.com", true, 0,
                List.of(new OrderRequest.Line(lamp, 1)))));
        restock.inTransaction(h -> restock.orders().ship(h, quick.id()));
        clock.advance(Duration.ofDays(20));
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(fan, 1))));
        restock.inTransaction(h -> restock.orders().ship(h, longWait.id()));

        relay.runOnce();

        var codes = restock.read(h -> h.createQuery("select customer_email, percent_off from discount_codes").mapToMap().list());
        assertThat(codes).singleElement().satisfies(code -> assertThat(code).containsEntry("customer_email", "cat@example.com")
                .containsEntry("percent_off", 15));
    }
}
