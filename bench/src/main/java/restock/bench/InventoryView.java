package restock.bench;

import restock.forecast.AutomaticChoice;
import restock.forecast.ForecastMethod;
import restock.planning.FillRateCalibration;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The benchmarks' inventory view: stock each series for the held-out periods to each fill-rate target, as a forecast's
 * total times a factor, both chosen on the last training window (forecast from the history before it): of the
 * candidate forecasts, the one that reaches the target there with the least excess stock. R's methods get, per
 * target, the factor on their own forecasts that reaches the same achieved fill rate on the held-out periods (found
 * on them, so it favours R), and their excess there is printed beside Restock's.
 */
final class InventoryView {
    /** Fill-rate targets. */
    static final double[] FILL_TARGETS = {0.80, 0.90, 0.95, 0.99};
    /** Forecasts the view may stock from besides the auto choice: the single methods it combines for intermittent demand. */
    static final List<ForecastMethod> STOCK_BASES = List.of(ForecastMethod.TSB, ForecastMethod.SBA, ForecastMethod.SES,
            ForecastMethod.THETA, ForecastMethod.ADIDA, ForecastMethod.RECENT, ForecastMethod.MEAN);

    private InventoryView() {
    }

    /**
     * One series: its history before the backtest window (empty when too short to take part in the backtest) and
     * that window's demand, its whole training history and the held-out demand (totals over the horizon).
     */
    record Case(String id, java.util.Optional<double[]> beforeBacktest, double backtestDemand, double[] training, double heldOutDemand) {
    }

    /** Achieved fill rate and excess at a target, the forecast and factor used, and R's methods' excess at that fill. */
    record Row(double target, String forecast, double factor, FillRateCalibration.Outcome achieved, Map<String, Double> rExcess) {
    }

    /**
     * Computes and prints the view. {@code rTotals}: R method to series id to its forecast total over the held-out
     * periods, printed in {@code rMethods} order.
     */
    static List<Row> run(String title, List<Case> cases, AutomaticChoice.Policy policy, int period, int horizon,
                         Map<String, Map<String, Double>> rTotals, List<String> rMethods, PrintStream out) {
        Map<String, List<FillRateCalibration.Window>> backtest = new LinkedHashMap<>();
        Map<String, List<FillRateCalibration.Window>> heldOut = new LinkedHashMap<>();
        Map<String, Function<double[], double[]>> bases = new LinkedHashMap<>();
        bases.put("auto", history -> policy.pointForecast(history, period, horizon));
        STOCK_BASES.forEach(method -> bases.put(method.label(), history -> floored(method.point(history, period, horizon))));
        for (Map.Entry<String, Function<double[], double[]>> basis : bases.entrySet()) {
            List<FillRateCalibration.Window> before = new ArrayList<>();
            List<FillRateCalibration.Window> after = new ArrayList<>();
            for (Case c : cases) {
                c.beforeBacktest().ifPresent(history ->
                        before.add(new FillRateCalibration.Window(total(basis.getValue().apply(history)), c.backtestDemand())));
                after.add(new FillRateCalibration.Window(total(basis.getValue().apply(c.training())), c.heldOutDemand()));
            }
            backtest.put(basis.getKey(), before);
            heldOut.put(basis.getKey(), after);
        }
        Map<String, List<FillRateCalibration.Window>> rWindows = new LinkedHashMap<>();
        for (String method : rMethods) {
            Map<String, Double> byId = rTotals.get(method);
            if (byId != null && cases.stream().allMatch(c -> byId.containsKey(c.id()))) {
                rWindows.put(method, cases.stream()
                        .map(c -> new FillRateCalibration.Window(Math.max(0, byId.get(c.id())), c.heldOutDemand())).toList());
            }
        }
        out.printf("inventory view, %s: stock = factor x a %d-period forecast; forecast and factor chosen on the last %d training"
                + " periods (least excess reaching the target)%n", title, horizon, horizon);
        StringBuilder header = new StringBuilder(String.format("%-8s %-18s %8s %9s %8s |", "target", "forecast", "factor", "achieved", "excess"));
        rWindows.keySet().forEach(method -> header.append(String.format(" %8s", method)));
        out.println(header.append(rWindows.isEmpty() ? "" : "   <- R's excess at the same achieved fill rate"));
        List<Row> rows = new ArrayList<>();
        for (double target : FILL_TARGETS) {
            FillRateCalibration.Basis basis = FillRateCalibration.leastExcess(backtest, target);
            FillRateCalibration.Outcome achieved = FillRateCalibration.outcome(heldOut.get(basis.forecast()), basis.factor());
            Map<String, Double> rExcess = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder(String.format("%-8.2f %-18s %8.3f %9.3f %8.3f |", target, basis.forecast(), basis.factor(),
                    achieved.fillRate(), achieved.excess()));
            rWindows.forEach((method, windows) -> {
                FillRateCalibration.Outcome r = FillRateCalibration.outcome(windows, FillRateCalibration.factorFor(windows, achieved.fillRate()));
                boolean reached = r.fillRate() >= achieved.fillRate() - 1e-9;
                rExcess.put(method, reached ? r.excess() : Double.NaN);
                line.append(reached ? String.format(" %8.3f", r.excess()) : String.format(" %8s", "never"));
            });
            out.println(line);
            rows.add(new Row(target, basis.forecast(), basis.factor(), achieved, rExcess));
        }
        return rows;
    }

    private static double[] floored(double[] forecast) {
        return Arrays.stream(forecast).map(value -> Math.max(0, value)).toArray();
    }

    static double total(double[] values) {
        return Arrays.stream(values).sum();
    }
}
