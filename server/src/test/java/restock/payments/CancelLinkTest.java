package restock.payments;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.SignedLinks;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.promise.PromiseSettings;
import restock.service.CancelLinks;
import restock.service.PaymentProcessor;
import restock.service.Restock;
import restock.store.Database;
import restock.support.SupplierHistory;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** A cancel link works once, expires, cannot be forged or used for another order; cancelling before capture voids. */
class CancelLinkTest {
    private static final byte[] SECRET = "a test secret of enough length".getBytes(StandardCharsets.UTF_8);
    private Database database;
    private TestClock clock;
    private Restock restock;
    private SimulatedGateway gateway;
    private PaymentProcessor processor;
    private Sku sku;

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.parse("2026-11-26")), PaymentPolicy.DEFAULT,
                new SignedLinks(SECRET));
        gateway = new SimulatedGateway(1, SimulatedGateway.Faults.NONE, clock);
        processor = new PaymentProcessor(restock, gateway, PaymentPolicy.DEFAULT, clock);
        sku = Sku.of("22086");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Paper Chain Kit", new Money(295, "GBP"),
                new BackorderPolicy.Always(OptionalInt.empty()))));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Order waitingOrder() {
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("ann@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 2)), Optional.of("pm_card_visa"))));
    }

    private CancelLinks.View use(String token) {
        return restock.inTransaction(h -> restock.cancelLinks().use(h, token, "waited too long"));
    }

    @Test
    void works_once_and_cancelling_before_capture_releases_the_hold_without_a_charge() {
        SupplierHistory.onTime(restock, "Supplier");
        restock.inTransaction(h -> restock.purchasing().create(h, new restock.purchasing.PurchaseOrderRequest("Supplier", true,
                List.of(new restock.purchasing.PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-11-26"))))));
        Order order = waitingOrder();
        processor.drain(10);
        assertThat(restock.read(h -> restock.orders().payments(h, order)).values()).singleElement()
                .satisfies(payment -> assertThat(payment.state()).isInstanceOf(PaymentState.Authorized.class));
        String token = restock.read(h -> restock.cancelLinks().create(h, order.id())).token();

        CancelLinks.View opened = restock.read(h -> restock.cancelLinks().view(h, token));
        assertThat(opened).isInstanceOf(CancelLinks.View.Open.class);
        CancelLinks.View first = use(token);
        processor.drain(10);

        assertThat(first).isInstanceOf(CancelLinks.View.Cancelled.class);
        assertThat(((CancelLinks.View.Cancelled) first).after().status().code()).isEqualTo("cancelled");
        assertThat(restock.read(h -> restock.orders().payments(h, order)).values()).singleElement()
                .satisfies(payment -> assertThat(payment.state()).isInstanceOf(PaymentState.Voided.class));
        assertThat(gateway.netTakenMinor()).isZero();
        assertThat(gateway.openAuthorizations()).isZero();
        assertThat(use(token)).isInstanceOf(CancelLinks.View.AlreadyUsed.class);
        List<String> reasons = restock.read(h -> h.createQuery("select reason from cancellations where order_id = :id")
                .bind("id", order.id()).mapTo(String.class).list());
        assertThat(reasons).containsExactly("waited too long");
    }

    @Test
    void expires() {
        Order order = waitingOrder();
        String token = restock.read(h -> restock.cancelLinks().create(h, order.id())).token();
        clock.advance(CancelLinks.LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(use(token)).isInstanceOf(CancelLinks.View.Expired.class);
        assertThat(restock.read(h -> restock.orders().find(h, order.id())).status().code()).isEqualTo("backordered");
    }

    @Test
    void cannot_be_forged_or_used_for_another_order_or_purpose() {
        Order mine = waitingOrder();
        Order theirs = waitingOrder();
        String token = restock.read(h -> restock.cancelLinks().create(h, mine.id())).token();
        SignedLinks forger = new SignedLinks("somebody else's secret!!".getBytes(StandardCharsets.UTF_8));
        String forged = forger.sign(CancelLinks.PURPOSE, theirs.id(), clock.instant().plus(Duration.ofDays(1)));
        String[] parts = token.split("\\.");
        String swapped = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (CancelLinks.PURPOSE + "." + theirs.id() + "." + clock.instant().plus(Duration.ofDays(1)).getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        String otherPurpose = new SignedLinks(SECRET).sign("pay-line", theirs.id(), clock.instant().plus(Duration.ofDays(1)));

        for (String bad : List.of(forged, swapped, otherPurpose, "garbage", token + "x")) {
            assertThat(use(bad)).as(bad).isInstanceOf(CancelLinks.View.Invalid.class);
        }
        assertThat(restock.read(h -> restock.orders().find(h, theirs.id())).status().code()).isEqualTo("backordered");
        assertThat(use(token)).isInstanceOf(CancelLinks.View.Cancelled.class);
        assertThat(restock.read(h -> restock.orders().find(h, theirs.id())).status().code()).isEqualTo("backordered");
    }
}
