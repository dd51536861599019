package restock.planning;

import restock.forecast.AutomaticChoice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a planning chart shows for one SKU, week by week: the demand history (with censored weeks), the forecast with
 * its 80% interval (from the chosen method's cross-validation errors), the reorder point, and the stock projected from today's inventory
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

    /** The whole chart. */
    public record Chart(List<HistoryWeek> history, List<ForecastWeek> forecast, double reorderPoint, String method) {
    }

    public static Chart build(List<DemandHistory.Period> weeklyHistory, LocalDate firstWeekAhead, int weeksAhead, double inventoryPosition,
                              Map<LocalDate, Integer> incomingByWeek, double reorderPoint) {
        if (weeksAhead < 1 || weeksAhead > MAX_WEEKS_AHEAD) {
            throw new IllegalArgumentException("weeks ahead must be between 1 and " + MAX_WEEKS_AHEAD + ", was " + weeksAhead);
        }
        List<HistoryWeek> history = weeklyHistory.stream().map(p -> new HistoryWeek(p.start(), p.demand(), p.censored())).toList();
        double[] demand = weeklyHistory.stream().mapToDouble(DemandHistory.Period::demand).toArray();
        AutomaticChoice.Choice choice = AutomaticChoice.forecast(demand, Planner.WEEKS_PER_YEAR, weeksAhead);
        LocalDate start = firstWeekAhead;
        // Receipts already due count in the first week ahead.
        Map<LocalDate, Integer> incoming = new java.util.HashMap<>();
        incomingByWeek.forEach((week, units) -> incoming.merge(week.isBefore(start) ? start : week, units, Integer::sum));
        List<ForecastWeek> ahead = new ArrayList<>();
        double stock = inventoryPosition - incoming.values().stream().mapToInt(Integer::intValue).sum();
        for (int w = 0; w < weeksAhead; w++) {
            LocalDate week = start.plusWeeks(w);
            stock += incoming.getOrDefault(week, 0) - choice.forecast()[w];
            double point = choice.forecast()[w];
            ahead.add(new ForecastWeek(week, point, choice.low()[w], choice.high()[w], stock));
        }
        return new Chart(history, ahead, reorderPoint, choice.method());
    }
}
