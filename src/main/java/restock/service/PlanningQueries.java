package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.planning.DemandHistory;
import restock.store.SqlDemand;

import java.time.LocalDate;
import java.util.List;

/** What planners read: the demand history of a SKU (more of issue #6 builds on it). */
public final class PlanningQueries {
    private final Restock restock;

    public PlanningQueries(Restock restock) {
        this.restock = restock;
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
