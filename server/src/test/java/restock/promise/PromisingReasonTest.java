package restock.promise;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why no promise, in words customer service can repeat. SKU 22492's page said "incoming supply is not confirmed with 80%
 * probability within 14 days of the supplier's date" while its queue promised earlier customers dates from the same
 * delivery (an outside tester's finding): the reason says that what is on order goes to them first.
 */
class PromisingReasonTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final PromiseSettings SETTINGS = PromiseSettings.defaults(TODAY);
    /** On time, but a full delivery only one time in three: the second half of an order is unlikely. */
    private static final ArrivalOdds OFTEN_SHORT = new ArrivalOdds(DayDistribution.certain(0), FillDistribution.of(List.of(1.0, 0.5, 0.5)), "test");
    private static final String ODDS = "(less than " + Math.round(SETTINGS.threshold() * 100) + "% likely to arrive, in full, within "
            + SETTINGS.maxSlipDays() + " days of the supplier's date)";

    private static String reason(int unitsBefore, int units) {
        SupplyPortion portion = new SupplyPortion(41, TODAY.plusDays(7), 100, unitsBefore, units, OFTEN_SHORT);
        Outlook outlook = Promising.promise(List.of(portion), 0, SETTINGS);
        assertThat(outlook).isInstanceOf(Outlook.Unconfirmed.class);
        return ((Outlook.Unconfirmed) outlook).reason();
    }

    @Test
    void supply_promised_first_to_the_orders_waiting_is_named_as_going_to_them() {
        assertThat(reason(60, 1)).isEqualTo("what is on order goes first to the orders already waiting, and the rest is not likely enough"
                + " to arrive in time to promise more " + ODDS);
    }

    @Test
    void supply_nobody_waits_for_is_named_as_not_likely_enough() {
        assertThat(reason(0, 61)).isEqualTo("what is on order is not likely enough to arrive in time to promise it " + ODDS);
    }
}
