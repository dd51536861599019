package restock.promise;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentence a shop shows names a date a shopper can read one way only. */
class AvailabilityMessagesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static Promise between(String from, String to) {
        return new Promise(LocalDate.parse(from), LocalDate.parse(to), 0.9, Optional.empty());
    }

    private static String preOrder(Promise promise) {
        return Availability.of(AvailabilityStatus.PREORDER, 0, 0, 1, Optional.of(promise), false, Optional.empty(), TODAY).message();
    }

    @Test
    void a_date_within_the_coming_months_is_a_day_and_a_month() {
        assertThat(preOrder(between("2027-06-01", "2027-06-01"))).isEqualTo("Pre-order — ships 1 Jun");
        assertThat(Availability.range(between("2026-12-28", "2027-01-03"), TODAY)).isEqualTo("28 Dec – 3 Jan");
        assertThat(Availability.range(between("2026-12-12", "2026-12-15"), TODAY)).isEqualTo("12–15 Dec");
    }

    /** An outside check saw "Pre-order — ships 31 Dec" for a release in 9999. */
    @Test
    void a_date_a_year_or_more_ahead_says_its_year() {
        assertThat(preOrder(between("9999-12-31", "9999-12-31"))).isEqualTo("Pre-order — ships 31 Dec 9999");
        assertThat(Availability.range(between("2028-03-02", "2028-03-05"), TODAY)).isEqualTo("2–5 Mar 2028");
        assertThat(Availability.range(between("2027-12-28", "2028-01-03"), TODAY)).isEqualTo("28 Dec 2027 – 3 Jan 2028");
        assertThat(Availability.of(AvailabilityStatus.BACKORDER, 0, 0, 4, Optional.of(between("2027-11-20", "2027-11-25")), true,
                Optional.empty(), TODAY).message()).isEqualTo("Backordered — ships 20–25 Nov 2027");
    }
}
