package restock.planning;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanFiguresTest {
    /** Each figure prints as the decimal it was rounded to, with no binary tail (0.1 + 0.2 printed 0.30000000000000004). */
    @Test
    void figures_print_as_the_decimals_they_are_rounded_to() {
        Map<Double, String> levels = Map.of(0.1 + 0.2, "0.3", 12.345678, "12.3", 1.05 * 3, "3.2", 1e7 / 3, "3333333.3", 0.04, "0.0", -0.26, "-0.3");
        levels.forEach((value, shown) -> assertThat(Double.toString(PlanFigures.level(value))).as("%s", value).isEqualTo(shown));
        Map<Double, String> perDay = Map.of(0.1 + 0.2, "0.3", 0.046, "0.05", 2.0 / 3, "0.67", 0.7 * 3, "2.1", 0.004, "0.0");
        perDay.forEach((value, shown) -> assertThat(Double.toString(PlanFigures.unitsADay(value))).as("%s", value).isEqualTo(shown));
        for (int hundredths = 0; hundredths < 100_000; hundredths++) {
            double value = hundredths / 100.0 + 0.001;
            String shown = Double.toString(PlanFigures.unitsADay(value));
            assertThat(shown.length() - shown.indexOf('.') - 1).as(shown).isLessThanOrEqualTo(2);
        }
        assertThat(PlanFigures.level(Double.POSITIVE_INFINITY)).isInfinite();
    }
}
