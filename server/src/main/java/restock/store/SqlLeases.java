package restock.store;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** Leases on recurring jobs and claims on scheduled runs, shared by every Restock instance on the database. */
public final class SqlLeases {
    private SqlLeases() {
    }

    /** Takes or renews a job's lease; false while another holder's lease is still valid. */
    public static boolean acquire(Handle handle, String job, String holder, Instant now, Instant until) {
        return handle.createQuery("""
                        insert into job_leases (name, holder, acquired_at, lease_until) values (:job, :holder, :now, :until)
                        on conflict (name) do update
                            set holder = excluded.holder, lease_until = excluded.lease_until,
                                acquired_at = case when job_leases.holder = excluded.holder then job_leases.acquired_at
                                                   else excluded.acquired_at end
                            where job_leases.holder = excluded.holder or job_leases.lease_until < excluded.acquired_at
                        returning holder""")
                .bind("job", job).bind("holder", holder).bind("now", SqlPurchasing.utc(now)).bind("until", SqlPurchasing.utc(until))
                .mapTo(String.class).findOne().isPresent();
    }

    /** Gives a job's lease up at once (a clean shutdown), so another instance need not wait for it to lapse. */
    public static void release(Handle handle, String job, String holder) {
        handle.createUpdate("delete from job_leases where name = :job and holder = :holder").bind("job", job).bind("holder", holder).execute();
    }

    /** Who holds a job's lease now, if anyone. */
    public static java.util.Optional<String> holder(Handle handle, String job, Instant now) {
        return handle.createQuery("select holder from job_leases where name = :job and lease_until >= :now")
                .bind("job", job).bind("now", SqlPurchasing.utc(now)).mapTo(String.class).findOne();
    }

    /**
     * Claims one scheduled run (a job at its due time); false when another instance claimed it and either
     * finished it or still holds the claim.
     */
    public static boolean claimRun(Handle handle, String job, Instant dueAt, String holder, Instant now, Instant until) {
        return handle.createQuery("""
                        insert into scheduled_runs (job, due_at, holder, claimed_at, lease_until) values (:job, :due, :holder, :now, :until)
                        on conflict (job, due_at) do update
                            set holder = excluded.holder, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until
                            where scheduled_runs.finished_at is null and scheduled_runs.lease_until < excluded.claimed_at
                        returning holder""")
                .bind("job", job).bind("due", SqlPurchasing.utc(dueAt)).bind("holder", holder)
                .bind("now", SqlPurchasing.utc(now)).bind("until", SqlPurchasing.utc(until))
                .mapTo(String.class).findOne().isPresent();
    }

    public static void finishRun(Handle handle, String job, Instant dueAt, String holder, Instant now) {
        handle.createUpdate("update scheduled_runs set finished_at = :now where job = :job and due_at = :due and holder = :holder")
                .bind("job", job).bind("due", SqlPurchasing.utc(dueAt)).bind("holder", holder).bind("now", SqlPurchasing.utc(now)).execute();
    }
}
