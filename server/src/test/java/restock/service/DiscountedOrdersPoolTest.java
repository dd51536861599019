package restock.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.engagement.DiscountCode;
import restock.engagement.OfferRule;
import restock.orders.OrderRequest;
import restock.store.Database;
import restock.support.TestDatabases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders carrying discount codes (valid or wrong) hold the SKU lock while the code is checked; they must use only
 * their own transaction's connection, or on a small pool every request waits for a connection held by another
 * waiting request (the pool deadlock found from outside).
 */
class DiscountedOrdersPoolTest {
    private static final int PER_KIND = 16;
    /**
     * Four connections, and a wait for one long enough that only a deadlock runs it out: the 48 orders take the SKU's
     * lock one at a time, so the last waits about 44 placements for a connection; 2 s was enough on a quiet machine
     * and ran out at a load average of 19 (CI beside six helpers' builds, 9ef0b3a) with no second connection taken.
     * A thread holding one connection while it waits for another never gets one, whatever the wait.
     */
    private static final Database.Pool SMALL_POOL = new Database.Pool(4, Duration.ofSeconds(30));
    private Database database;

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void sixteen_concurrent_discounted_orders_never_take_a_second_connection_nor_time_out_on_a_small_pool() throws Exception {
        TestDatabases.Target target = TestDatabases.targets().get(0);
        database = Database.connect(target.jdbcUrl(), Optional.of(TestDatabases.newSchemaName()), SMALL_POOL);
        HandlesPerThread handles = new HandlesPerThread();
        database.jdbi().getConfig(Handles.class).addListener(handles);
        Restock restock = new Restock(database.jdbi(), Clock.systemUTC());
        Sku sku = Sku.of("22423");
        List<String> codes = restock.inTransaction(h -> {
            restock.catalog().create(h, new Product(sku, "Regency Cakestand 3 Tier", new Money(1_275, "GBP"),
                    new BackorderPolicy.Always(OptionalInt.empty())));
            restock.stock().count(h, sku, 10_000, "opening");
            restock.offers().activate(h, new OfferRule.WaitlistDiscount(10, 14, 0, Optional.empty()));
            List<String> issued = new ArrayList<>();
            for (int i = 0; i < PER_KIND; i++) {
                issued.add(restock.offers().issue(h, "waitlist_discount", "cause-" + i, "valid" + i + "@example.com", 0).orElseThrow().code());
            }
            return issued;
        });
        SecureRandom random = new SecureRandom();
        List<OrderRequest> requests = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            requests.add(order("valid" + i + "@example.com", sku, Optional.of(codes.get(i))));
            requests.add(order("wrong" + i + "@example.com", sku, Optional.of(DiscountCode.generate(random))));
            requests.add(order("plain" + i + "@example.com", sku, Optional.empty()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (OrderRequest request : requests) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    restock.inTransaction(h -> restock.orders().place(h, request));
                    return "placed";
                } catch (InvalidInput e) {
                    return "refused: " + e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(handles.mostAtOnce.get()).as("connections one thread held at once").isEqualTo(1);
        assertThat(results.stream().filter("placed"::equals)).hasSize(2 * PER_KIND);
        assertThat(results.stream().filter(r -> r.contains("there is no such code"))).hasSize(PER_KIND);
        long recordedFailures = restock.read(h -> h.createQuery("select count(*) from redemption_attempts where not succeeded")
                .mapTo(Long.class).one());
        assertThat(recordedFailures).as("wrong codes still count towards the attempt limit").isEqualTo(PER_KIND);
        long discounted = restock.read(h -> h.createQuery("select count(*) from discount_codes where redeemed_at is not null")
                .mapTo(Long.class).one());
        assertThat(discounted).isEqualTo(PER_KIND);
    }

    private static OrderRequest order(String email, Sku sku, Optional<String> code) {
        return new OrderRequest(email, true, 0, List.of(new OrderRequest.Line(sku, 1)), Optional.of("pm_card_visa"), code);
    }

    /** Counts the handles (pooled connections) each thread holds, keeping the most any thread held at once. */
    private static final class HandlesPerThread implements HandleListener {
        private final Map<Thread, AtomicInteger> open = new ConcurrentHashMap<>();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public void handleCreated(Handle handle) {
            int now = open.computeIfAbsent(Thread.currentThread(), t -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
        }

        @Override
        public void handleClosed(Handle handle) {
            open.get(Thread.currentThread()).decrementAndGet();
        }
    }
}
