package restock.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import restock.store.Database;
import restock.support.TestDatabases;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The background jobs of a running instance: each on its own thread, draining jobs pass while they find work. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackgroundJobsTest {
    private Database database;
    private JobLeases leases;

    @BeforeAll
    void open() {
        database = TestDatabases.targets().get(TestDatabases.targets().size() - 1).freshSchema();
        leases = new JobLeases(new Restock(database.jdbi(), Clock.systemUTC()), "instance-a", Duration.ofSeconds(30), Clock.systemUTC());
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void a_slow_job_holds_up_no_other_job() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicInteger quickPasses = new AtomicInteger();
        BackgroundJobs jobs = BackgroundJobs.start(leases, List.of(
                new BackgroundJobs.Job("slow-causes", () -> {
                    slowStarted.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                }, false),
                new BackgroundJobs.Job("quick-relay", quickPasses::incrementAndGet, false)));
        try {
            assertThat(slowStarted.await(10, TimeUnit.SECONDS)).as("the slow job's first pass started").isTrue();
            int before = quickPasses.get();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(quickPasses.get()).as("passes of the quick job while the slow one is stuck").isGreaterThanOrEqualTo(before + 3));
        } finally {
            release.countDown();
            jobs.close();
        }
    }

    @Test
    void a_draining_job_passes_again_while_it_finds_work_and_a_paced_job_passes_once_a_run() {
        AtomicInteger owed = new AtomicInteger(5);
        AtomicInteger drainingPasses = new AtomicInteger();
        new BackgroundJobs(leases).run(new BackgroundJobs.Job("draining-relay", () -> {
            drainingPasses.incrementAndGet();
            return owed.get() > 0 ? owed.getAndDecrement() : 0;
        }, true));
        assertThat(owed.get()).as("work left after one run").isZero();
        assertThat(drainingPasses.get()).as("five passes with work and one that found none").isEqualTo(6);

        AtomicInteger pacedPasses = new AtomicInteger();
        new BackgroundJobs(leases).run(new BackgroundJobs.Job("paced-payments", () -> {
            pacedPasses.incrementAndGet();
            return 7;
        }, false));
        assertThat(pacedPasses.get()).as("a paced job passes once a run, whatever it found").isEqualTo(1);
    }

    @Test
    void a_job_whose_lease_another_instance_holds_does_not_pass() {
        JobLeases other = new JobLeases(new Restock(database.jdbi(), Clock.systemUTC()), "instance-b", Duration.ofSeconds(30), Clock.systemUTC());
        assertThat(other.runIfHeld("held-elsewhere", () -> 0)).isZero();
        AtomicInteger passes = new AtomicInteger();
        new BackgroundJobs(leases).run(new BackgroundJobs.Job("held-elsewhere", () -> {
            passes.incrementAndGet();
            return 1;
        }, true));
        assertThat(passes.get()).as("passes of a job held by another instance").isZero();
    }

    @Test
    void a_failing_pass_is_retried_on_the_next_run() {
        AtomicInteger passes = new AtomicInteger();
        BackgroundJobs jobs = new BackgroundJobs(leases);
        BackgroundJobs.Job failingOnce = new BackgroundJobs.Job("failing-once", () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
            return 0;
        }, true);
        jobs.run(failingOnce);
        jobs.run(failingOnce);
        assertThat(passes.get()).as("the failed pass and the next run's pass").isEqualTo(2);
    }
}
