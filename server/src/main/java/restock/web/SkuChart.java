package restock.web;

import restock.planning.ChartData;

import java.util.List;
import java.util.Map;

/**
 * The SKU page's chart data: the planning chart ({@link ChartData.Chart}) with its forecast named in words staff follow.
 * The legend read "Forecast (combo, made by months)" and "Forecast (ses)": the method's code, which only the API's
 * readers know (a newcomer's finding).
 */
public record SkuChart(List<ChartData.HistoryWeek> history, List<ChartData.ForecastWeek> forecast, double reorderPoint, String method,
                       String forecastGrain, String forecastLabel) {
    /** Each forecasting method's code (as the API and the command line spell it) in the console's words. */
    private static final Map<String, String> METHOD_WORDS = Map.ofEntries(
            Map.entry("zero", "no demand expected"),
            Map.entry("naive", "the last period repeated"),
            Map.entry("snaive", "the same period of the last season repeated"),
            Map.entry("mean", "the average of every period"),
            Map.entry("recent", "the average of recent periods"),
            Map.entry("ses", "a smoothed average"),
            Map.entry("holt", "a smoothed trend"),
            Map.entry("damped", "a smoothed trend that levels off"),
            Map.entry("hw", "a smoothed trend and season"),
            Map.entry("ets", "smoothing of the kind that fits best"),
            Map.entry("theta", "a smoothed trend, Theta method"),
            Map.entry("croston", "occasional demand: size and spacing of orders"),
            Map.entry("sba", "occasional demand: size and spacing of orders"),
            Map.entry("tsb", "occasional demand: how often and how much"),
            Map.entry("adida", "occasional demand, summed over periods"),
            Map.entry("adjusted-ets", "smoothing with the season taken out and put back"),
            Map.entry("combo", "a combination of methods"));

    static SkuChart of(ChartData.Chart chart) {
        return new SkuChart(chart.history(), chart.forecast(), chart.reorderPoint(), chart.method(), chart.forecastGrain(),
                forecastLabel(chart.method(), chart.forecastGrain()));
    }

    /** "Forecast, by months (a combination of methods)": what the forecast was made in, and how, in words. */
    static String forecastLabel(String method, String grain) {
        String madeBy = grain.equals("month") ? "by months" : "by weeks";
        return "Forecast, " + madeBy + " (" + METHOD_WORDS.getOrDefault(method, method) + ")";
    }
}
