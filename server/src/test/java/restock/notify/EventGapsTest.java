package restock.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventGapsTest {
    @Test
    void events_without_a_gap_all_pass() {
        assertThat(EventGaps.passable(10, new long[] {11, 12, 13}, 10, false)).isEqualTo(3);
    }

    @Test
    void the_relay_stops_at_a_gap_that_may_still_fill() {
        assertThat(EventGaps.passable(10, new long[] {11, 12, 15, 16}, 10, false)).as("13 and 14 may be in progress").isEqualTo(2);
        assertThat(EventGaps.passable(10, new long[] {12, 13}, 10, false)).as("a gap right after the cursor").isZero();
    }

    @Test
    void a_gap_passes_once_its_ids_are_final_or_nothing_was_in_progress() {
        assertThat(EventGaps.passable(10, new long[] {11, 12, 15, 16}, 14, false)).as("13 and 14 final").isEqualTo(4);
        assertThat(EventGaps.passable(10, new long[] {11, 12, 15, 16}, 13, false)).as("14 may still fill").isEqualTo(2);
        assertThat(EventGaps.passable(10, new long[] {11, 12, 15, 18}, 14, false)).as("16 and 17 may still fill").isEqualTo(3);
        assertThat(EventGaps.passable(10, new long[] {11, 12, 15, 18}, 10, true)).as("no transaction in progress at the read").isEqualTo(4);
    }

    @Test
    void ids_must_ascend_after_the_cursor() {
        assertThatThrownBy(() -> EventGaps.passable(10, new long[] {11, 11}, 10, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventGaps.passable(10, new long[] {9}, 10, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
