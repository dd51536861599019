package restock.service;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.jdbi.v3.core.Handle;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.store.Database;
import restock.support.Invariants;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of place / cancel / receive / ship / adjust / count / return keep every stock invariant
 * after every step, on the embedded server and (when configured) on the external one.
 */
class StockInvariantProperties {
    private static final int SKUS = 3;
    private static final AtomicInteger TRY = new AtomicInteger();
    private static Database embedded;
    private static Database external;

    sealed interface Step {
    }

    record Place(int sku, int quantity, int priority, boolean allowPartial, int secondSku) implements Step {
    }

    record CancelOrder(int order) implements Step {
    }

    record CancelLine(int order) implements Step {
    }

    record Ship(int order) implements Step {
    }

    record CreatePurchaseOrder(int sku, int quantity, int daysAhead) implements Step {
    }

    record Receive(int purchaseOrder, int quantity) implements Step {
    }

    record ClosePurchaseOrder(int purchaseOrder) implements Step {
    }

    record Adjust(int sku, int delta) implements Step {
    }

    record Count(int sku, int counted) implements Step {
    }

    record Return(int sku, int quantity) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> sku = Arbitraries.integers().between(0, SKUS - 1);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 30);
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 6);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Combinators.combine(sku, small, Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                        Arbitraries.integers().between(-1, SKUS - 1)).as(Place::new)),
                net.jqwik.api.Tuple.of(2, index.map(CancelOrder::new)),
                net.jqwik.api.Tuple.of(1, index.map(CancelLine::new)),
                net.jqwik.api.Tuple.of(2, index.map(Ship::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sku, small, Arbitraries.integers().between(1, 30)).as(CreatePurchaseOrder::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(index, small).as(Receive::new)),
                net.jqwik.api.Tuple.of(1, index.map(ClosePurchaseOrder::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sku, Arbitraries.integers().between(-4, 6).filter(d -> d != 0)).as(Adjust::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sku, Arbitraries.integers().between(0, 8)).as(Count::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sku, small).as(Return::new)));
        return step.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 40)
    void invariants_hold_after_every_step_on_the_embedded_server(@ForAll("steps") List<Step> steps) {
        if (embedded == null) {
            embedded = TestDatabases.targets().get(0).freshSchema();
        }
        run(embedded, steps);
    }

    @Property(tries = 40)
    void invariants_hold_after_every_step_on_the_external_server(@ForAll("steps") List<Step> steps) {
        if (TestDatabases.external().isEmpty()) {
            return; // CI sets RESTOCK_TEST_DATABASE_URL; elsewhere the embedded run above covers the same ground.
        }
        if (external == null) {
            external = TestDatabases.external().get().freshSchema();
        }
        run(external, steps);
    }

    @AfterContainer
    static void close() {
        if (embedded != null) {
            embedded.close();
        }
        if (external != null) {
            external.close();
        }
    }

    private void run(Database database, List<Step> steps) {
        TestClock clock = new TestClock(Instant.parse("2026-11-01T09:00:00Z"));
        Restock restock = new Restock(database.jdbi(), clock);
        int tryNumber = TRY.incrementAndGet();
        List<Sku> skus = createProducts(restock, tryNumber);
        List<Long> orders = new ArrayList<>();
        List<Long> purchaseOrders = new ArrayList<>();
        for (Step step : steps) {
            clock.advance(Duration.ofSeconds(1));
            long lastEvent = restock.read(h -> h.createQuery("select coalesce(max(id), 0) from order_events").mapTo(Long.class).one());
            int waitingBefore = waitingOfSupplyConfirmed(restock, skus.get(1));
            try {
                restock.inTransaction(h -> apply(restock, h, step, skus, orders, purchaseOrders, clock));
            } catch (Conflict | NotFound | InvalidInput expected) {
                // A refused command changes nothing; the invariants below must still hold.
            }
            restock.read(h -> {
                Invariants.check(h);
                checkFillOrder(h, lastEvent);
                return null;
            });
            int waitingAfter = waitingOfSupplyConfirmed(restock, skus.get(1));
            int incoming = restock.read(h -> restock.stock().level(h, skus.get(1))).incoming();
            assertThat(waitingAfter).as("waiting units of the supply-confirmed SKU after %s", step)
                    .isLessThanOrEqualTo(Math.max(incoming, waitingBefore));
        }
    }

    private static List<Sku> createProducts(Restock restock, int tryNumber) {
        List<BackorderPolicy> policies = List.of(new BackorderPolicy.Never(), new BackorderPolicy.WhenSupplyConfirmed(),
                new BackorderPolicy.Always(OptionalInt.of(8)));
        List<Sku> skus = new ArrayList<>();
        restock.inTransaction(h -> {
            for (int i = 0; i < SKUS; i++) {
                Sku sku = Sku.of("P" + tryNumber + "-" + i);
                restock.catalog().create(h, new Product(sku, "Product " + i, new Money(100, "GBP"), policies.get(i)));
                restock.stock().count(h, sku, 3, "opening");
                skus.add(sku);
            }
            return null;
        });
        return skus;
    }

    private static Object apply(Restock restock, Handle h, Step step, List<Sku> skus, List<Long> orders, List<Long> purchaseOrders,
                                TestClock clock) {
        if (step instanceof Place place) {
            List<OrderRequest.Line> lines = new ArrayList<>();
            lines.add(new OrderRequest.Line(skus.get(place.sku()), place.quantity()));
            if (place.secondSku() >= 0) {
                lines.add(new OrderRequest.Line(skus.get(place.secondSku()), 1));
            }
            orders.add(restock.orders().place(h, new OrderRequest("shopper@example.com", place.allowPartial(), place.priority(), lines)).id());
        } else if (step instanceof CancelOrder cancel && !orders.isEmpty()) {
            restock.orders().cancel(h, orders.get(cancel.order() % orders.size()));
        } else if (step instanceof CancelLine cancel && !orders.isEmpty()) {
            restock.orders().cancelLine(h, orders.get(cancel.order() % orders.size()), 1);
        } else if (step instanceof Ship ship && !orders.isEmpty()) {
            restock.orders().ship(h, orders.get(ship.order() % orders.size()));
        } else if (step instanceof CreatePurchaseOrder create) {
            LocalDate expected = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(create.daysAhead());
            purchaseOrders.add(restock.purchasing().create(h, new PurchaseOrderRequest("Supplier", true,
                    List.of(new PurchaseOrderRequest.Line(skus.get(create.sku()), create.quantity(), expected)))).id());
        } else if (step instanceof Receive receive && !purchaseOrders.isEmpty()) {
            long id = purchaseOrders.get(receive.purchaseOrder() % purchaseOrders.size());
            Sku sku = restock.purchasing().find(h, id).lines().get(0).sku();
            restock.purchasing().receive(h, id, List.of(new ReceiptPlan.Received(sku, receive.quantity())));
        } else if (step instanceof ClosePurchaseOrder close && !purchaseOrders.isEmpty()) {
            restock.purchasing().close(h, purchaseOrders.get(close.purchaseOrder() % purchaseOrders.size()));
        } else if (step instanceof Adjust adjust) {
            restock.stock().adjust(h, skus.get(adjust.sku()), adjust.delta(), "property test");
        } else if (step instanceof Count count) {
            restock.stock().count(h, skus.get(count.sku()), count.counted(), "property test");
        } else if (step instanceof Return back) {
            restock.stock().returnToStock(h, skus.get(back.sku()), back.quantity(), "property test");
        }
        return null;
    }

    /** No line was filled in this step while a line ahead of it in the same SKU's queue is still waiting. */
    private static void checkFillOrder(Handle h, long lastEvent) {
        List<Map<String, Object>> jumped = h.createQuery("""
                select filled.id as filled_line, ahead.id as waiting_line
                from order_events e
                join order_lines filled on filled.id = e.order_line_id
                join order_lines ahead on ahead.sku = filled.sku and ahead.waiting > 0 and ahead.id <> filled.id
                where e.id > :last and e.kind = 'filled'
                  and (ahead.priority > filled.priority
                       or (ahead.priority = filled.priority and (ahead.placed_at, ahead.id) < (filled.placed_at, filled.id)))""")
                .bind("last", lastEvent)
                .mapToMap()
                .list();
        assertThat(jumped).as("lines filled ahead of older waiting lines").isEmpty();
    }

    private static int waitingOfSupplyConfirmed(Restock restock, Sku sku) {
        return restock.read(h -> restock.stock().level(h, sku)).backordered();
    }
}
