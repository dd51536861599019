package restock.web;

import restock.insight.KpiRow;
import restock.insight.Kpis;
import restock.service.InsightQueries;
import restock.service.Restock;
import restock.views.ConsoleRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The overview's trend data: the weekly KPIs and the weekly backorder events by main cause, from the insight service
 * (the same figures as GET /api/insight/kpis?by=period&grain=week and /api/insight/causes/summary?grain=week).
 */
public final class OverviewCharts {
    /** Weeks on the overview's trend charts, this one included. */
    public static final int TREND_WEEKS = 12;

    /** One week's KPIs as the charts draw them: rates as percentages, waits in days. */
    record KpiWeek(String week, Double lineFillPercent, Double unitFillPercent, Double backorderPercent, Double promiseKeptPercent,
                   Double supplierOnTimeInFullPercent, Double averageWaitDays, Double p90WaitDays, int stockOutDays, int skuDays,
                   int lostSalesUnits) {
        static KpiWeek of(KpiRow row) {
            return new KpiWeek(row.key(), percent(row.lineFillRate()), percent(row.unitFillRate()), percent(row.backorderRate()),
                    percent(row.promiseKeptRate()), percent(row.supplierOnTimeInFull()), row.averageWaitDays(), row.p90WaitDays(),
                    row.stockOutDays(), row.skuDays(), row.lostSalesUnits());
        }
    }

    /** Each week's events per main cause: one series per cause, a count for every week (zero when none); each week's label. */
    record CauseWeeks(List<String> weeks, Map<String, List<Integer>> events, List<String> labels) {
    }

    /** The weekly KPIs with each week's label on the axis, in the console's words ({@link Format#axisDays}). */
    record KpiWeeks(List<KpiWeek> weeks, List<String> labels) {
    }

    /** The overview's units per day with each day's label on the axis. */
    record TrendDays(List<ConsoleRows.Day> days, List<String> labels) {
        static TrendDays of(List<ConsoleRows.Day> days) {
            return new TrendDays(days, Format.axisDays(days.stream().map(ConsoleRows.Day::day).toList()));
        }
    }

    private final InsightQueries insight;
    private final Restock restock;

    OverviewCharts(InsightQueries insight, Restock restock) {
        this.insight = insight;
        this.restock = restock;
    }

    KpiWeeks kpiWeeks() {
        // Empty while a large shop's first reading is under way; the charts draw what a later request finds.
        List<KpiWeek> weeks = insight.weeklyTrend(TREND_WEEKS).orElse(List.of()).stream().map(KpiWeek::of).toList();
        return new KpiWeeks(weeks, Format.axisDays(weeks.stream().map(week -> LocalDate.parse(week.week())).toList()));
    }

    CauseWeeks causeWeeks() {
        LocalDate from = insight.weeksBack(TREND_WEEKS);
        List<String> weeks = new ArrayList<>();
        for (LocalDate week = from; !week.isAfter(today()); week = week.plusWeeks(1)) {
            weeks.add(week.toString());
        }
        List<Map<String, Object>> rows = insight.causeSummary(new InsightQueries.Period(from, today()), "week");
        Map<String, List<Integer>> events = new LinkedHashMap<>();
        for (String cause : new TreeSet<>(rows.stream().map(row -> (String) row.get("cause")).toList())) {
            List<Integer> counts = new ArrayList<>(java.util.Collections.nCopies(weeks.size(), 0));
            rows.stream().filter(row -> row.get("cause").equals(cause)).forEach(row -> {
                int index = weeks.indexOf(((String) row.get("start")).substring(0, 10));
                if (index >= 0) {
                    counts.set(index, counts.get(index) + (Integer) row.get("events"));
                }
            });
            events.put(cause, counts);
        }
        return new CauseWeeks(weeks, events, Format.axisDays(weeks.stream().map(LocalDate::parse).toList()));
    }

    private LocalDate today() {
        return restock.books().today();
    }

    static Double percent(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }
}
