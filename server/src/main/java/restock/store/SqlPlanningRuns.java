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

    public static long store(Handle handle, Instant ranAt, double serviceLevel, int skus, int suggested, String csv,
                             Optional<PlanningRun.MadeBy> madeBy) {
        return handle.createQuery("""
                        insert into planning_runs (ran_at, service_level, skus, suggested, plan_csv, made_by)
                        values (:at, :level, :skus, :suggested, :csv, :madeBy) returning id""")
                .bind("at", SqlPurchasing.utc(ranAt)).bind("level", serviceLevel).bind("skus", skus).bind("suggested", suggested)
                .bind("csv", csv).bind("madeBy", madeBy.map(PlanningRun.MadeBy::code).orElse(null)).mapTo(Long.class).one();
    }

    private static PlanningRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PlanningRun(rs.getLong("id"), rs.getObject("ran_at", OffsetDateTime.class).toInstant(),
                rs.getDouble("service_level"), rs.getInt("skus"), rs.getInt("suggested"), rs.getString("plan_csv"),
                Optional.ofNullable(rs.getString("made_by")).map(PlanningRun.MadeBy::ofCode));
    }

    public static Optional<PlanningRun> latest(Handle handle) {
        return handle.createQuery("select * from planning_runs order by id desc limit 1")
                .map((rs, ctx) -> run(rs))
                .findOne();
    }

    /** The latest run's id, without reading its plan. */
    public static Optional<Long> latestId(Handle handle) {
        return handle.createQuery("select max(id) from planning_runs").mapTo(Long.class).findOne().filter(java.util.Objects::nonNull);
    }

    public static PlanningRun find(Handle handle, long id) {
        return handle.createQuery("select * from planning_runs where id = :id").bind("id", id)
                .map((rs, ctx) -> run(rs))
                .one();
    }

    /**
     * Whether a run was stored inside a claim of the scheduled job (the nightly plan): a run is stored before its claim
     * is marked finished. A run made when a page needed a plan and none was stored is in no claim.
     */
    public static boolean storedByScheduledRun(Handle handle, long runId, String job) {
        return handle.createQuery("""
                        select exists (select 1 from planning_runs r join scheduled_runs s on s.job = :job
                                       and r.ran_at between s.claimed_at and coalesce(s.finished_at, s.lease_until)
                                       where r.id = :id)""")
                .bind("job", job).bind("id", runId).mapTo(Boolean.class).one();
    }

    /** SKUs on purchase orders still open that were made after a moment (a plan made before then did not know of them). */
    public static java.util.Set<String> skusOrderedSince(Handle handle, Instant since) {
        return new java.util.HashSet<>(handle.createQuery("""
                        select distinct l.sku from purchase_orders o join purchase_order_lines l on l.purchase_order_id = o.id
                        where o.status = 'open' and o.created_at > :since""")
                .bind("since", SqlPurchasing.utc(since)).mapTo(String.class).list());
    }

    /** A SKU whose stock changed since a moment, and how: counted, adjusted, received or returned. */
    public record StockChange(String sku, String kind, Instant at) {
    }

    /**
     * The SKUs whose stock was counted, adjusted, received or returned since a moment, the latest change of each first,
     * at most {@code limit} of them (a plan made before then did not know of these).
     */
    public static java.util.List<StockChange> stockChangesSince(Handle handle, Instant since, int limit) {
        return handle.createQuery("""
                        select sku, kind, occurred_at from (
                            select distinct on (sku) sku, kind, occurred_at from stock_movements
                            where kind <> 'shipment' and occurred_at > :since order by sku, occurred_at desc) latest
                        order by occurred_at desc, sku limit :limit""")
                .bind("since", SqlPurchasing.utc(since)).bind("limit", limit)
                .map((rs, ctx) -> new StockChange(rs.getString("sku"), rs.getString("kind"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** How many SKUs' stock was counted, adjusted, received or returned since a moment. */
    public static int stockChangedSkusSince(Handle handle, Instant since) {
        return handle.createQuery("select count(distinct sku) from stock_movements where kind <> 'shipment' and occurred_at > :since")
                .bind("since", SqlPurchasing.utc(since)).mapTo(Integer.class).one();
    }
}
