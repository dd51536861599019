package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.planning.DemandHistory;
import restock.planning.Planner;
import restock.store.SqlDemand;
import restock.store.SqlPlanning;

import java.time.LocalDate;
import java.util.List;

/** What planners read: the demand history of a SKU (more of issue #6 builds on it). */
public final class PlanningQueries {
    private final Restock restock;

    public PlanningQueries(Restock restock) {
        this.restock = restock;
    }

    /** Days of demand history the plan learns from. */
    public static final int HISTORY_DAYS = 182;
    public static final double DEFAULT_SERVICE_LEVEL = 0.95;

    /** Plans every active SKU; progress counts SKUs gathered (for a progress bar). */
    public List<Planner.SkuPlan> plan(Handle handle, double serviceLevel, java.util.function.IntConsumer progress) {
        if (!(serviceLevel > 0.5 && serviceLevel < 1)) {
            throw new InvalidInput("serviceLevel", "serviceLevel must be between 0.5 and 1 (exclusive), was " + serviceLevel);
        }
        LocalDate today = restock.books().today();
        return SqlPlanning.inputs(handle, today, HISTORY_DAYS, progress).stream()
                .map(inputs -> Planner.plan(inputs, serviceLevel, today, inputs.sku().hashCode()))
                .toList();
    }

    public int skuCount(Handle handle) {
        return SqlPlanning.count(handle);
    }

    public List<DemandHistory.Period> demand(Handle handle, Sku sku, LocalDate from, LocalDate to, DemandHistory.Grain grain) {
        if (to.isBefore(from)) {
            throw new InvalidInput("from", "from (" + from + ") must not be after to (" + to + ")");
        }
        if (from.plusDays(DemandHistory.MAX_DAYS).isBefore(to)) {
            throw new InvalidInput("to", "a demand history may span at most " + DemandHistory.MAX_DAYS + " days");
        }
        restock.catalog().find(handle, sku);
        return DemandHistory.rollUp(SqlDemand.days(handle, sku, from, to), from, to, grain);
    }
}
