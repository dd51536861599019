package restock.planning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.service.PlanningQueries;
import restock.service.Restock;
import restock.service.WaitlistCommands;
import restock.notify.Branding;
import restock.service.NoticeRelay;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Demand history counts what was asked for, not only what shipped, and marks the days it could not be met. */
class DemandHistoryTest {
    private Database database;
    private TestClock clock;
    private Restock restock;
    private final Sku sku = Sku.of("85099B");

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-11-02T09:00:00Z"));
        restock = new Restock(database.jdbi(), clock);
        restock.inTransaction(h -> {
            restock.catalog().create(h, new Product(sku, "Jumbo Bag Red Retrospot", new Money(208, "GBP"), new BackorderPolicy.Always(OptionalInt.of(2))));
            return restock.stock().count(h, sku, 3, "opening");
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Order place(int quantity) {
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("shopper@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, quantity)))));
    }

    @Test
    void counts_ordered_backordered_refused_waitlisted_and_cancellations_while_waiting_and_marks_censored_days() {
        place(2);
        Order waiting = place(4);                 // 1 reserved, 2 waiting (the cap), 1 refused
        clock.advance(Duration.ofDays(1));
        WaitlistCommands waitlist = new WaitlistCommands(restock, restock.links(),
                new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock), WaitlistCommands.Settings.DEFAULT, clock);
        restock.inTransaction(h -> waitlist.signUp(h, sku, "fan@example.com", 5, true));
        restock.inTransaction(h -> restock.orders().cancel(h, waiting.id()));
        clock.advance(Duration.ofDays(1));

        List<DemandHistory.Period> days = restock.read(h -> new PlanningQueries(restock).demand(h, sku,
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), DemandHistory.Grain.DAY));

        assertThat(days).containsExactly(
                new DemandHistory.Period(LocalDate.parse("2026-11-02"), 6, 2, 1, 0, 0, true),
                new DemandHistory.Period(LocalDate.parse("2026-11-03"), 0, 0, 0, 5, 3, false),
                new DemandHistory.Period(LocalDate.parse("2026-11-04"), 0, 0, 0, 0, 0, false));
        assertThat(days.get(0).demand()).isEqualTo(6);
        assertThat(days.get(1).demand()).as("waitlist sign-ups are demand too").isEqualTo(5);

        List<DemandHistory.Period> weeks = restock.read(h -> new PlanningQueries(restock).demand(h, sku,
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-15"), DemandHistory.Grain.WEEK));
        assertThat(weeks).extracting(DemandHistory.Period::start).containsExactly(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"));
        assertThat(weeks.get(0).demand()).isEqualTo(11);
        assertThat(weeks.get(0).censored()).isTrue();
    }

    @Test
    void a_day_that_ends_with_nothing_on_hand_is_censored_even_without_orders() {
        restock.inTransaction(h -> restock.stock().count(h, sku, 0, "sold elsewhere"));
        List<DemandHistory.Period> days = restock.read(h -> new PlanningQueries(restock).demand(h, sku,
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"), DemandHistory.Grain.DAY));
        assertThat(days).extracting(DemandHistory.Period::censored).containsExactly(true, true);
    }

    @Test
    void stock_counted_before_the_window_opens_it_so_its_days_are_not_censored() {
        restock.inTransaction(h -> restock.stock().count(h, sku, 5, "opening count"));
        LocalDate today = restock.books().today();
        List<DemandHistory.Period> days = restock.read(h -> new PlanningQueries(restock).demand(h, sku,
                today.plusDays(1), today.plusDays(2), DemandHistory.Grain.DAY));
        assertThat(days).extracting(DemandHistory.Period::censored).containsExactly(false, false);
    }
}
