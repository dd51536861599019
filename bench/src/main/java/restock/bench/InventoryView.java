package restock.bench;

import restock.forecast.AutomaticChoice;
import restock.planning.FillRateCalibration;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Forecasts the view may stock from: the auto choice and the single methods it combines. */
    static final List<String> STOCK_BASES = List.of("auto", "tsb", "sba", "ses", "theta", "adida", "recent", "mean");

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
    static List<Row> run(String title, List<Case> cases, AutomaticChoice.Policy policy, int horizon,
                         Map<String, Map<String, Double>> rTotals, List<String> rMethods, PrintStream out) {
        Map<String, List<FillRateCalibration.Window>> backtest = new LinkedHashMap<>();
        Map<String, List<FillRateCalibration.Window>> heldOut = new LinkedHashMap<>();
        for (String basis : STOCK_BASES) {
            List<FillRateCalibration.Window> before = new ArrayList<>();
            List<FillRateCalibration.Window> after = new ArrayList<>();
            for (Case c : cases) {
                c.beforeBacktest().ifPresent(history ->
                        before.add(new FillRateCalibration.Window(total(forecast(basis, policy, history, horizon)), c.backtestDemand())));
                after.add(new FillRateCalibration.Window(total(forecast(basis, policy, c.training(), horizon)), c.heldOutDemand()));
            }
            backtest.put(basis, before);
            heldOut.put(basis, after);
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

    private static double[] forecast(String basis, AutomaticChoice.Policy policy, double[] history, int horizon) {
        return basis.equals("auto") ? policy.pointForecast(history, horizon) : AutomaticChoice.forecastWith(basis, history, horizon);
    }

    static double total(double[] values) {
        return Arrays.stream(values).sum();
    }
}
