package restock.web;

import restock.planning.ChartData;

import java.util.List;

/**
 * The SKU page's chart data: the planning chart ({@link ChartData.Chart}) with its forecast named in words staff follow.
 * The legend read "Forecast (combo, made by months)" and "Forecast (ses)": the method's code, which only the API's
 * readers know (a newcomer's finding). Its weeks are labelled as the console writes dates ({@link #labels}).
 */
public record SkuChart(List<ChartData.HistoryWeek> history, List<ChartData.ForecastWeek> forecast, double reorderPoint, String method,
                       String forecastGrain, String forecastLabel, List<String> labels) {
    static SkuChart of(ChartData.Chart chart) {
        return new SkuChart(chart.history(), chart.forecast(), chart.reorderPoint(), chart.method(), chart.forecastGrain(),
                forecastLabel(chart.method(), chart.forecastGrain()), labels(chart));
    }

    /** Each week's label on the axis, the history's weeks then the forecast's, in the console's words ({@link Format#axisDays}). */
    static List<String> labels(ChartData.Chart chart) {
        return Format.axisDays(java.util.stream.Stream.concat(chart.history().stream().map(ChartData.HistoryWeek::week),
                chart.forecast().stream().map(ChartData.ForecastWeek::week)).toList());
    }

    /** "Forecast, by months (a combination of methods)": what the forecast was made in, and how, in words. */
    static String forecastLabel(String method, String grain) {
        String madeBy = grain.equals("month") ? "by months" : "by weeks";
        return "Forecast, " + madeBy + " (" + restock.forecast.ForecastMethod.byLabel(method).map(restock.forecast.ForecastMethod::words).orElse(method) + ")";
    }
}
