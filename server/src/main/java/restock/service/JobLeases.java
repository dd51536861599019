package restock.service;

import restock.store.SqlLeases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Runs background work once across every Restock instance on one database. A recurring pass (payments, notice
 * relay, waitlist notices, delivery) runs only in the instance holding its job's lease, renewed before each
 * pass; a lease its holder stops renewing (it died) passes to another instance after {@link #lease()}. A
 * scheduled run (the nightly plan) is claimed once per due time. The row locks each job takes on its own
 * work stay the safety net: a pass that outlives its lease still does nothing twice.
 */
public final class JobLeases {
    /** How long a held lease lasts without renewal: the longest another instance waits after its holder died. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** How long a claimed scheduled run may take before another instance may take it over. */
    public static final Duration RUN_CLAIM = Duration.ofHours(1);

    private final Restock restock;
    private final String holder;
    private final Duration lease;
    private final Clock clock;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public JobLeases(Restock restock, String holder, Duration lease, Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a job lease must be positive, was " + lease);
        }
        this.restock = restock;
        this.holder = holder;
        this.lease = lease;
        this.clock = clock;
    }

    /** A name for a lease holder, unique to this process and call: host, process id and a random tag. */
    public static String newHolderName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        byte[] random = new byte[4];
        new java.security.SecureRandom().nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + java.util.HexFormat.of().formatHex(random);
    }

    public String holder() {
        return holder;
    }

    public Duration lease() {
        return lease;
    }

    /** Runs one pass of a job if this instance holds (or now takes) its lease; returns the pass's work, or -1 when not held. */
    public int runIfHeld(String job, IntSupplier pass) {
        Instant now = clock.instant();
        boolean acquired = restock.inTransaction(h -> SqlLeases.acquire(h, job, holder, now, now.plus(lease)));
        if (!acquired) {
            held.remove(job);
            return -1;
        }
        held.add(job);
        return pass.getAsInt();
    }

    /** Runs a scheduled job's run for one due time in exactly one instance; false when another claimed it. */
    public boolean runOnce(String job, Instant dueAt, Runnable run) {
        Instant now = clock.instant();
        if (!restock.inTransaction(h -> SqlLeases.claimRun(h, job, dueAt, holder, now, now.plus(RUN_CLAIM)))) {
            return false;
        }
        run.run();
        restock.inTransaction(h -> {
            SqlLeases.finishRun(h, job, dueAt, holder, clock.instant());
            return null;
        });
        return true;
    }

    /**
     * Takes a job's lease for up to {@code longest} (a run staff started, such as planning again now), unless another
     * instance holds it; true when this instance now holds it. The caller gives it up with {@link #release} when done; a
     * holder that dies leaves it to lapse after {@code longest}.
     */
    public boolean hold(String job, Duration longest) {
        Instant now = clock.instant();
        boolean acquired = restock.inTransaction(h -> SqlLeases.acquire(h, job, holder, now, now.plus(longest)));
        if (acquired) {
            held.add(job);
        }
        return acquired;
    }

    /** Who holds a job's lease now, if anyone (this instance included). */
    public java.util.Optional<String> holderOf(String job) {
        return restock.read(h -> SqlLeases.holder(h, job, clock.instant()));
    }

    /** Gives up one job's lease this instance holds, so another instance may take it at once. */
    public void release(String job) {
        restock.inTransaction(h -> {
            SqlLeases.release(h, job, holder);
            return null;
        });
        held.remove(job);
    }

    /** Gives up every lease this instance holds, so the others take over at once (a clean shutdown). */
    public void releaseAll() {
        for (String job : held) {
            restock.inTransaction(h -> {
                SqlLeases.release(h, job, holder);
                return null;
            });
        }
        held.clear();
    }
}
