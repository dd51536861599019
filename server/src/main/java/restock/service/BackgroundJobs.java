package restock.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs the recurring background jobs (payments, notice relay, waitlist notices, queue upkeep, backorder causes),
 * each on a thread of its own and only in the instance holding its lease. One job falling behind holds up no
 * other: in a crash run at about 30 orders a second the cause analysis took up to 9 s a pass, and the notice relay,
 * which ran after it on one shared thread, fell minutes behind.
 */
public final class BackgroundJobs implements AutoCloseable {
    /** The pause between one run of a job and the next. */
    public static final Duration PERIOD = Duration.ofSeconds(1);
    /** How long one run of a draining job may go on passing while its passes find work. */
    public static final Duration DRAIN_BUDGET = Duration.ofSeconds(20);
    /** A pass slower than this is logged with the job's name and its work, so operators see which job lags. */
    public static final Duration SLOW_PASS = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    /**
     * A recurring job. A pass returns how much it did; a draining job passes again at once while its passes find
     * work (within {@link #DRAIN_BUDGET}): only jobs whose pass finds nothing when nothing is owed may drain.
     */
    public record Job(String name, IntSupplier pass, boolean drains) {
        public Job {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a background job needs a name");
            }
        }
    }

    private final JobLeases leases;
    private final List<ScheduledExecutorService> threads = new ArrayList<>();

    BackgroundJobs(JobLeases leases) {
        this.leases = leases;
    }

    /** Starts every job, a first run after one {@link #PERIOD}. */
    public static BackgroundJobs start(JobLeases leases, List<Job> jobs) {
        BackgroundJobs running = new BackgroundJobs(leases);
        for (Job job : jobs) {
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread named = new Thread(runnable, "restock-job-" + job.name());
                named.setDaemon(true);
                return named;
            });
            thread.scheduleWithFixedDelay(() -> running.run(job), PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            running.threads.add(thread);
        }
        return running;
    }

    /**
     * One run: a pass, and for a draining job more passes while they find work and the budget lasts. A failed pass
     * is logged and the next run tries again: every job's step is idempotent, so retrying loses nothing and does
     * nothing twice.
     */
    void run(Job job) {
        long deadline = System.nanoTime() + DRAIN_BUDGET.toNanos();
        try {
            int work;
            do {
                long started = System.nanoTime();
                work = leases.runIfHeld(job.name(), job.pass());
                long tookNanos = System.nanoTime() - started;
                if (tookNanos > SLOW_PASS.toNanos()) {
                    log.info("background job {}: a pass took {} ms and did {}", job.name(), tookNanos / 1_000_000, work);
                }
            } while (job.drains() && work > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            log.error("background job {} failed; retrying in {}", job.name(), PERIOD, e);
        }
    }

    /** Stops every job's thread; a pass under way is interrupted. */
    @Override
    public void close() {
        threads.forEach(ScheduledExecutorService::shutdownNow);
    }
}
