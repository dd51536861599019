package restock.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.Order;
import restock.inventory.StockLevel;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.store.Database;
import restock.support.Invariants;
import restock.support.TestDatabases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** 32 threads placing single-unit orders on one SKU never oversell it. */
class ConcurrentPlacementTest {
    private static final int THREADS = 32;
    private static final int ORDERS_PER_THREAD = 8;
    private static final List<Database> opened = Collections.synchronizedList(new ArrayList<>());

    static List<TestDatabases.Target> targets() {
        return TestDatabases.targets();
    }

    @AfterAll
    static void close() {
        opened.forEach(Database::close);
    }

    private static Restock restock(TestDatabases.Target target) {
        Database database = target.freshSchema();
        opened.add(database);
        return new Restock(database.jdbi(), Clock.systemUTC());
    }

    private static Sku product(Restock restock, BackorderPolicy policy, int onHand) {
        Sku sku = Sku.of("HOT-1");
        restock.inTransaction(h -> {
            restock.catalog().create(h, new Product(sku, "Hot item", new Money(999, "GBP"), policy));
            return restock.stock().count(h, sku, onHand, "opening");
        });
        return sku;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void exactly_the_stock_on_hand_is_reserved_and_the_rest_refused(TestDatabases.Target target) throws Exception {
        Restock restock = restock(target);
        Sku sku = product(restock, new BackorderPolicy.Never(), 100);

        List<Order> placed = placeConcurrently(restock, sku, THREADS * ORDERS_PER_THREAD);

        assertThat(placed.stream().filter(o -> o.lines().get(0).quantities().reserved() == 1)).hasSize(100);
        assertThat(placed.stream().filter(o -> o.lines().get(0).quantities().refused() == 1)).hasSize(THREADS * ORDERS_PER_THREAD - 100);
        StockLevel level = restock.read(h -> restock.stock().level(h, sku));
        assertThat(level).isEqualTo(new StockLevel(sku, 100, 100, 0, 0, 0));
        restock.read(h -> { Invariants.check(h); return null; });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void waiting_orders_are_capped_by_confirmed_supply(TestDatabases.Target target) throws Exception {
        Restock restock = restock(target);
        Sku sku = product(restock, new BackorderPolicy.WhenSupplyConfirmed(), 100);
        restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Supplier", true,
                List.of(new PurchaseOrderRequest.Line(sku, 50, LocalDate.now().plusDays(10))))));

        List<Order> placed = placeConcurrently(restock, sku, THREADS * ORDERS_PER_THREAD);

        assertThat(placed.stream().mapToInt(o -> o.lines().get(0).quantities().reserved()).sum()).isEqualTo(100);
        assertThat(placed.stream().mapToInt(o -> o.lines().get(0).quantities().waiting()).sum()).isEqualTo(50);
        assertThat(placed.stream().mapToInt(o -> o.lines().get(0).quantities().refused()).sum()).isEqualTo(THREADS * ORDERS_PER_THREAD - 150);
        restock.read(h -> { Invariants.check(h); return null; });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void receipts_and_cancellations_interleaved_with_placements_never_oversell(TestDatabases.Target target) throws Exception {
        Restock restock = restock(target);
        Sku sku = product(restock, new BackorderPolicy.Always(java.util.OptionalInt.empty()), 100);
        long purchaseOrder = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Supplier", true,
                List.of(new PurchaseOrderRequest.Line(sku, 64, LocalDate.now().plusDays(10)))))).id();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        List<Long> orderIds = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ORDERS_PER_THREAD; i++) {
                    Order order = restock.inTransaction(h -> restock.orders().place(h, single(sku)));
                    orderIds.add(order.id());
                    if (thread % 4 == 0 && i % 2 == 0) {
                        restock.inTransaction(h -> restock.orders().cancel(h, order.id()));
                    }
                    if (thread % 8 == 1) {
                        restock.inTransaction(h -> restock.purchasing().receive(h, purchaseOrder, List.of(new ReceiptPlan.Received(sku, 1))));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int cancelled = THREADS / 4 * ORDERS_PER_THREAD / 2;
        int received = THREADS / 8 * ORDERS_PER_THREAD;
        StockLevel level = restock.read(h -> restock.stock().level(h, sku));
        assertThat(level.onHand()).isEqualTo(100 + received);
        assertThat(level.reserved()).isEqualTo(100 + received);
        assertThat(level.backordered()).isEqualTo(THREADS * ORDERS_PER_THREAD - cancelled - 100 - received);
        restock.read(h -> { Invariants.check(h); return null; });
    }

    private static OrderRequest single(Sku sku) {
        return new OrderRequest("shopper@example.com", true, 0, List.of(new OrderRequest.Line(sku, 1)));
    }

    private static List<Order> placeConcurrently(Restock restock, Sku sku, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Order>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return restock.inTransaction(h -> restock.orders().place(h, single(sku)));
            }));
        }
        start.countDown();
        List<Order> orders = new ArrayList<>();
        for (Future<Order> future : futures) {
            orders.add(future.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return orders;
    }

}
