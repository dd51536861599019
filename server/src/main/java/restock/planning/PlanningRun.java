package restock.planning;

import java.time.Instant;

/** One planning run as it was kept: when, at what service level, over how many SKUs, and the plan it suggested. */
public record PlanningRun(long id, Instant ranAt, double serviceLevel, int skus, int suggested, String planCsv) {
}
