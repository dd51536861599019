package restock.forecast;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Demand classes, ADI and CV² agree with the carparts metadata for every one of its 2,674 series. */
class DemandClassTest {
    private static final Path DATA = Path.of("..", "shared", "data", "carparts");

    @Test
    void classes_match_the_carparts_metadata() throws Exception {
        assumeTrue(Files.exists(DATA.resolve("carparts_meta.csv")), "../shared/data/carparts is not beside the project");
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DATA.resolve("carparts_long.csv")).subList(1, 136_375)) {
            String[] cells = line.replace("\"", "").split(",", -1);
            if (!cells[2].isEmpty()) {
                series.computeIfAbsent(cells[0], id -> new ArrayList<>()).add(Double.parseDouble(cells[2]));
            }
        }
        int compared = 0;
        for (String line : Files.readAllLines(DATA.resolve("carparts_meta.csv")).subList(1, 2_675)) {
            String[] cells = line.replace("\"", "").split(",", -1);
            double[] history = series.getOrDefault(cells[0], List.of()).stream().mapToDouble(Double::doubleValue).toArray();
            String expected = cells[8];
            String actual = DemandClass.of(history).map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("NA");
            assertThat(actual).as("series " + cells[0]).isEqualTo(expected);
            if (!cells[6].equals("NA")) {
                DemandClass.Measures measures = DemandClass.measures(history).orElseThrow();
                assertThat(measures.adi()).isCloseTo(Double.parseDouble(cells[5]), org.assertj.core.data.Offset.offset(1e-9));
                assertThat(measures.cv2()).isCloseTo(Double.parseDouble(cells[6]), org.assertj.core.data.Offset.offset(1e-9));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(2_674);
    }
}
