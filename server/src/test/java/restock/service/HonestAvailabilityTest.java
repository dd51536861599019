package restock.service;

import restock.orders.CancellationChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.cli.ReportCommandAccess;
import restock.insight.KpiRow;
import restock.insight.Kpis;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.promise.Availability;
import restock.promise.AvailabilityStatus;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The status decision on constructed purchase order histories, and re-promising when a purchase order slips. */
class HonestAvailabilityTest {
    private Database database;
    private TestClock clock;
    private Restock restock;

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-01-05T09:00:00Z"));
        restock = new Restock(database.jdbi(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Sku product(String code, BackorderPolicy policy, Lifecycle lifecycle) {
        Sku sku = Sku.of(code);
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Product " + code, new Money(500, "GBP"), policy, lifecycle)));
        return sku;
    }

    private Sku product(String code) {
        return product(code, new BackorderPolicy.WhenSupplyConfirmed(), Lifecycle.ACTIVE);
    }

    private PurchaseOrder order(String supplier, Sku sku, int quantity, LocalDate expected) {
        return restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest(supplier, true,
                List.of(new PurchaseOrderRequest.Line(sku, quantity, expected)))));
    }

    private void receiveAll(PurchaseOrder po) {
        PurchaseOrder.Line line = po.lines().get(0);
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(line.sku(), line.quantityOrdered()))));
    }

    /** Purchase orders every two weeks, each expected in 5 days and delivered the given number of days late. */
    private void history(String supplier, Sku sku, int... latenessDays) {
        deliveries(supplier, sku, false, latenessDays);
    }

    /**
     * Purchase orders every two weeks, each expected in 5 days and delivered the given number of days late; when
     * {@code movedOnTheDueDay}, the supplier first moves each late line to its delivery day, on the day it was due.
     */
    private void deliveries(String supplier, Sku sku, boolean movedOnTheDueDay, int... latenessDays) {
        for (int lateness : latenessDays) {
            LocalDate due = today().plusDays(5);
            PurchaseOrder po = order(supplier, sku, 10, due);
            clock.advance(Duration.ofDays(5));
            if (movedOnTheDueDay && lateness > 0) {
                restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, due.plusDays(lateness)));
            }
            clock.advance(Duration.ofDays(lateness));
            receiveAll(po);
            clock.advance(Duration.ofDays(Math.max(1, 14L - 5 - lateness)));
        }
        restock.inTransaction(h -> restock.stock().count(h, sku, 0, "sold out"));
    }

    private Availability availability(Sku sku, int quantity) {
        return restock.read(h -> restock.availability().availability(h, sku, quantity)).availability();
    }

    private Order place(Sku sku, int quantity) {
        return restock.inTransaction(h -> restock.orders().place(h,
                new OrderRequest("shopper@example.com", true, 0, List.of(new OrderRequest.Line(sku, quantity)))));
    }

    @Test
    void no_open_purchase_order_is_out_of_stock_with_the_learned_restock_cadence() {
        Sku sku = product("CADENCE-1");
        history("Regular Ltd", sku, 0, 0, 0, 0);

        Availability answer = availability(sku, 1);

        assertThat(answer.status()).isEqualTo(AvailabilityStatus.OUT_OF_STOCK);
        assertThat(answer.eta()).isEmpty();
        assertThat(answer.note()).contains("usually restocks every ~2 weeks");
        assertThat(answer.message()).isEqualTo("Out of stock — usually restocks every ~2 weeks");
    }

    @Test
    void an_open_purchase_order_from_a_reliable_supplier_is_a_backorder_with_an_eta() {
        Sku sku = product("RELIABLE-1");
        history("Reliable Ltd", sku, 0, 0, 1, 0, 0, 0);
        LocalDate expected = today().plusDays(10);
        order("Reliable Ltd", sku, 20, expected);

        Availability answer = availability(sku, 3);

        assertThat(answer.status()).isEqualTo(AvailabilityStatus.BACKORDER);
        assertThat(answer.eta()).hasValueSatisfying(eta -> {
            assertThat(eta.from()).isEqualTo(expected.plusDays(1));
            assertThat(eta.to()).isBetween(expected.plusDays(1), expected.plusDays(2));
            assertThat(eta.probability()).isGreaterThanOrEqualTo(0.8);
        });
        assertThat(answer.message()).startsWith("Backordered — ships ");
        Order placed = place(sku, 3);
        assertThat(placed.lines().get(0).quantities().waiting()).isEqualTo(3);
        assertThat(placed.lines().get(0).promise().orElseThrow().to()).isEqualTo(answer.eta().orElseThrow().to());
    }

    @Test
    void the_same_purchase_order_from_a_supplier_late_half_the_time_is_out_of_stock_and_orders_are_refused() {
        Sku sku = product("LATE-1");
        history("Sometimes Late Ltd", sku, 0, 30, 0, 30, 0, 30);
        order("Sometimes Late Ltd", sku, 20, today().plusDays(10));

        Availability answer = availability(sku, 1);

        assertThat(answer.status()).isEqualTo(AvailabilityStatus.OUT_OF_STOCK);
        assertThat(answer.eta()).isEmpty();
        Order placed = place(sku, 1);
        assertThat(placed.lines().get(0).quantities().refused()).isEqualTo(1);
        assertThat(placed.lines().get(0).refusalReason()).hasValueSatisfying(reason -> assertThat(reason).endsWith(
                "in stock: what is on order is not likely enough to arrive in time to promise it"
                        + " (less than 80% likely to arrive, in full, within 14 days of the supplier's date)"));
    }

    @Test
    void incoming_already_claimed_by_earlier_waiting_lines_is_not_a_backorder() {
        Sku sku = product("CLAIMED-1");
        history("Reliable Ltd", sku, 0, 0, 0, 0, 0);
        order("Reliable Ltd", sku, 5, today().plusDays(10));
        assertThat(availability(sku, 5).status()).isEqualTo(AvailabilityStatus.BACKORDER);

        place(sku, 5);

        assertThat(availability(sku, 1).status()).isEqualTo(AvailabilityStatus.OUT_OF_STOCK);
        assertThat(place(sku, 1).lines().get(0).quantities().refused()).isEqualTo(1);
    }

    @Test
    void an_unreleased_product_with_confirmed_supply_is_a_preorder_and_a_discontinued_one_says_so() {
        LocalDate release = today().plusDays(30);
        Sku upcoming = product("NEW-1", new BackorderPolicy.WhenSupplyConfirmed(), new Lifecycle(Optional.of(release), false));
        restock.inTransaction(h -> restock.stock().count(h, upcoming, 10, "first delivery"));
        Availability preorder = availability(upcoming, 2);
        assertThat(preorder.status()).isEqualTo(AvailabilityStatus.PREORDER);
        assertThat(preorder.eta().orElseThrow().to()).isEqualTo(release);

        Sku old = product("OLD-1");
        restock.inTransaction(h -> restock.catalog().discontinue(h, old));
        assertThat(availability(old, 1).status()).isEqualTo(AvailabilityStatus.DISCONTINUED);
        assertThat(place(old, 1).lines().get(0).quantities().refused()).isEqualTo(1);
    }

    @Test
    void a_slipped_purchase_order_repromises_exactly_its_pegged_lines_in_queue_order_with_one_event_each() {
        Sku sku = product("SLIP-1");
        history("Reliable Ltd", sku, 0, 0, 0, 0, 0);
        PurchaseOrder early = order("Reliable Ltd", sku, 6, today().plusDays(10));
        order("Reliable Ltd", sku, 6, today().plusDays(30));
        List<Order> orders = List.of(place(sku, 2), place(sku, 2), place(sku, 2), place(sku, 2), place(sku, 2));
        long lastEvent = restock.read(h -> h.createQuery("select max(id) from order_events").mapTo(Long.class).one());

        restock.inTransaction(h -> restock.purchasing().reschedule(h, early.id(), 1, today().plusDays(15)));

        List<Long> changed = restock.read(h -> h.createQuery("""
                        select order_line_id from order_events where kind = 'promise_changed' and id > :last order by id""")
                .bind("last", lastEvent).mapTo(Long.class).list());
        assertThat(changed).containsExactly(orders.get(0).lines().get(0).id(), orders.get(1).lines().get(0).id(),
                orders.get(2).lines().get(0).id());
        assertThat(restock.read(h -> restock.orders().find(h, orders.get(0).id())).lines().get(0).promise().orElseThrow().to())
                .isAfterOrEqualTo(today().plusDays(16));
    }

    @Test
    void the_calibration_report_counts_first_promises_kept_by_their_date() {
        Sku sku = product("CAL-1");
        history("Reliable Ltd", sku, 0, 0, 0, 0, 0);
        PurchaseOrder onTime = order("Reliable Ltd", sku, 4, today().plusDays(5));
        place(sku, 2);
        place(sku, 2);
        clock.advance(Duration.ofDays(5));
        restock.inTransaction(h -> restock.purchasing().receive(h, onTime.id(), List.of(new ReceiptPlan.Received(sku, 3))));
        clock.advance(Duration.ofDays(30));

        var buckets = restock.read(h -> restock.availability().calibration(h));

        assertThat(buckets).singleElement().satisfies(bucket -> {
            assertThat(bucket.promises()).isEqualTo(2);
            assertThat(bucket.shareKept()).isEqualTo(0.5);
        });
        assertThat(ReportCommandAccess.table(buckets)).contains("50.0%");
    }

    @Test
    void a_supplier_who_moves_lines_on_the_day_they_are_due_is_learned_as_late() {
        Sku sku = product("MOVER-1");
        // Every delivery came on the date the supplier last gave, and four of six came 8 days after the date first given.
        deliveries("Mover Ltd", sku, true, 8, 0, 8, 8, 0, 8);
        LocalDate expected = today().plusDays(10);
        order("Mover Ltd", sku, 20, expected);

        Availability answer = availability(sku, 1);

        // Learned from the last word (every delivery "on time"), the promise was expected + 1 day at 86%.
        assertThat(answer.status()).isEqualTo(AvailabilityStatus.BACKORDER);
        assertThat(answer.eta()).hasValueSatisfying(eta -> {
            assertThat(eta.to()).isAfterOrEqualTo(expected.plusDays(8 + 1));
            assertThat(eta.probability()).isGreaterThanOrEqualTo(0.8);
        });
    }

    @Test
    void a_promise_the_customer_cancelled_before_its_date_is_neither_kept_nor_broken() {
        Sku sku = product("CAL-2");
        history("Reliable Ltd", sku, 0, 0, 0, 0, 0);
        PurchaseOrder po = order("Reliable Ltd", sku, 4, today().plusDays(5));
        Order left = place(sku, 2);
        place(sku, 2);
        clock.advance(Duration.ofDays(2));
        restock.inTransaction(h -> restock.orders().cancelLine(h, left.id(), 1, "found it elsewhere", CancellationChannel.API));
        clock.advance(Duration.ofDays(3));
        receiveAll(po);
        clock.advance(Duration.ofDays(30));

        var buckets = restock.read(h -> restock.availability().calibration(h));

        // Counted as broken before: the cancelled line's date passed unfilled.
        assertThat(buckets).singleElement().satisfies(bucket -> {
            assertThat(bucket.promises()).isEqualTo(1);
            assertThat(bucket.shareKept()).isEqualTo(1.0);
        });
        KpiRow kpis = new InsightQueries(restock).kpis(new InsightQueries.Period(today().minusDays(60), today()), Kpis.By.SKU,
                Kpis.Grain.WEEK, Optional.of(sku.code())).get(0);
        assertThat(kpis.promisesSettled()).isEqualTo(1);
        assertThat(kpis.promiseKeptRate()).isEqualTo(1.0);
    }

    /** An outside check found a cart naming a SKU twice answered for both lines on the same stock, while the order refused. */
    @Test
    void a_cart_that_names_a_sku_twice_is_answered_as_an_order_with_those_lines_is_placed() {
        Sku stocked = product("TWICE-1", new BackorderPolicy.Never(), Lifecycle.ACTIVE);
        restock.inTransaction(h -> restock.stock().count(h, stocked, 3, "test"));
        Sku incoming = product("TWICE-2");
        history("Reliable Ltd", incoming, 0, 0, 1, 0, 0, 0);
        order("Reliable Ltd", incoming, 20, today().plusDays(10));
        List<OrderRequest.Line> cart = List.of(new OrderRequest.Line(stocked, 2), new OrderRequest.Line(stocked, 2),
                new OrderRequest.Line(incoming, 15), new OrderRequest.Line(incoming, 10));

        var answers = restock.read(h -> restock.availability().cart(h, cart));
        Order placed = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("shopper@example.com", true, 0, cart)));

        // Before: both lines of 2 "in stock", both of 15 and 10 "backorder"; the order refused 1 and 5 units.
        for (int i = 0; i < cart.size(); i++) {
            var line = placed.lines().get(i);
            var answer = answers.get(i).decision();
            assertThat(new int[] {line.quantities().reserved(), line.quantities().waiting(), line.quantities().refused()}).as("line %d", i + 1)
                    .containsExactly(answer.reserved(), answer.waiting(), answer.refused());
            assertThat(line.promise()).as("line %d's promise", i + 1).isEqualTo(answer.promise());
        }
        assertThat(answers.get(1).availability().status()).isEqualTo(AvailabilityStatus.OUT_OF_STOCK);
        assertThat(answers.get(1).decision().refused()).isEqualTo(1);
        assertThat(answers.get(3).decision().refused()).isEqualTo(5);
    }

    /** An outside check found "Out of stock" shown for one unit more than could wait, though an order would get the rest. */
    @Test
    void a_request_that_can_be_met_only_in_part_says_how_many_can_be_ordered_and_when_they_ship() {
        Sku sku = product("PART-1");
        history("Reliable Ltd", sku, 0, 0, 1, 0, 0, 0);
        restock.inTransaction(h -> restock.stock().count(h, sku, 3, "test"));
        order("Reliable Ltd", sku, 20, today().plusDays(10));

        Availability answer = availability(sku, 25);
        Order placed = place(sku, 25);

        assertThat(answer.status()).isEqualTo(AvailabilityStatus.OUT_OF_STOCK);
        String ships = Availability.range(placed.lines().get(0).promise().orElseThrow(), today());
        assertThat(answer.message()).isEqualTo("Only 23 can be ordered: 3 in stock, 20 on backorder, shipping " + ships);
        assertThat(placed.lines().get(0).quantities().refused()).isEqualTo(2);
    }

    /**
     * An outside check found "out of stock" while 5,304 units were due that day: a line 5 days overdue, 75% likely ever
     * to come, stood first in arrival order (its median day was earlier) and the unit was judged on it alone.
     */
    @Test
    void a_line_that_cannot_keep_a_promise_does_not_stand_in_front_of_one_that_can() {
        Sku sku = product("OVERDUE-1");
        history("Mixed Ltd", sku, 0, 0, 10, 13, 3, 9);
        PurchaseOrder overdue = order("Mixed Ltd", sku, 50, today().plusDays(2));
        PurchaseOrder dueToday = order("Mixed Ltd", sku, 500, today().plusDays(7));
        clock.advance(Duration.ofDays(7));

        Availability answer = availability(sku, 1);
        Order placed = place(sku, 1);

        assertThat(answer.status()).isEqualTo(AvailabilityStatus.BACKORDER);
        assertThat(answer.eta()).hasValueSatisfying(eta -> assertThat(eta.probability()).isGreaterThanOrEqualTo(0.8));
        assertThat(placed.lines().get(0).promise().orElseThrow().purchaseOrderLineId())
                .as("the line due today, not the overdue one (%d)", overdue.lines().get(0).id()).isEqualTo(Optional.of(dueToday.lines().get(0).id()));
    }
}
