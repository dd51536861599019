package restock.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FairNoticesTest {
    @Test
    void never_tells_more_people_than_units_times_the_factor() {
        assertThat(FairNotices.toNotify(10, 1.5, 0, 100)).isEqualTo(15);
        assertThat(FairNotices.toNotify(10, 1.5, 15, 85)).isZero();
        assertThat(FairNotices.toNotify(10, 1.5, 9, 85)).isEqualTo(6);
        assertThat(FairNotices.toNotify(10, 1.0, 0, 4)).isEqualTo(4);
        assertThat(FairNotices.toNotify(0, 2.0, 0, 100)).isZero();
        assertThatThrownBy(() -> FairNotices.toNotify(10, 0.5, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
