package restock.promise;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static restock.promise.FirstPromise.Verdict.BROKEN;
import static restock.promise.FirstPromise.Verdict.KEPT;
import static restock.promise.FirstPromise.Verdict.OPEN;
import static restock.promise.FirstPromise.Verdict.WITHDRAWN;

class FirstPromiseTest {
    private static final LocalDate BY = LocalDate.of(2026, 12, 10);
    private static final int HANDLING_DAYS = 1;

    private static FirstPromise.Verdict verdict(Optional<LocalDate> filled, Optional<LocalDate> cancelled, boolean waiting, LocalDate today) {
        return new FirstPromise(0.9, BY, filled, cancelled, waiting).verdict(today, HANDLING_DAYS);
    }

    @Test
    void a_fill_keeps_the_promise_when_it_ships_by_the_last_day() {
        assertThat(verdict(Optional.of(BY.minusDays(1)), Optional.empty(), false, BY.plusDays(30))).isEqualTo(KEPT);
        // Allocated on the last day, it ships the day after: late.
        assertThat(verdict(Optional.of(BY), Optional.empty(), false, BY.plusDays(30))).isEqualTo(BROKEN);
        assertThat(FirstPromise.daysLate(BY, BY.plusDays(3), HANDLING_DAYS)).isEqualTo(4);
        assertThat(FirstPromise.daysLate(BY, BY.minusDays(1), HANDLING_DAYS)).isZero();
    }

    @Test
    void a_line_still_waiting_is_open_until_its_last_day_passes() {
        assertThat(verdict(Optional.empty(), Optional.empty(), true, BY)).isEqualTo(OPEN);
        assertThat(verdict(Optional.empty(), Optional.empty(), true, BY.plusDays(1))).isEqualTo(BROKEN);
        // A part cancelled earlier does not end the wait of the rest.
        assertThat(verdict(Optional.empty(), Optional.of(BY.minusDays(5)), true, BY.plusDays(1))).isEqualTo(BROKEN);
    }

    @Test
    void a_cancellation_withdraws_the_promise_before_its_last_day_and_finds_it_broken_after() {
        assertThat(verdict(Optional.empty(), Optional.of(BY), false, BY.plusDays(30))).isEqualTo(WITHDRAWN);
        assertThat(verdict(Optional.empty(), Optional.of(BY.plusDays(1)), false, BY.plusDays(30))).isEqualTo(BROKEN);
        assertThat(WITHDRAWN.settled()).isFalse();
        assertThat(OPEN.settled()).isFalse();
    }

    @Test
    void a_filled_line_does_not_wait() {
        assertThatThrownBy(() -> new FirstPromise(0.9, BY, Optional.of(BY), Optional.empty(), true))
                .isInstanceOf(IllegalStateException.class);
    }
}
