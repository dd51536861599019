package restock.notify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import restock.service.DeliveryWorker;
import restock.service.Restock;
import restock.store.Database;
import restock.store.SqlOutbox;
import restock.support.TestDatabases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Workers lose nothing when killed mid-delivery, and two Restock instances never send a message twice at once. */
class OutboxWorkersTest {
    private static final int MESSAGES = 120;
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Restock instance(String url, String schema) {
        Database database = Database.connect(url, Optional.of(schema));
        opened.add(database);
        return new Restock(database.jdbi(), Clock.systemUTC());
    }

    private static void fill(Restock restock, int count) {
        restock.inTransaction(h -> {
            for (int i = 0; i < count; i++) {
                String customer = "c" + (i % 10) + "@example.com";
                SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.EMAIL, "test", customer, "Message " + i,
                        "body " + i, null, customer), java.time.Instant.now());
            }
            return null;
        });
    }

    @Test
    void a_worker_killed_mid_delivery_loses_nothing_and_duplicates_only_by_message_id() {
        TestDatabases.Target target = TestDatabases.targets().get(0);
        String schema = TestDatabases.newSchemaName();
        Restock restock = instance(target.jdbcUrl(), schema);
        fill(restock, 20);
        List<UUID> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean dieOnce = new AtomicBoolean(true);
        MessageSender dying = message -> {
            delivered.add(message.messageId());
            if (message.subject().equals("Message 7") && dieOnce.getAndSet(false)) {
                // Sent, then the worker dies before recording it: its transaction never commits. An Error, as a kill
                // is: a sender's exception parks its message instead.
                throw new Error("worker killed");
            }
        };
        DeliveryWorker first = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, dying), Clock.systemUTC(), 1);
        try {
            first.runOnce();
        } catch (Error killed) {
            assertThat(killed).hasMessage("worker killed");
        }
        new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, dying), Clock.systemUTC(), 2).runOnce();

        long sent = restock.read(h -> h.createQuery("select count(*) from outbox where status = 'sent'").mapTo(Long.class).one());
        assertThat(sent).isEqualTo(20);
        assertThat(delivered).hasSize(21);
        assertThat(delivered.stream().distinct()).hasSize(20);
    }

    @Test
    void two_instances_never_send_the_same_message_twice_concurrently() throws Exception {
        TestDatabases.Target target = TestDatabases.external().orElse(TestDatabases.targets().get(0));
        String schema = TestDatabases.newSchemaName();
        Restock one = instance(target.jdbcUrl(), schema);
        Restock two = instance(target.jdbcUrl(), schema);
        fill(one, MESSAGES);
        List<UUID> delivered = Collections.synchronizedList(new ArrayList<>());
        MessageSender slow = message -> {
            delivered.add(message.messageId());
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> work = new ArrayList<>();
        for (Restock instance : List.of(one, two, one, two)) {
            DeliveryWorker worker = new DeliveryWorker(instance, Map.of(Message.Channel.EMAIL, slow), Clock.systemUTC(), work.size());
            work.add(pool.submit(() -> {
                int total = 0;
                for (int pass = 0; pass < 20; pass++) {
                    total += worker.runOnce();
                }
                return total;
            }));
        }
        int handled = 0;
        for (Future<Integer> future : work) {
            handled += future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(handled).isEqualTo(MESSAGES);
        assertThat(delivered).hasSize(MESSAGES).doesNotHaveDuplicates();
        long sent = one.read(h -> h.createQuery("select count(*) from outbox where status = 'sent'").mapTo(Long.class).one());
        assertThat(sent).isEqualTo(MESSAGES);
    }

    @Test
    void failures_back_off_then_dead_letter_and_can_be_replayed() {
        Restock restock = instance(TestDatabases.targets().get(0).jdbcUrl(), TestDatabases.newSchemaName());
        fill(restock, 1);
        restock.support.TestClock clock = new restock.support.TestClock(java.time.Instant.now());
        MessageSender refusing = message -> {
            throw new MessageSender.DeliveryFailed("mailbox unavailable", null);
        };
        DeliveryWorker worker = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, refusing), clock, 3);
        for (int attempt = 0; attempt < Backoff.MAX_ATTEMPTS; attempt++) {
            assertThat(worker.runOnce()).isEqualTo(1);
            assertThat(worker.runOnce()).as("not retried before its backoff").isZero();
            clock.advance(Backoff.MAX_DELAY.plusMinutes(1));
        }
        String dead = restock.read(h -> h.createQuery("select status from outbox").mapTo(String.class).one());
        assertThat(dead).isEqualTo("dead");
        long id = restock.read(h -> h.createQuery("select id from outbox").mapTo(Long.class).one());
        boolean replayed = restock.inTransaction(h -> SqlOutbox.replay(h, id, clock.instant()));
        assertThat(replayed).isTrue();
        String again = restock.read(h -> h.createQuery("select status from outbox").mapTo(String.class).one());
        assertThat(again).isEqualTo("pending");
    }

    @Test
    void a_backlog_drains_in_one_call_while_the_budget_lasts_not_one_pass_a_second() {
        Restock restock = instance(TestDatabases.targets().get(0).jdbcUrl(), TestDatabases.newSchemaName());
        int backlog = DeliveryWorker.PER_PASS * 2 + 50;
        fill(restock, backlog);
        List<UUID> delivered = Collections.synchronizedList(new ArrayList<>());
        DeliveryWorker worker = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, message -> delivered.add(message.messageId())),
                Clock.systemUTC(), 4);

        assertThat(worker.drain(java.time.Duration.ofMinutes(2))).isEqualTo(backlog);
        assertThat(delivered).hasSize(backlog).doesNotHaveDuplicates();
        assertThat(worker.drain(java.time.Duration.ofMinutes(2))).as("nothing left").isZero();
    }

    @Test
    void a_spent_budget_ends_the_drain_after_the_pass_under_way() {
        Restock restock = instance(TestDatabases.targets().get(0).jdbcUrl(), TestDatabases.newSchemaName());
        fill(restock, DeliveryWorker.PER_PASS * 2);
        DeliveryWorker worker = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, message -> { }), Clock.systemUTC(), 5);

        assertThat(worker.drain(java.time.Duration.ZERO)).isEqualTo(DeliveryWorker.PER_PASS);
    }
}
