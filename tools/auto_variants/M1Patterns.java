package restock.forecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiment, not product code: how many M1 training series fall in each demand pattern. The rules in Recency change
 * only the intermittent patterns' choice, so on M1 they change nothing unless some series there are intermittent.
 */
public final class M1Patterns {
    public static void main(String[] args) throws Exception {
        Map<String, List<Double>> byId = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("../shared/data/m1/m1_train_long.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.replace("\"", "").split(",");
            byId.computeIfAbsent(c[0], k -> new ArrayList<>()).add(Double.parseDouble(c[2]));
        }
        Map<SeriesProfile.Pattern, Integer> counts = new EnumMap<>(SeriesProfile.Pattern.class);
        for (List<Double> values : byId.values()) {
            double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
            counts.merge(SeriesProfile.pattern(y), 1, Integer::sum);
        }
        System.out.println("m1: " + byId.size() + " series by pattern " + counts);
    }
}
