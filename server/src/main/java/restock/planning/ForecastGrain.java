package restock.planning;

import restock.forecast.DemandClass;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The buckets a SKU's demand is forecast in: weeks (Monday to Sunday, a year being 52 of them) or calendar months.
 * Each grain has its season length, how far ahead it may forecast and how much history it learns from.
 */
public enum ForecastGrain {
    WEEK(DemandHistory.Grain.WEEK, 52, 12, 52, 156),
    MONTH(DemandHistory.Grain.MONTH, 12, 6, 24, 36);

    /** The longest season a caller may ask for, in buckets. */
    public static final int MAX_PERIOD = 104;

    private final DemandHistory.Grain grain;
    private final int periodsPerYear;
    private final int defaultHorizon;
    private final int maxHorizon;
    private final int historyPeriods;

    ForecastGrain(DemandHistory.Grain grain, int periodsPerYear, int defaultHorizon, int maxHorizon, int historyPeriods) {
        this.grain = grain;
        this.periodsPerYear = periodsPerYear;
        this.defaultHorizon = defaultHorizon;
        this.maxHorizon = maxHorizon;
        this.historyPeriods = historyPeriods;
    }

    public DemandHistory.Grain grain() {
        return grain;
    }

    /** The default season length: a year of buckets. */
    public int periodsPerYear() {
        return periodsPerYear;
    }

    public int defaultHorizon() {
        return defaultHorizon;
    }

    public int maxHorizon() {
        return maxHorizon;
    }

    /** Complete buckets of history a forecast learns from: three years, so a yearly season has enough cycles. */
    public int historyPeriods() {
        return historyPeriods;
    }

    /** The start of the bucket {@code count} buckets after the one starting at {@code start}. */
    public LocalDate plus(LocalDate start, int count) {
        return this == WEEK ? start.plusWeeks(count) : start.plusMonths(count);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The grain that suits a SKU's volume, from its weekly demand: weeks while demand comes in most weeks (a weekly
     * series that is not intermittent, average demand interval below {@link DemandClass#ADI_CUT}); months for a slow
     * mover, whose weekly series would be mostly zeros and whose monthly totals are steadier to forecast.
     */
    public static ForecastGrain forVolume(double[] weeklyDemand) {
        long weeksWithDemand = Arrays.stream(weeklyDemand).filter(value -> value > 0).count();
        if (weeksWithDemand == 0) {
            return WEEK;
        }
        return (double) weeklyDemand.length / weeksWithDemand < DemandClass.ADI_CUT ? WEEK : MONTH;
    }
}
