package restock.engagement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.SignedLinks;
import restock.notify.Branding;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.payments.PaymentPolicy;
import restock.promise.PromiseSettings;
import restock.service.NoticeRelay;
import restock.service.Restock;
import restock.service.WaitlistCommands;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** With holds on, each person told gets a unit set aside until their notice lapses; then the next in line is told. */
class WaitlistHoldsTest {
    private Database database;
    private TestClock clock;
    private Restock restock;
    private WaitlistCommands waitlist;
    private final Sku sku = Sku.of("22086");

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.parse("2026-11-26")), PaymentPolicy.DEFAULT,
                new SignedLinks("holds test secret, long enough".getBytes(StandardCharsets.UTF_8)));
        NoticeRelay relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        waitlist = new WaitlistCommands(restock, restock.links(), relay, WaitlistCommands.Settings.DEFAULT.holding(), clock);
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Paper Chain Kit 50'S Christmas", new Money(295, "GBP"),
                new BackorderPolicy.Always(OptionalInt.empty()))));
        for (int i = 1; i <= 5; i++) {
            String email = "fan" + i + "@example.com";
            restock.inTransaction(h -> waitlist.signUp(h, sku, email, 1, true));
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Order place(String email) {
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest(email, true, 0, List.of(new OrderRequest.Line(sku, 1)))));
    }

    private int free() {
        return restock.read(h -> restock.availability().availability(h, sku, 1)).availability().available();
    }

    @Test
    void held_units_go_only_to_the_people_told_until_their_notices_lapse() {
        restock.inTransaction(h -> restock.stock().returnToStock(h, sku, 3, "found"));
        assertThat(waitlist.noticePass()).isEqualTo(3);
        assertThat(free()).as("all three units are held").isZero();

        Order stranger = place("stranger@example.com");
        assertThat(stranger.lines().get(0).quantities().reserved()).isZero();
        assertThat(stranger.lines().get(0).quantities().waiting()).isEqualTo(1);
        Order fan1 = place("fan1@example.com");
        assertThat(fan1.lines().get(0).quantities().reserved()).as("a notified fan takes their held unit").isEqualTo(1);

        clock.advance(WaitlistCommands.Settings.DEFAULT.noticeWindow().plusMinutes(1));
        assertThat(waitlist.noticePass()).as("lapsed holds: the two units went to the waiting stranger first, one is left")
                .isEqualTo(1);
        assertThat(restock.read(h -> restock.orders().find(h, stranger.id())).lines().get(0).quantities().reserved()).isEqualTo(1);
        long told = restock.read(h -> h.createQuery("select count(*) from waitlist where notified_at is not null").mapTo(Long.class).one());
        assertThat(told).isEqualTo(4);
        assertThat(free()).isZero();
    }
}
