package restock.instances;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import restock.payments.GatewayResult;
import restock.payments.SimulatedGateway;
import restock.service.JobLeases;
import restock.service.NightlyPlan;
import restock.service.PlanningQueries;
import restock.service.Restock;
import restock.store.Database;
import restock.store.SqlGatewayLedger;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Restock instances on one database: each background job runs in one of them at a time and passes to the
 * other when its holder dies, the nightly plan runs once per night, and the simulated gateway is one gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralInstancesTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    private Database database;
    private TestClock clock;
    private Restock first;
    private Restock second;

    /** One schema for the class (migrating one takes seconds); each test uses job names and keys of its own. */
    @BeforeAll
    void open() {
        database = TestDatabases.targets().get(TestDatabases.targets().size() - 1).freshSchema();
        clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        first = new Restock(database.jdbi(), clock);
        second = new Restock(database.jdbi(), clock);
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void a_background_job_runs_only_in_the_lease_holder_and_passes_to_another_instance_when_its_holder_dies() {
        JobLeases a = new JobLeases(first, "instance-a", LEASE, clock);
        JobLeases b = new JobLeases(second, "instance-b", LEASE, clock);
        List<String> ran = new ArrayList<>();
        for (int second = 0; second < 3 * LEASE.toSeconds(); second++) {
            a.runIfHeld("payments", () -> ran.add("a") ? 1 : 0);
            b.runIfHeld("payments", () -> ran.add("b") ? 1 : 0);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(ran).hasSize(3 * (int) LEASE.toSeconds()).containsOnly("a");

        // a dies: it renews no more. b takes over once the lease lapsed, not before.
        ran.clear();
        for (int second = 0; second < LEASE.toSeconds() + 5; second++) {
            b.runIfHeld("payments", () -> ran.add("b") ? 1 : 0);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(ran).hasSizeBetween(4, 6).containsOnly("b");
        assertThat(a.runIfHeld("payments", () -> 1)).as("a is back, but b holds the job now").isEqualTo(-1);

        b.releaseAll();
        assertThat(a.runIfHeld("payments", () -> 1)).as("a clean shutdown hands the job over at once").isEqualTo(1);
    }

    @Test
    void racing_instances_never_run_one_job_at_the_same_time() throws Exception {
        List<long[]> passes = new CopyOnWriteArrayList<>();
        List<Callable<Integer>> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JobLeases leases = new JobLeases(new Restock(database.jdbi(), Clock.systemUTC()), "instance-" + i, LEASE, Clock.systemUTC());
            long id = i;
            instances.add(() -> {
                int ran = 0;
                for (int round = 0; round < 25; round++) {
                    ran += Math.max(0, leases.runIfHeld("delivery", () -> {
                        long start = System.nanoTime();
                        sleep(2);
                        passes.add(new long[] {id, start, System.nanoTime()});
                        return 1;
                    }));
                }
                return ran;
            });
        }
        List<Integer> ranPerInstance = runAtOnce(instances);

        assertThat(ranPerInstance.stream().filter(n -> n > 0)).as("one instance holds the job; the others wait").hasSize(1);
        assertThat(passes).hasSize(25);
        for (long[] pass : passes) {
            for (long[] other : passes) {
                boolean overlap = pass[0] != other[0] && pass[1] < other[2] && other[1] < pass[2];
                assertThat(overlap).as("passes of instances %d and %d overlap", pass[0], other[0]).isFalse();
            }
        }
    }

    @Test
    void the_nightly_plan_runs_once_per_night_across_instances() throws Exception {
        first.inTransaction(h -> first.catalog().create(h, new restock.catalog.Product(restock.catalog.Sku.of("22423"),
                "Regency Cakestand 3 Tier", new restock.catalog.Money(1275, "GBP"), new restock.catalog.BackorderPolicy.Never(),
                restock.catalog.Lifecycle.ACTIVE)));
        List<NightlyPlan> instances = List.of(
                new NightlyPlan(new PlanningQueries(first), new JobLeases(first, "instance-a", LEASE, clock), clock, plans -> "csv"),
                new NightlyPlan(new PlanningQueries(second), new JobLeases(second, "instance-b", LEASE, clock), clock, plans -> "csv"));

        List<Boolean> tonight = runAtOnce(instances.stream().map(plan -> (Callable<Boolean>) plan::runIfDue).toList());
        assertThat(tonight).containsExactlyInAnyOrder(true, false);
        clock.advance(Duration.ofHours(3));
        assertThat(instances.stream().map(NightlyPlan::runIfDue)).as("the same night again").containsOnly(false);
        clock.advance(Duration.ofDays(1));
        assertThat(runAtOnce(instances.stream().map(plan -> (Callable<Boolean>) plan::runIfDue).toList()))
                .containsExactlyInAnyOrder(true, false);

        long runs = first.read(h -> h.createQuery("select count(*) from planning_runs").mapTo(Long.class).one());
        assertThat(runs).isEqualTo(2);
    }

    @Test
    void the_simulated_gateway_keeps_its_books_in_the_database_so_two_instances_agree() throws Exception {
        Jdbi poolA = database.separatePool("gateway-a", 2);
        Jdbi poolB = database.separatePool("gateway-b", 2);
        SimulatedGateway a = new SimulatedGateway(1, SimulatedGateway.Faults.NONE, clock, new SqlGatewayLedger(poolA, clock));
        SimulatedGateway b = new SimulatedGateway(2, SimulatedGateway.Faults.NONE, clock, new SqlGatewayLedger(poolB, clock));

        GatewayResult authorized = a.authorize("line-1-authorize", "pm_card_visa", 1_999, "GBP");
        assertThat(b.lookup("line-1-authorize")).as("b sees what a answered").contains(authorized);
        String authorization = ((GatewayResult.Succeeded) authorized).reference();
        GatewayResult captured = b.capture("line-1-capture", authorization, 1_999);
        assertThat(captured).as("b captures a's authorization").isInstanceOf(GatewayResult.Succeeded.class);
        assertThat(a.capture("line-1-capture-again", authorization, 1_999)).as("an authorization is captured once")
                .isInstanceOf(GatewayResult.Declined.class);

        List<GatewayResult> charges = runAtOnce(List.of(
                () -> a.charge("line-2-charge", "pm_card_visa", 500, "GBP"), () -> b.charge("line-2-charge", "pm_card_visa", 500, "GBP"),
                () -> a.charge("line-2-charge", "pm_card_visa", 500, "GBP"), () -> b.charge("line-2-charge", "pm_card_visa", 500, "GBP")));
        assertThat(charges).as("one key, one answer, wherever it was sent").containsOnly(charges.get(0));
        String charge = ((GatewayResult.Succeeded) charges.get(0)).reference();
        assertThat(a.refund("line-2-refund", charge, 200)).isInstanceOf(GatewayResult.Succeeded.class);
        assertThat(b.refund("line-2-refund-more", charge, 301)).as("refunds are checked against the shared books")
                .isInstanceOf(GatewayResult.Declined.class);

        assertThat(a.moneyMovements()).isEqualTo(b.moneyMovements()).isEqualTo(2);
        assertThat(a.netTakenMinor()).isEqualTo(b.netTakenMinor()).isEqualTo(1_999 + 500 - 200);
        assertThat(a.openAuthorizations()).isEqualTo(b.openAuthorizations()).isZero();
    }

    private static <T> List<T> runAtOnce(List<Callable<T>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : work) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
