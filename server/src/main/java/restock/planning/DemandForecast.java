package restock.planning;

import restock.forecast.AutomaticChoice;
import restock.forecast.ForecastMethod;
import restock.forecast.Prediction;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A SKU's demand forecast: the one function the plan's demand rate, the planning chart's forecast line and the
 * forecast route all come from (an outside check found three figures for one SKU: the plan forecast rolling weeks of
 * the last 26 with a catalogue policy, the chart 26 calendar weeks without it, the route up to three years of calendar
 * buckets).
 *
 * <p>It forecasts the complete calendar buckets of the grain (weeks from Monday, or months) before the current one,
 * from the SKU's first demand, at most {@link ForecastGrain#historyPeriods()} of them; the current bucket is the
 * first one ahead. {@code auto} chooses at no less than the grain's default horizon, so a shorter request gets the
 * first buckets of the same forecast (the plan asks for three weeks, the chart for twelve); with a catalogue policy
 * ({@link #learnPolicy}), a weekly SKU gets the candidate learned for its demand pattern.
 */
public final class DemandForecast {
    /**
     * Days of demand the forecast reads: the longest span a demand history may have, enough for three years of weeks
     * and the current week (a monthly forecast then learns from 35 or 36 complete months).
     */
    public static final int HISTORY_DAYS = DemandHistory.MAX_DAYS;

    private DemandForecast() {
    }

    /** What is asked: the grain and season length (default: by the SKU's volume, a year), the horizon, the method (default auto). */
    public record Request(Optional<ForecastGrain> grain, Optional<Integer> period, Optional<Integer> horizon, Optional<ForecastMethod> method) {
        /** The forecast of record: auto, in the SKU's own grain, at the grain's default horizon. */
        public static final Request OF_RECORD = new Request(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The forecast: its grain and season length, the start of the first bucket ahead (the current one), the prediction. */
    public record Forecast(ForecastGrain grain, int period, LocalDate firstPeriod, Prediction prediction) {
        /** Mean demand per day over the {@code days} days from the first bucket's start on (beyond the horizon, its last bucket's rate). */
        public double dailyRate(LocalDate from, int days) {
            return DemandForecast.dailyRate(grain, firstPeriod, prediction.mean(), from, days);
        }

        private double perDay(double[] values, LocalDate day) {
            return DemandForecast.perDay(grain, firstPeriod, values, day);
        }

        /**
         * The forecast week by week from {@code from}, with its 80% band: a weekly forecast's own buckets when {@code from}
         * starts one, otherwise each bucket spread evenly over its days (a monthly forecast on a weekly chart).
         */
        public List<Week> weeks(LocalDate from, int count) {
            List<Week> weeks = new ArrayList<>();
            for (int w = 0; w < count; w++) {
                LocalDate start = from.plusWeeks(w);
                if (grain == ForecastGrain.WEEK && from.equals(firstPeriod)) {
                    int k = Math.min(w, prediction.mean().length - 1);
                    weeks.add(new Week(start, prediction.mean()[k], prediction.band80().lower()[k], prediction.band80().upper()[k]));
                    continue;
                }
                double mean = 0;
                double low = 0;
                double high = 0;
                for (int d = 0; d < 7; d++) {
                    mean += perDay(prediction.mean(), start.plusDays(d));
                    low += perDay(prediction.band80().lower(), start.plusDays(d));
                    high += perDay(prediction.band80().upper(), start.plusDays(d));
                }
                weeks.add(new Week(start, mean, low, high));
            }
            return weeks;
        }

        /** The method's label. */
        public String method() {
            return prediction.method();
        }
    }

    /** One week of the forecast. */
    public record Week(LocalDate start, double forecast, double low, double high) {
    }

    /**
     * The forecast of a SKU's demand from its daily history ({@link DemandBuckets#of} buckets it).
     *
     * @param daily  demand on each day before {@code today}, oldest first (at most {@link #HISTORY_DAYS} are used)
     */
    public static Forecast of(double[] daily, LocalDate today, Request request, Optional<AutomaticChoice.Policy> policy) {
        return of(DemandBuckets.of(daily, today), request, policy);
    }

    /**
     * The forecast of a SKU's demand from its complete weeks and months before today's.
     *
     * @param policy the catalogue's policy ({@link #learnPolicy}), used by auto for a weekly SKU with a year's season
     * @throws IllegalArgumentException when a named method cannot forecast this history
     */
    public static Forecast of(DemandBuckets demand, Request request, Optional<AutomaticChoice.Policy> policy) {
        ForecastGrain grain = request.grain().orElseGet(demand::grain);
        int period = request.period().orElse(grain.periodsPerYear());
        int horizon = request.horizon().orElse(grain.defaultHorizon());
        if (horizon < 1 || horizon > grain.maxHorizon()) {
            throw new IllegalArgumentException("horizon must be between 1 and " + grain.maxHorizon() + " " + grain.label() + "s, was " + horizon);
        }
        double[] history = fromFirstDemand(demand.buckets(grain));
        LocalDate first = grain.grain().startOf(demand.today());
        if (request.method().isPresent()) {
            return new Forecast(grain, period, first, request.method().get()
                    .predict(history, period, horizon, new SplittableRandom(Arrays.hashCode(history))).flooredFor(history));
        }
        int chosenAt = Math.max(horizon, grain.defaultHorizon());
        Optional<AutomaticChoice.Policy> learned = catalogueChoice(grain, period, policy);
        AutomaticChoice.Choice choice = learned.isPresent()
                ? learned.get().forecast(history, period, chosenAt)
                : AutomaticChoice.forecast(history, period, chosenAt);
        return new Forecast(grain, period, first, firstSteps(choice.prediction(), horizon));
    }

    /**
     * The forecast of record's demand per day over {@code days} days from today, from its point forecast alone: what
     * the plan needs, without the cross-validation that sizes the bands (a horizon of h costs h + 7 more model fits).
     * The same number as {@code of(demand, Request.OF_RECORD, policy).dailyRate(today, days)}, whose point is the same
     * function's ({@code AutomaticChoice.pointForecast}).
     */
    public static double dailyRateOfRecord(DemandBuckets demand, int days, Optional<AutomaticChoice.Policy> policy) {
        ForecastGrain grain = demand.grain();
        int period = grain.periodsPerYear();
        int horizon = grain.defaultHorizon();
        double[] history = fromFirstDemand(demand.buckets(grain));
        Optional<AutomaticChoice.Policy> learned = catalogueChoice(grain, period, policy);
        double[] mean = learned.isPresent()
                ? learned.get().pointForecast(history, period, horizon)
                : AutomaticChoice.pointForecast(history, period, horizon);
        return dailyRate(grain, grain.grain().startOf(demand.today()), mean, demand.today(), days);
    }

    /**
     * The catalogue's learned choice, where it applies: it was learned on weekly histories with a year's season, so a
     * SKU forecast in other buckets or with another season chooses on its own history. One rule for the forecast with
     * its bands and the point alone, so the plan and the chart never choose differently.
     */
    private static Optional<AutomaticChoice.Policy> catalogueChoice(ForecastGrain grain, int period, Optional<AutomaticChoice.Policy> policy) {
        return policy.filter(learned -> grain == ForecastGrain.WEEK && period == grain.periodsPerYear());
    }

    /** Mean demand per day over {@code days} days from {@code from}, of buckets starting {@code firstPeriod} (beyond them, the last one's rate). */
    private static double dailyRate(ForecastGrain grain, LocalDate firstPeriod, double[] mean, LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        double total = 0;
        for (int d = 0; d < days; d++) {
            total += perDay(grain, firstPeriod, mean, from.plusDays(d));
        }
        return total / days;
    }

    /** A bucket's value spread evenly over its days, for the day given (the last bucket's beyond the horizon). */
    private static double perDay(ForecastGrain grain, LocalDate firstPeriod, double[] values, LocalDate day) {
        int bucket = 0;
        while (bucket < values.length - 1 && !day.isBefore(grain.plus(firstPeriod, bucket + 1))) {
            bucket++;
        }
        LocalDate start = grain.plus(firstPeriod, bucket);
        return values[bucket] / ChronoUnit.DAYS.between(start, grain.plus(start, 1));
    }

    /** Weeks ahead a catalogue policy is learned for: the default lead time plus the review period. */
    public static final int POLICY_WEEKS_AHEAD = (Planner.DEFAULT_LEAD_TIME_DAYS + Planner.REVIEW_PERIOD_DAYS + 6) / 7;

    /**
     * The forecasting candidate per demand pattern for a whole catalogue, from every SKU's weekly history as
     * {@link #of} forecasts it ({@link AutomaticChoice#learn}): one SKU's history is too short to choose on reliably.
     */
    public static AutomaticChoice.Policy learnPolicy(Collection<DemandBuckets> catalogue) {
        return AutomaticChoice.learn(catalogue.stream().map(demand -> fromFirstDemand(demand.weeks())).toList(),
                ForecastGrain.WEEK.periodsPerYear(), POLICY_WEEKS_AHEAD);
    }

    /**
     * The history from its first bucket with demand (the latest bucket when there is none; a zero when there is no
     * complete bucket yet, as for a product created this week).
     */
    static double[] fromFirstDemand(double[] buckets) {
        if (buckets.length == 0) {
            return new double[] {0};
        }
        int first = 0;
        while (first < buckets.length - 1 && buckets[first] == 0) {
            first++;
        }
        return Arrays.copyOfRange(buckets, first, buckets.length);
    }

    private static Prediction firstSteps(Prediction p, int steps) {
        return new Prediction(p.method(), Arrays.copyOf(p.mean(), steps),
                new Prediction.Band(p.band80().level(), Arrays.copyOf(p.band80().lower(), steps), Arrays.copyOf(p.band80().upper(), steps)),
                new Prediction.Band(p.band95().level(), Arrays.copyOf(p.band95().lower(), steps), Arrays.copyOf(p.band95().upper(), steps)));
    }
}
