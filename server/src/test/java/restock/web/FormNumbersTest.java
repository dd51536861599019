package restock.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import restock.common.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every console page prints 1,000 and 12,345, and the number fields refused them: grouped by threes, they are taken. */
class FormNumbersTest {
    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {"1,000|1000", "12,345|12345", "1,000,000,000|1000000000", "999|999", " 1,000 |1000", "0|0", "1000|1000"})
    void a_whole_number_grouped_by_threes_with_commas_is_read_as_plain(String typed, int number) {
        assertThat(FormNumbers.COUNTED.read("counted", typed)).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,00", "1.000", "12,34,567", "1,0000", ",100", "1,000.5", "1,"})
    void a_comma_or_point_that_does_not_group_by_threes_is_refused_saying_how_to_write_it(String typed) {
        assertThatThrownBy(() -> FormNumbers.ORDERED.read("quantity", typed)).isInstanceOf(InvalidInput.class)
                .hasMessage("quantity must be a whole number of units from 1 to 1,000,000, was '" + typed + "'; a comma may only group digits by "
                        + "threes, as in 1,000 or 12,345, and a point is not taken (1.000 could be one or a thousand)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000,001", "ten", "-5"})
    void a_grouped_number_past_the_limit_or_a_word_is_refused_with_the_rule_alone(String typed) {
        assertThatThrownBy(() -> FormNumbers.ORDERED.read("quantity", typed)).isInstanceOf(InvalidInput.class)
                .hasMessage("quantity must be a whole number of units from 1 to 1,000,000, was '" + typed + "'");
    }
}
