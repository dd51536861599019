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

    /**
     * A newcomer on the demo saw a line expected 16 Nov that arrived 16 Nov 08:00 marked "late", and nothing said that
     * both lines of the closed order came short. A line is late by the day its first units arrived (a UTC day, as supplier
     * reliability counts it), and a closed order's line that came short says so; the suppliers' "late" figure counts the
     * same way whatever time zone the database session is in (an arrival at 23:30 UTC is on its day, not the next).
     */
    @Test
    void a_line_that_arrived_on_its_day_is_not_late_and_a_closed_line_that_came_short_says_so() {
        java.time.LocalDate due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        TestClock clock = new TestClock(due.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            for (String sku : java.util.List.of("BAG-1", "BAG-2", "BAG-3")) {
                api.client().post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Jumbo Bag " + sku + "\",\"priceMinor\":199,\"currency\":\"GBP\"}");
            }
            long purchaseOrder = api.client().post("/api/purchase-orders", "{\"supplier\":\"Bag Works\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"BAG-1\",\"quantity\":10560,\"expectedDate\":\"" + due + "\"},"
                    + "{\"sku\":\"BAG-2\",\"quantity\":20,\"expectedDate\":\"" + due + "\"},"
                    + "{\"sku\":\"BAG-3\",\"quantity\":30,\"expectedDate\":\"" + due + "\"}]}").json().get("id").asLong();
            String receipts = "/api/purchase-orders/" + purchaseOrder + "/receipts";
            api.client().post(receipts, "{\"lines\":[{\"sku\":\"BAG-1\",\"quantity\":7509}]}");
            clock.advance(Duration.ofHours(15).plusMinutes(30));
            api.client().post(receipts, "{\"lines\":[{\"sku\":\"BAG-2\",\"quantity\":20}]}");
            clock.advance(Duration.ofHours(9));
            api.client().post(receipts, "{\"lines\":[{\"sku\":\"BAG-3\",\"quantity\":30}]}");
            api.client().post("/api/purchase-orders/" + purchaseOrder + "/close", "");
            clock.advance(Duration.ofDays(2));

            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/purchase-orders/" + purchaseOrder).body();
            assertThat(row(page, 1)).as("arrived on its day, short").doesNotContain("late").contains("short: 7,509 of 10,560 received");
            assertThat(row(page, 2)).as("arrived at 23:30 on its day").doesNotContain("late").doesNotContain("short");
            assertThat(row(page, 3)).as("arrived the next morning").contains("1 day late").doesNotContain("short");
            // Shaded alike: the line that came short on its day as much as the one that came late (only late lines were
            // shaded, so of the demo's two short lines on purchase order 131 only the late one was).
            assertThat(row(page, 1)).startsWith("<tr class=\"short\">");
            // Units with their thousands grouped, as Format.count writes them in the sentences ("10560" beside "10,560").
            assertThat(row(page, 1)).contains("<td data-label=\"Ordered\" class=\"num\">10,560</td>")
                    .contains("id=\"received-1\">7,509");
            assertThat(row(page, 2)).startsWith("<tr class=\"\">");
            assertThat(row(page, 3)).startsWith("<tr class=\"late\">");
            assertThat(page).contains("<span class=\"swatch old\" aria-hidden=\"true\"></span> Shaded lines came late or came short.");
            long supplier = api.restock().read(h -> api.restock().catalogEdits().supplierNamed(h, "Bag Works")).orElseThrow().id();
            var figures = api.restock().inTransaction(h -> {
                h.execute("set local time zone 'Pacific/Kiritimati'");
                return restock.store.SqlConsole.supplier(h, supplier).orElseThrow();
            });
            assertThat(figures.linesReceived()).isEqualTo(3);
            assertThat(figures.linesReceivedLate()).as("lines received late, in a session 14 hours ahead of UTC").isEqualTo(1);
            Instant ordered = due.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            var bySupplier = api.restock().inTransaction(h -> {
                h.execute("set local time zone 'Pacific/Kiritimati'");
                return restock.store.SqlAlerts.supplierReceipts(h, ordered.minus(Duration.ofDays(30)), ordered);
            });
            assertThat(bySupplier).singleElement().satisfies(bags -> assertThat(bags.recentDaysLate())
                    .as("the slipping alert's days late, in a session 14 hours ahead of UTC").isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.001)));
        }
    }

    /**
     * "Late" meant two things: the purchase order lists and the overview counted units owed past a line's current
     * expected date, the purchase order page and supplier reliability past its first confirmed date. Late is past the
     * date first confirmed (the supplier broke its first promise, even if the date moved since); overdue is past the
     * date expected now. A line first confirmed for day 0 and moved to day 19 is, on day 9, late and not overdue on
     * every page that lists it; a line due day 4, unmoved, is both.
     */
    @Test
    void a_line_moved_later_is_late_and_not_overdue_and_an_unmoved_line_past_its_date_is_both_on_every_page() {
        java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        TestClock clock = new TestClock(first.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            for (String sku : java.util.List.of("MOVED-1", "DUE-1")) {
                api.client().post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Lamp " + sku + "\",\"priceMinor\":199,\"currency\":\"GBP\"}");
            }
            long moved = api.client().post("/api/purchase-orders", "{\"supplier\":\"Moved Ltd\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"MOVED-1\",\"quantity\":10,\"expectedDate\":\"" + first + "\"}]}").json().get("id").asLong();
            var rescheduled = api.client().post("/api/purchase-orders/" + moved + "/lines/1/expected-date",
                    "{\"expectedDate\":\"" + first.plusDays(19) + "\"}");
            assertThat(rescheduled.status()).as(rescheduled.responseBody()).isEqualTo(200);
            long due = api.client().post("/api/purchase-orders", "{\"supplier\":\"Due Ltd\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"DUE-1\",\"quantity\":10,\"expectedDate\":\"" + first.plusDays(4) + "\"}]}").json().get("id").asLong();
            clock.advance(Duration.ofDays(9));

            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String movedPage = staff.get("/console/purchase-orders/" + moved).body();
            assertThat(row(movedPage, 1)).contains("9 days late").doesNotContain("overdue");
            // A line not yet due called late: its page says what late counts from, as the list and the overview do.
            assertThat(movedPage).contains("<p class=\"muted\" id=\"po-late-words\">Late: units still owed past the date the supplier "
                    + "first confirmed; overdue: past the date they are expected now.</p>");
            assertThat(row(staff.get("/console/purchase-orders/" + due).body(), 1)).contains("5 days late").contains("5 days overdue");

            String list = staff.get("/console/purchase-orders").body();
            assertThat(enclosing(list, "<tr", "</tr>", "href=\"/console/purchase-orders/" + moved + "\"")).contains(">late<").doesNotContain("overdue");
            assertThat(enclosing(list, "<tr", "</tr>", "href=\"/console/purchase-orders/" + due + "\"")).contains(">late<").contains(">overdue<");
            for (String supplier : java.util.List.of("Moved Ltd", "Due Ltd")) {
                long id = api.restock().read(h -> api.restock().catalogEdits().supplierNamed(h, supplier)).orElseThrow().id();
                String row = enclosing(staff.get("/console/suppliers/" + id).body(), "<tr", "</tr>", ">" + (supplier.equals("Moved Ltd") ? moved : due) + "</a>");
                if (supplier.equals("Moved Ltd")) {
                    assertThat(row).as(supplier).contains(">late<").doesNotContain("overdue");
                } else {
                    assertThat(row).as(supplier).contains(">late<").contains(">overdue<");
                }
            }

            String overview = staff.get("/console/overview").body();
            assertThat(overview).contains("<b id=\"late-pos\">2</b> late").contains("<span id=\"overdue-pos\">1</span> overdue");
            assertThat(enclosing(overview, "<li", "</li>", ">PO " + moved + "</a>")).contains("first confirmed for").contains(">late<").doesNotContain("overdue");
            assertThat(enclosing(overview, "<li", "</li>", ">PO " + due + "</a>")).contains(">late and overdue<");
        }
    }

    /** The element ({@code open} to {@code close}) around the first place {@code inside} is found. */
    private static String enclosing(String page, String open, String close, String inside) {
        int at = page.indexOf(inside);
        assertThat(at).as(inside + " on the page").isPositive();
        int start = page.lastIndexOf(open, at);
        return page.substring(start, page.indexOf(close, at));
    }

    /** A line's row of the lines table. */
    private static String row(String page, int lineNumber) {
        int start = page.lastIndexOf("<tr", page.indexOf("id=\"received-" + lineNumber + "\""));
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The first line's "Arrived" cell. */
    private static String arrived(String page) {
        int cell = page.indexOf("data-label=\"Arrived\"");
        assertThat(cell).as("an Arrived cell on the page").isPositive();
        return page.substring(cell, page.indexOf("</td>", cell));
    }

    /** The lines waiting for a purchase order's supply were named only in its close question (a newcomer's check). */
    @Test
    void the_page_lists_the_order_lines_waiting_for_its_delivery() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
            java.time.LocalDate due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10);
            long purchaseOrder = api.client().post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":"
                    + "[{\"sku\":\"LAMP-1\",\"quantity\":50,\"expectedDate\":\"" + due + "\"}]}").json().get("id").asLong();
            ConsoleSession before = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            assertThat(before.get("/console/purchase-orders/" + purchaseOrder).body()).as("a section that does not just vanish")
                    .contains("No order line is waiting for this delivery.");
            long ann = api.client().post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":3}]}")
                    .json().get("id").asLong();
            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/purchase-orders/" + purchaseOrder).body();
            assertThat(page).contains("Waiting for this delivery")
                    .contains("Line 1 (Brass Lamp): <a href=\"/console/orders/" + ann + "\">order " + ann + ", line 1</a>, 3 units");
        }
    }
}
