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
            // The key names the two shades on the page, each with its own swatch, and not the one it has not.
            assertThat(key(page)).contains("<li id=\"key-late\"><span class=\"swatch late\" aria-hidden=\"true\"></span> Came late:")
                    .contains("<li id=\"key-short\"><span class=\"swatch short\" aria-hidden=\"true\"></span> Came short:")
                    .doesNotContain("key-owed");
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
            assertThat(overview.replaceAll("\\s+", " ")).contains("<b id=\"late-lines\">2</b> lines on <span id=\"late-pos\">2 purchase orders</span> "
                    + "late or overdue (<span id=\"overdue-lines\">1</span> overdue)");
            assertThat(enclosing(overview, "<li", "</li>", ">PO " + moved + "</a>")).contains("first confirmed for").contains(">late<").doesNotContain("overdue");
            assertThat(enclosing(overview, "<li", "</li>", ">PO " + due + "</a>")).contains(">late and overdue<");
        }
    }

    /**
     * The overview's card said "2 late" (purchase orders) above a list of three late lines (an outside check), and the
     * list of purchase orders could not show only the late or overdue ones. The card counts the lines the list under it
     * lists and the purchase orders they are on, and leads to the purchase orders list filtered to those; the list
     * filters by late, overdue, or either, by the same rules (late: past the date first confirmed; overdue: past the
     * date expected now).
     */
    @Test
    void the_overview_counts_late_lines_on_their_purchase_orders_and_the_list_filters_to_late_or_overdue_ones() {
        java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        TestClock clock = new TestClock(first.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            for (String sku : java.util.List.of("MOVED-1", "DUE-1", "DUE-2", "SOON-1")) {
                api.client().post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Lamp " + sku + "\",\"priceMinor\":199,\"currency\":\"GBP\"}");
            }
            long moved = api.client().post("/api/purchase-orders", "{\"supplier\":\"Moved Ltd\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"MOVED-1\",\"quantity\":10,\"expectedDate\":\"" + first + "\"}]}").json().get("id").asLong();
            api.client().post("/api/purchase-orders/" + moved + "/lines/1/expected-date", "{\"expectedDate\":\"" + first.plusDays(19) + "\"}");
            long due = api.client().post("/api/purchase-orders", "{\"supplier\":\"Due Ltd\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"DUE-1\",\"quantity\":10,\"expectedDate\":\"" + first.plusDays(4) + "\"},"
                    + "{\"sku\":\"DUE-2\",\"quantity\":10,\"expectedDate\":\"" + first.plusDays(4) + "\"}]}").json().get("id").asLong();
            long soon = api.client().post("/api/purchase-orders", "{\"supplier\":\"Soon Ltd\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"SOON-1\",\"quantity\":10,\"expectedDate\":\"" + first.plusDays(30) + "\"}]}").json().get("id").asLong();
            clock.advance(Duration.ofDays(9));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");

            String overview = staff.get("/console/overview").body().replaceAll("\\s+", " ");
            String card = enclosing(overview, "<a class=", "</a>", "id=\"late-lines\"");
            assertThat(card).contains("href=\"/console/purchase-orders?lateness=late-or-overdue#list\"")
                    .contains("<b id=\"late-lines\">3</b> lines on <span id=\"late-pos\">2 purchase orders</span> late or overdue "
                            + "(<span id=\"overdue-lines\">2</span> overdue)");
            String listed = overview.substring(overview.indexOf("<ul id=\"late-supply\">"), overview.indexOf("</ul>", overview.indexOf("<ul id=\"late-supply\">")));
            assertThat(listed.split("<li>", -1).length - 1).as("the lines the overview lists, as many as the card counts").isEqualTo(3);

            assertThat(listed(staff, "late-or-overdue")).containsExactlyInAnyOrder(moved, due);
            assertThat(listed(staff, "late")).containsExactlyInAnyOrder(moved, due);
            assertThat(listed(staff, "overdue")).containsExactly(due);
            assertThat(listed(staff, "")).containsExactlyInAnyOrder(moved, due, soon);
            String filtered = staff.get("/console/purchase-orders?lateness=late-or-overdue").body().replaceAll("\\s+", " ");
            assertThat(filtered).contains("1–2 of 2 late or overdue purchase orders, the one due soonest first.")
                    .contains("<option value=\"late-or-overdue\" selected>late or overdue</option>");
            assertThat(staff.get("/console/purchase-orders?status=open&lateness=overdue").body().replaceAll("\\s+", " "))
                    .contains("1–1 of 1 open overdue purchase orders");
            assertThat(staff.get("/console/purchase-orders?status=closed&lateness=late").body()).contains("No closed late purchase order now.");
            assertThat(staff.get("/console/purchase-orders?lateness=soon").statusCode()).isEqualTo(400);
        }
    }

    /** More late lines than the overview lists: it says how many it shows of how many, and leads to their purchase orders. */
    @Test
    void the_overview_says_it_lists_the_first_of_more_late_lines_than_it_shows() {
        java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        TestClock clock = new TestClock(first.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            int lines = restock.service.ConsoleQueries.ALERT_ROWS + 2;
            java.util.List<String> sent = new java.util.ArrayList<>();
            for (int i = 1; i <= lines; i++) {
                api.client().post("/api/products", "{\"sku\":\"BELL-" + i + "\",\"name\":\"Bell " + i + "\",\"priceMinor\":199,\"currency\":\"GBP\"}");
                sent.add("{\"sku\":\"BELL-" + i + "\",\"quantity\":10,\"expectedDate\":\"" + first + "\"}");
            }
            api.client().post("/api/purchase-orders", "{\"supplier\":\"Bell Works\",\"newSupplier\":true,\"lines\":[" + String.join(",", sent) + "]}");
            clock.advance(Duration.ofDays(3));

            String overview = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/overview").body().replaceAll("\\s+", " ");

            assertThat(overview).contains("<b id=\"late-lines\">" + lines + "</b> lines on <span id=\"late-pos\">1 purchase order</span>")
                    .contains("id=\"late-supply-basis\">The first " + restock.service.ConsoleQueries.ALERT_ROWS + " of " + lines + " lines,");
        }
    }

    /**
     * A line overdue with nothing arrived was shaded as one that "came late or came short", and the key's swatch, a small
     * bordered square, looked like a checkbox (outside checks). Each line is shaded as what it is (still to come past its
     * date, came late, came short), the key says each shade on the page, and its swatch is a wide filled bar.
     */
    @Test
    void a_line_overdue_with_nothing_arrived_is_shaded_and_keyed_apart_from_one_that_came_late() {
        java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        TestClock clock = new TestClock(first.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            for (String sku : java.util.List.of("WAIT-1", "CAME-1")) {
                api.client().post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Kite " + sku + "\",\"priceMinor\":199,\"currency\":\"GBP\"}");
            }
            long order = api.client().post("/api/purchase-orders", "{\"supplier\":\"Kite Works\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"WAIT-1\",\"quantity\":10,\"expectedDate\":\"" + first + "\"},"
                    + "{\"sku\":\"CAME-1\",\"quantity\":10,\"expectedDate\":\"" + first + "\"}]}").json().get("id").asLong();
            clock.advance(Duration.ofDays(2));
            api.client().post("/api/purchase-orders/" + order + "/receipts", "{\"lines\":[{\"sku\":\"CAME-1\",\"quantity\":10}]}");
            clock.advance(Duration.ofDays(3));

            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String page = staff.get("/console/purchase-orders/" + order).body();

            assertThat(row(page, 1)).as("nothing arrived, 5 days past its date").startsWith("<tr class=\"owed\">").contains("5 days overdue");
            assertThat(row(page, 2)).as("arrived in full, 2 days late").startsWith("<tr class=\"late\">").contains("2 days late");
            assertThat(key(page)).contains("<li id=\"key-owed\"><span class=\"swatch owed\" aria-hidden=\"true\"></span> Still to come, "
                    + "late or overdue").contains("<li id=\"key-late\"><span class=\"swatch late\" aria-hidden=\"true\"></span> Came late:")
                    .doesNotContain("key-short").doesNotContain("came late or came short");
            String css = staff.get("/console-static/console.css").body();
            String swatch = css.substring(css.indexOf("\n.swatch {") + 1, css.indexOf("}", css.indexOf("\n.swatch {")));
            assertThat(rem(swatch, "width")).as("a bar: far wider than tall").isGreaterThanOrEqualTo(2 * rem(swatch, "height"));
            assertThat(swatch).contains("border-radius: 0");
            for (String shade : java.util.List.of("owed", "late", "short")) {
                assertThat(css).as(shade).containsPattern("\\.swatch\\." + shade + " \\{ background: #[0-9a-f]{6}; }")
                        .containsPattern("tr\\." + shade + " td \\{ background: #[0-9a-f]{6}; }");
            }
        }
    }

    /** A CSS length in rem declared in a rule's text ("width: 2.4rem"). */
    private static double rem(String rule, String property) {
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?<![-\\w])" + property + ": *([0-9.]+)rem").matcher(rule);
        assertThat(length.find()).as(property + " in rem in " + rule).isTrue();
        return Double.parseDouble(length.group(1));
    }

    /** The purchase orders the list shows with a lateness filter ("" for none). */
    private static java.util.List<Long> listed(ConsoleSession staff, String lateness) {
        String page = staff.get("/console/purchase-orders?lateness=" + lateness).body();
        int table = page.indexOf("<table id=\"purchase-orders\">");
        if (table < 0) {
            return java.util.List.of();
        }
        return java.util.regex.Pattern.compile("<a href=\"/console/purchase-orders/([0-9]+)\">").matcher(page.substring(table, page.indexOf("</table>", table)))
                .results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    /** The page's colour key. */
    private static String key(String page) {
        int start = page.indexOf("id=\"po-key\"");
        assertThat(start).as("a colour key on the page").isPositive();
        return page.substring(start, page.indexOf("</ul>", start));
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

    /**
     * After a receipt the page said only "waiting orders were filled first, in queue order": it names the lines the
     * units filled, as the receipt filled them, each order linked, and how many of a line part-filled still wait.
     */
    @Test
    void a_receipt_says_which_waiting_lines_its_units_filled() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"POP-1\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            String order = "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"POP-1\",\"quantity\":%d}]}";
            long first = api.client().post("/api/orders", order.formatted(40)).json().get("id").asLong();
            long second = api.client().post("/api/orders", order.formatted(60)).json().get("id").asLong();
            long third = api.client().post("/api/orders", order.formatted(1767)).json().get("id").asLong();
            java.time.LocalDate due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10);
            long purchaseOrder = api.client().post("/api/purchase-orders", "{\"supplier\":\"Pop Works\",\"newSupplier\":true,\"lines\":"
                    + "[{\"sku\":\"POP-1\",\"quantity\":300,\"expectedDate\":\"" + due + "\"}]}").json().get("id").asLong();
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String page = staff.get("/console/purchase-orders/" + purchaseOrder).body();

            var done = staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", java.util.Map.of("_csrf", ConsoleSession.hidden(page, "_csrf"),
                    "_once", ConsoleSession.hidden(page, "_once"), "received-1", "210"));

            String after = staff.get(done.headers().firstValue("location").orElseThrow()).body();
            assertThat(after).contains("210 units received on purchase order " + purchaseOrder + ". Filled, in queue order: "
                    + "<a href=\"/console/orders/" + first + "\">order " + first + "</a> line 1 (40), "
                    + "<a href=\"/console/orders/" + second + "\">order " + second + "</a> line 1 (60), "
                    + "<a href=\"/console/orders/" + third + "\">order " + third + "</a> line 1 (110 of 1,767 waiting).");
        }
    }
}
