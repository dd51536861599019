package restock.web;

import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A purchase order's page as staff read it after deliveries. */
class ConsolePurchaseOrderPageTest {
    /**
     * A newcomer received 300 units today on a line that had a first delivery five days before, and the "Arrived" column
     * still said only the first day: a line received more than once says its first and its last arrival.
     */
    @Test
    void a_line_received_twice_shows_its_first_and_its_last_arrival() {
        // Sessions and their cookies live on the clock: it starts now, and staff sign in again after the days pass.
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.UK);
        java.time.LocalDate first = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            api.client().post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
            long purchaseOrder = api.client().post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":"
                    + "[{\"sku\":\"LAMP-1\",\"quantity\":500,\"expectedDate\":\"" + first + "\"}]}").json().get("id").asLong();
            String receipt = "{\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":100}]}";
            api.client().post("/api/purchase-orders/" + purchaseOrder + "/receipts", receipt);
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String once = arrived(staff.get("/console/purchase-orders/" + purchaseOrder).body());
            assertThat(once).contains(day.format(first)).doesNotContain("last");

            clock.advance(Duration.ofDays(5).plusHours(3));
            api.client().post("/api/purchase-orders/" + purchaseOrder + "/receipts", receipt);

            staff = ConsoleSession.signedIn(api, "ops2", "correct horse battery");
            String twice = arrived(staff.get("/console/purchase-orders/" + purchaseOrder).body());
            assertThat(twice).contains(day.format(first)).contains("last " + day.format(java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));
        }
    }

    /** The first line's "Arrived" cell. */
    private static String arrived(String page) {
        int cell = page.indexOf("data-label=\"Arrived\"");
        assertThat(cell).as("an Arrived cell on the page").isPositive();
        return page.substring(cell, page.indexOf("</td>", cell));
    }
}
