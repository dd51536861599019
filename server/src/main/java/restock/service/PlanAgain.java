package restock.service;

import restock.planning.PlanningRun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Staff's "Plan again now" on the planning page: the nightly run's plan (every SKU, the default service level), made and
 * stored now, one run at a time across every instance (a job lease, {@link JobLeases}), on a thread of its own, with its
 * progress for the page to show. The page showed the night's plan until 02:00 while the API planned anew each request,
 * and staff had no way to re-plan after a stock count (an outside tester's check).
 */
public final class PlanAgain {
    /** The lease one run at a time holds, across instances. */
    public static final String JOB = "plan-again";
    /** The longest a run may hold the lease: a holder killed mid-run leaves it to lapse after this. */
    public static final Duration LONGEST_RUN = JobLeases.RUN_CLAIM;

    /** Where this instance's run stands. */
    public sealed interface State permits NotStarted, Running, Finished, Failed {
    }

    /** No run started in this instance since it started. */
    public record NotStarted() implements State {
    }

    /** Running: started when, and how many of how many SKUs gathered so far. */
    public record Running(Instant startedAt, int skusGathered, int skus) implements State {
        Running gathered(int done) {
            return new Running(startedAt, done, skus);
        }
    }

    /** The run stored as planning run {@code runId}. */
    public record Finished(Instant startedAt, Instant finishedAt, long runId) implements State {
    }

    /** The run failed; the message says why (the plan shown stays the one before). */
    public record Failed(Instant startedAt, Instant failedAt, String message) implements State {
    }

    /** What asking for a run did. */
    public sealed interface Asked permits Started, AlreadyRunningHere, RunningElsewhere {
    }

    public record Started() implements Asked {
    }

    public record AlreadyRunningHere() implements Asked {
    }

    /** Another instance holds the lease: it is planning now. */
    public record RunningElsewhere(String holder) implements Asked {
    }

    private final Restock restock;
    private final PlanningQueries planning;
    private final JobLeases leases;
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(new NotStarted());

    public PlanAgain(Restock restock, PlanningQueries planning, JobLeases leases, Clock clock) {
        this.restock = restock;
        this.planning = planning;
        this.leases = leases;
        this.clock = clock;
    }

    public State state() {
        return state.get();
    }

    /** Who else plans now, if another instance does (the page says so rather than start a second run). */
    public Optional<String> runningElsewhere() {
        return state.get() instanceof Running ? Optional.empty() : leases.holderOf(JOB).filter(holder -> !holder.equals(leases.holder()));
    }

    /** Starts a run on a thread of its own unless one runs here or in another instance. */
    public Asked start() {
        State now = state.get();
        if (now instanceof Running) {
            return new AlreadyRunningHere();
        }
        if (!leases.hold(JOB, LONGEST_RUN)) {
            return new RunningElsewhere(leases.holderOf(JOB).orElse("another instance"));
        }
        Running running = new Running(clock.instant(), 0, restock.read(planning::skuCount));
        if (!state.compareAndSet(now, running)) {
            return new AlreadyRunningHere();
        }
        Thread thread = new Thread(() -> run(running), "restock-plan-again");
        thread.setDaemon(true);
        thread.start();
        return new Started();
    }

    private void run(Running running) {
        try {
            long runId = planning.runAndStore(PlanningQueries.DEFAULT_SERVICE_LEVEL, PlanCsv::write, PlanningRun.MadeBy.CONSOLE,
                    done -> state.updateAndGet(s -> s instanceof Running r ? r.gathered(done) : s));
            state.set(new Finished(running.startedAt(), clock.instant(), runId));
        } catch (RuntimeException e) {
            // Not carried on from: the state says it failed and why, and the page shows it; the stored plan stays as it was.
            state.set(new Failed(running.startedAt(), clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw e;
        } finally {
            leases.release(JOB);
        }
    }
}
