package restock.http;

import restock.planning.PlanFigures;
import restock.planning.Planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Purchase suggestions grouped by supplier, and the SKUs that will run out before their next receipt, with the figures
 * the console's planning page shows, rounded as it rounds them ({@link PlanFigures}).
 */
final class PlanViews {
    private PlanViews() {
    }

    static List<Map<String, Object>> bySupplier(List<Planner.SkuPlan> plans) {
        Map<String, List<Map<String, Object>>> grouped = new TreeMap<>();
        for (Planner.SkuPlan plan : plans) {
            if (plan.suggestedQuantity() > 0) {
                // Every figure of the CLI's JSON and the CSV, rounded alike; the supplier is the group's. "quantity" stays
                // beside "suggestedQuantity" for clients written against it.
                Map<String, Object> line = new LinkedHashMap<>(PlanFigures.json(plan));
                line.remove("supplier");
                line.put("quantity", plan.suggestedQuantity());
                grouped.computeIfAbsent(plan.supplier(), s -> new ArrayList<>()).add(line);
            }
        }
        List<Map<String, Object>> suppliers = new ArrayList<>();
        grouped.forEach((supplier, lines) -> suppliers.add(Map.of("supplier", supplier, "lines", lines)));
        return suppliers;
    }

    static List<Map<String, Object>> stockOuts(List<Planner.SkuPlan> plans) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Planner.SkuPlan plan : plans) {
            if (plan.stocksOutBeforeNextReceipt()) {
                list.add(Map.of("sku", plan.sku(), "name", plan.name(), "daysOfCover", PlanFigures.level(plan.daysOfCover()),
                        "dailyDemand", PlanFigures.unitsADay(plan.dailyDemand())));
            }
        }
        list.sort((a, b) -> Double.compare((Double) a.get("daysOfCover"), (Double) b.get("daysOfCover")));
        return list;
    }
}
