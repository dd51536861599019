package restock.store;

import org.jdbi.v3.core.Handle;
import restock.planning.PlanningRun;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Stored planning runs. */
public final class SqlPlanningRuns {
    private SqlPlanningRuns() {
    }

    public static long store(Handle handle, Instant ranAt, double serviceLevel, int skus, int suggested, String csv) {
        return handle.createQuery("""
                        insert into planning_runs (ran_at, service_level, skus, suggested, plan_csv)
                        values (:at, :level, :skus, :suggested, :csv) returning id""")
                .bind("at", SqlPurchasing.utc(ranAt)).bind("level", serviceLevel).bind("skus", skus).bind("suggested", suggested)
                .bind("csv", csv).mapTo(Long.class).one();
    }

    public static Optional<PlanningRun> latest(Handle handle) {
        return handle.createQuery("select * from planning_runs order by id desc limit 1")
                .map((rs, ctx) -> new PlanningRun(rs.getLong("id"), rs.getObject("ran_at", OffsetDateTime.class).toInstant(),
                        rs.getDouble("service_level"), rs.getInt("skus"), rs.getInt("suggested"), rs.getString("plan_csv")))
                .findOne();
    }
}
