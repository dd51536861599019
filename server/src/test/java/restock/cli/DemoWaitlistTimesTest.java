package restock.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's waitlisted shoppers signed up over the weeks before it was loaded (all at the load's moment, the queue's
 * order and its "signed up" column said nothing).
 */
class DemoWaitlistTimesTest {
    private static final Instant LOADED = Instant.parse("2026-12-07T19:30:00Z");

    @Test
    void each_product_s_shoppers_signed_up_in_turn_before_the_load_and_products_on_different_days() {
        Set<Instant> firsts = new HashSet<>();
        for (int product = 0; product < 12; product++) {
            Instant previous = Instant.MIN;
            for (int shopper = 0; shopper < Demo.WAITLIST_SHOPPERS; shopper++) {
                Instant at = Demo.signedUpAt(LOADED, product, shopper);
                assertThat(at).as("product %d shopper %d", product, shopper).isBefore(LOADED)
                        .isAfterOrEqualTo(LOADED.minus(Duration.ofDays(Demo.WAITLIST_SPREAD_DAYS + 1))).isAfter(previous);
                previous = at;
            }
            firsts.add(Demo.signedUpAt(LOADED, product, 0));
        }
        assertThat(firsts).as("the first sign-ups of 12 products").hasSizeGreaterThanOrEqualTo(10);
        // and at different times of day (an outside re-check saw every product's at the load's minute)
        assertThat(firsts.stream().map(at -> at.atZone(java.time.ZoneOffset.UTC).toLocalTime().withSecond(0).withNano(0)).distinct().count())
                .as("times of day of the first sign-ups").isGreaterThanOrEqualTo(10);
    }
}
