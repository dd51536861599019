package restock.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a planning chart shows for one SKU, week by week: the demand history (with censored weeks), the forecast of
 * record with its 80% interval ({@link DemandForecast}, the plan's and the forecast route's), the reorder point, and the stock projected from today's inventory
 * position, the incoming receipts by expected week, and the forecast.
 */
public final class ChartData {
    /** The most weeks ahead a chart projects. */
    public static final int MAX_WEEKS_AHEAD = 52;

    private ChartData() {
    }

    /** One week of history. */
    public record HistoryWeek(LocalDate week, int demand, boolean censored) {
    }

    /** One week ahead. */
    public record ForecastWeek(LocalDate week, double forecast, double low, double high, double projectedStock) {
    }

    /**
     * The whole chart, drawn by weeks; {@code forecastGrain} says what the forecast was made in ("week", or "month" for a
     * slow mover, its months spread over their weeks): a monthly forecast was labelled weekly (an outside check).
     */
    public record Chart(List<HistoryWeek> history, List<ForecastWeek> forecast, double reorderPoint, String method, String forecastGrain) {
    }

    /** The chart: the weekly history drawn, the forecast of record ({@link DemandForecast}) week by week from {@code firstWeekAhead}. */
    public static Chart build(List<DemandHistory.Period> weeklyHistory, DemandForecast.Forecast forecast, LocalDate firstWeekAhead, int weeksAhead,
                              double inventoryPosition, Map<LocalDate, Integer> incomingByWeek, double reorderPoint) {
        if (weeksAhead < 1 || weeksAhead > MAX_WEEKS_AHEAD) {
            throw new IllegalArgumentException("weeks ahead must be between 1 and " + MAX_WEEKS_AHEAD + ", was " + weeksAhead);
        }
        List<HistoryWeek> history = weeklyHistory.stream().map(p -> new HistoryWeek(p.start(), p.demand(), p.censored())).toList();
        List<DemandForecast.Week> weeks = forecast.weeks(firstWeekAhead, weeksAhead);
        LocalDate start = firstWeekAhead;
        // Receipts already due count in the first week ahead.
        Map<LocalDate, Integer> incoming = new java.util.HashMap<>();
        incomingByWeek.forEach((week, units) -> incoming.merge(week.isBefore(start) ? start : week, units, Integer::sum));
        List<ForecastWeek> ahead = new ArrayList<>();
        double stock = inventoryPosition - incoming.values().stream().mapToInt(Integer::intValue).sum();
        for (int w = 0; w < weeksAhead; w++) {
            LocalDate week = start.plusWeeks(w);
            DemandForecast.Week forecastWeek = weeks.get(w);
            stock += incoming.getOrDefault(week, 0) - forecastWeek.forecast();
            ahead.add(new ForecastWeek(week, forecastWeek.forecast(), forecastWeek.low(), forecastWeek.high(), stock));
        }
        return new Chart(history, ahead, reorderPoint, forecast.method(), forecast.grain().label());
    }
}
