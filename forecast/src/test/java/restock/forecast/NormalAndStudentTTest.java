package restock.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The normal and Student's t distributions that forecast intervals and reorder points are built on. */
class NormalAndStudentTTest {
    @Test
    void the_normal_quantile_and_loss_function_match_their_tables() {
        assertThat(Normal.quantile(0.95)).isCloseTo(1.6448536, within(1e-6));
        assertThat(Normal.quantile(0.99)).isCloseTo(2.3263479, within(1e-6));
        assertThat(Normal.quantile(0.5)).isCloseTo(0.0, within(1e-7));
        assertThat(Normal.quantile(0.01)).isCloseTo(-2.3263479, within(1e-6));
        // R 4.2.2's qnorm and qt, to the last digits printed
        assertThat(Normal.quantile(0.975)).isCloseTo(1.95996398454005361, within(1e-15));
        assertThat(Normal.quantile(0.9)).isCloseTo(1.28155156554460081, within(1e-15));
        assertThat(Normal.quantile(0.3)).isCloseTo(-0.52440051270804067, within(1e-15));
        assertThat(Normal.quantile(1e-12)).isCloseTo(-7.03448382530113214, within(1e-13));
        assertThat(Normal.quantile(1e-300)).isCloseTo(-37.04709629936120052, within(1e-11));
        assertThat(StudentT.quantile(0.975, 44)).isCloseTo(2.0153675744437636, within(1e-6));
        assertThat(StudentT.quantile(0.9, 44)).isCloseTo(1.3010900596888004, within(1e-6));
        assertThat(StudentT.quantile(0.975, 20)).isCloseTo(2.0859634472658648, within(1e-4));
        assertThat(StudentT.quantile(0.975, 3)).isCloseTo(3.1824463052837078, within(5e-3));
        assertThat(Normal.loss(0)).isCloseTo(0.3989423, within(1e-6));
        assertThat(Normal.loss(1)).isCloseTo(0.0833155, within(1e-6));
    }
}
