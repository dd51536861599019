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
        return Availability.of(AvailabilityStatus.PREORDER, 0, 0, 1, Optional.of(promise), Optional.empty(), false, Optional.empty(), TODAY).message();
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
        assertThat(Availability.of(AvailabilityStatus.BACKORDER, 0, 0, 4, Optional.of(between("2027-11-20", "2027-11-25")), Optional.empty(),
                true, Optional.empty(), TODAY).message()).isEqualTo("Backordered — ships 20–25 Nov 2027");
    }

    /**
     * A product that may not wait for stock said "Out of stock — usually restocks every ~2 months" with 2,460 units
     * confirmed for 12 Dec (an outside check): out of stock is right, the timeline is when more is due.
     */
    @Test
    void out_of_stock_with_more_due_says_when_and_without_it_the_usual_cadence() {
        Optional<Promise> due = Optional.of(between("2026-12-12", "2026-12-15"));
        Availability withSupply = Availability.of(AvailabilityStatus.OUT_OF_STOCK, 0, 0, 0, Optional.empty(), due, true, Optional.of(60), TODAY);
        assertThat(withSupply.message()).isEqualTo("Out of stock — more is due 12–15 Dec");
        assertThat(withSupply.note()).contains("more is due 12–15 Dec");
        assertThat(withSupply.eta()).as("it promises nothing: nothing can be ordered now").isEmpty();
        assertThat(Availability.of(AvailabilityStatus.OUT_OF_STOCK, 0, 0, 0, Optional.empty(), Optional.empty(), true, Optional.of(60), TODAY)
                .message()).isEqualTo("Out of stock — usually restocks every ~2 months");
    }

    /**
     * Some units can be ordered and more is due for the rest (a cap reached): the answer said only how many can be
     * ordered, while the plain out-of-stock answer named the supply due; it says both, the note when more is due.
     */
    @Test
    void only_some_can_be_ordered_and_more_is_due_says_both() {
        Optional<Promise> ships = Optional.of(between("2026-12-12", "2026-12-15"));
        Optional<Promise> due = Optional.of(between("2026-12-12", "2026-12-18"));
        Availability partly = Availability.of(AvailabilityStatus.OUT_OF_STOCK, 0, 0, 3, ships, due, true, Optional.of(60), TODAY);
        assertThat(partly.message()).isEqualTo("Only 3 can be ordered: 3 on backorder, shipping 12–15 Dec; more is due 12–18 Dec");
        assertThat(partly.note()).contains("more is due 12–18 Dec");
        Availability inStockToo = Availability.of(AvailabilityStatus.OUT_OF_STOCK, 2, 2, 3, ships, due, true, Optional.empty(), TODAY);
        assertThat(inStockToo.message()).isEqualTo("Only 5 can be ordered: 2 in stock, 3 on backorder, shipping 12–15 Dec; more is due 12–18 Dec");
        assertThat(Availability.of(AvailabilityStatus.OUT_OF_STOCK, 0, 0, 3, ships, Optional.empty(), true, Optional.of(60), TODAY).message())
                .as("nothing more due: as before").isEqualTo("Only 3 can be ordered: 3 on backorder, shipping 12–15 Dec");
    }

    /** Before its release a product that may not wait for supply due after it said "no confirmed supply". */
    @Test
    void coming_soon_says_when_more_is_due_and_no_confirmed_supply_only_without_it() {
        Optional<Promise> due = Optional.of(between("2026-12-20", "2026-12-23"));
        Availability coming = Availability.of(AvailabilityStatus.OUT_OF_STOCK, 0, 0, 0, Optional.empty(), due, false, Optional.empty(), TODAY);
        assertThat(coming.message()).isEqualTo("Coming soon — more is due 20–23 Dec");
        assertThat(coming.note()).contains("not yet released; more is due 20–23 Dec");
        assertThat(Availability.of(AvailabilityStatus.OUT_OF_STOCK, 0, 0, 0, Optional.empty(), Optional.empty(), false, Optional.empty(), TODAY)
                .note()).contains("not yet released; no confirmed supply");
    }
}
