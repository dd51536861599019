package restock.notify;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.service.NoticeRelay;
import restock.service.Restock;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transactions commit in any order, so a later event can be visible before an earlier one: the relay must not pass
 * an event that is yet to appear (its customer would never be told), nor wait for one rolled back. Found by the
 * crash run's check that every event which always makes a notice has its message (71 passed without one in 4 minutes).
 */
class RelayGapsTest {
    private Database database;
    private Restock restock;
    private NoticeRelay relay;
    private final Sku first = Sku.of("GAP-1");
    private final Sku second = Sku.of("GAP-2");

    @BeforeEach
    void start() {
        database = TestDatabases.targets().get(TestDatabases.targets().size() - 1).freshSchema();
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock);
        relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        for (Sku sku : List.of(first, second)) {
            restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Gap " + sku.code(), new Money(500, "GBP"),
                    new BackorderPolicy.Always(OptionalInt.empty()))));
        }
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private Order place(Handle handle, String email, Sku sku) {
        return restock.orders().place(handle, new OrderRequest(email, true, 0, List.of(new OrderRequest.Line(sku, 1)), Optional.of("pm_card_visa")));
    }

    private boolean toldWaiting(String email) {
        return restock.read(h -> h.createQuery("select count(*) from outbox where channel = 'email' and recipient = :to and topic = 'order.waiting'")
                .bind("to", email).mapTo(Long.class).one()) > 0;
    }

    /** An order placed on a thread of its own whose transaction stays open until the test ends it. */
    private final class HeldOrder implements AutoCloseable {
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        private final java.util.concurrent.CompletableFuture<Boolean> commit = new java.util.concurrent.CompletableFuture<>();
        private final java.util.concurrent.Future<?> done;

        HeldOrder(String email, Sku sku) throws Exception {
            java.util.concurrent.CountDownLatch placed = new java.util.concurrent.CountDownLatch(1);
            done = thread.submit(() -> {
                try (Handle handle = database.jdbi().open()) {
                    handle.begin();
                    place(handle, email, sku);
                    placed.countDown();
                    if (commit.get()) {
                        handle.commit();
                    } else {
                        handle.rollback();
                    }
                }
                return null;
            });
            assertThat(placed.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the held order was placed").isTrue();
        }

        void end(boolean committed) throws Exception {
            commit.complete(committed);
            done.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            commit.complete(false);
            thread.shutdownNow();
        }
    }

    @Test
    void an_event_committed_after_a_later_one_is_still_told() throws Exception {
        try (HeldOrder ann = new HeldOrder("ann@example.com", first)) {
            restock.inTransaction(h -> place(h, "bob@example.com", second));

            relay.runOnce();
            relay.runOnce();
            ann.end(true);
        }
        relay.runOnce();
        relay.runOnce();

        assertThat(toldWaiting("ann@example.com")).as("ann's order committed after bob's, with smaller event ids").isTrue();
        assertThat(toldWaiting("bob@example.com")).isTrue();
    }

    @Test
    void a_gap_left_by_a_rolled_back_transaction_holds_nothing_up_for_long() throws Exception {
        try (HeldOrder ann = new HeldOrder("ann@example.com", first)) {
            restock.inTransaction(h -> place(h, "bob@example.com", second));

            relay.runOnce();
            assertThat(toldWaiting("bob@example.com")).as("told while an earlier event may still appear").isFalse();
            ann.end(false);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            relay.runOnce();
            assertThat(toldWaiting("bob@example.com")).as("bob told once the rolled-back order's gap is known to be final").isTrue();
        });
        assertThat(toldWaiting("ann@example.com")).as("the rolled-back order").isFalse();
    }
}
