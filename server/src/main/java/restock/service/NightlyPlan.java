package restock.service;

import restock.planning.Planner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * The nightly planning run at 02:00 UTC: every instance wakes for it, one claims that night's run and stores the
 * plan (GET /api/planning/runs/latest), the others find it claimed and do nothing.
 */
public final class NightlyPlan {
    public static final String JOB = "nightly-plan";
    public static final LocalTime AT_UTC = LocalTime.of(2, 0);

    private final PlanningQueries planning;
    private final JobLeases leases;
    private final Clock clock;
    private final Function<List<Planner.SkuPlan>, String> toCsv;

    public NightlyPlan(PlanningQueries planning, JobLeases leases, Clock clock, Function<List<Planner.SkuPlan>, String> toCsv) {
        this.planning = planning;
        this.leases = leases;
        this.clock = clock;
        this.toCsv = toCsv;
    }

    /** The run now due: the latest 02:00 UTC at or before now. */
    public static Instant dueAt(Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(AT_UTC).atZone(ZoneOffset.UTC);
        return (today.toInstant().isAfter(now) ? today.minusDays(1) : today).toInstant();
    }

    /** How long until the next run is due. */
    public static Duration untilNext(Instant now) {
        return Duration.between(now, dueAt(now).plus(Duration.ofDays(1)));
    }

    /** Runs tonight's plan here unless another instance claimed it; true when this instance ran it. */
    public boolean runIfDue() {
        return leases.runOnce(JOB, dueAt(clock.instant()), () -> planning.runAndStore(PlanningQueries.DEFAULT_SERVICE_LEVEL, toCsv,
                restock.planning.PlanningRun.MadeBy.NIGHTLY, done -> { }));
    }
}
