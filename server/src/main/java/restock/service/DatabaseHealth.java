package restock.service;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the database answers a trivial query within a short, fixed time. A pool waiting for a connection to a dead
 * server would hang for its full connection timeout, so the probe runs on its own thread and the caller waits at most
 * {@link #PROBE_TIMEOUT}; while a probe hangs, later callers wait on that same probe instead of starting more.
 */
public final class DatabaseHealth {
    /** Load balancers and orchestrators typically give a health check 1 to 5 seconds. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Jdbi jdbi;
    private final Duration timeout;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "restock-health-probe");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /** The answer: up, or down with the reason. */
    public record Status(boolean up, String detail) {
    }

    public DatabaseHealth(Jdbi jdbi) {
        this(jdbi, PROBE_TIMEOUT);
    }

    public DatabaseHealth(Jdbi jdbi, Duration timeout) {
        this.jdbi = jdbi;
        this.timeout = timeout;
    }

    public Status check() {
        CompletableFuture<Void> probe = probe();
        try {
            probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Status(true, "the database answers");
        } catch (TimeoutException e) {
            return new Status(false, "the database did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Status(false, "the database is unreachable: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(false, "interrupted while asking the database");
        }
    }

    private synchronized CompletableFuture<Void> probe() {
        if (inFlight.isDone()) {
            inFlight = CompletableFuture.runAsync(() -> jdbi.useTransaction(h -> restock.store.Database.ping(h, timeout)), prober);
        }
        return inFlight;
    }
}
