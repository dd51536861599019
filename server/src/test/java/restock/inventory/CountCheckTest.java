package restock.inventory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountCheckTest {
    @ParameterizedTest(name = "{1} counted against {0} on record: far {2}")
    @CsvSource({
            "51, 510, true",
            "51, 153, false",
            "51, 154, true",
            "51, 17, false",
            "51, 16, true",
            "0, 10, false",
            "0, 11, true",
            "2, 9, false",
            "30, 0, true",
            "9, 0, false",
            "1000000000, 0, true",
            "0, 1000000000, true"})
    void a_count_is_far_when_it_differs_by_more_than_ten_units_and_by_more_than_three_times(int onHand, int counted, boolean far) {
        assertThat(CountCheck.farFromRecord(onHand, counted)).isEqualTo(far);
    }
}
