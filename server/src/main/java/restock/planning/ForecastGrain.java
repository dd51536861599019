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

    /** Weeks summed into one "month" when the grain is chosen from weekly demand. */
    static final int WEEKS_PER_MONTH_BUCKET = 4;

    /**
     * The grain that suits a SKU's volume, from its weekly demand: weeks while demand comes in most weeks (average
     * demand interval below {@link DemandClass#ADI_CUT}); months for a slow mover whose four-week totals do come in
     * most months, so that aggregating turns a mostly-zero weekly series into a steady monthly one. A SKU that is
     * sparse even by months (or has stopped selling) stays weekly, where its latest weeks show soonest what it does.
     */
    public static ForecastGrain forVolume(double[] weeklyDemand) {
        if (averageInterval(weeklyDemand) < DemandClass.ADI_CUT) {
            return WEEK;
        }
        int buckets = weeklyDemand.length / WEEKS_PER_MONTH_BUCKET;
        int offset = weeklyDemand.length - buckets * WEEKS_PER_MONTH_BUCKET;
        double[] monthly = new double[buckets];
        for (int w = offset; w < weeklyDemand.length; w++) {
            monthly[(w - offset) / WEEKS_PER_MONTH_BUCKET] += weeklyDemand[w];
        }
        return buckets > 0 && averageInterval(monthly) < DemandClass.ADI_CUT ? MONTH : WEEK;
    }

    /** Periods per period with demand; infinite without any demand. */
    private static double averageInterval(double[] demand) {
        long withDemand = Arrays.stream(demand).filter(value -> value > 0).count();
        return withDemand == 0 ? Double.POSITIVE_INFINITY : (double) demand.length / withDemand;
    }
}
