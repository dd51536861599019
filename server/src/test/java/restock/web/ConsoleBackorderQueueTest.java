package restock.web;

import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The backorder queue as staff read it. */
class ConsoleBackorderQueueTest {
    /**
     * A newcomer read rows as "1142 / 4", some of them shaded, and nothing said what either meant: the figures are the
     * order and its line, and say so, and a key under the explanation says which lines are shaded.
     */
    @Test
    void the_queue_names_each_rows_order_and_line_and_keys_its_shading() {
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            api.client().post("/api/products", "{\"sku\":\"POP-1\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            String order = "{\"customerEmail\":\"%s\",\"lines\":[{\"sku\":\"POP-1\",\"quantity\":3}]}";
            long early = api.client().post("/api/orders", order.formatted("ann@example.com")).json().get("id").asLong();
            clock.advance(Duration.ofDays(15));
            long recent = api.client().post("/api/orders", order.formatted("bo@example.com")).json().get("id").asLong();

            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/backorders").body();

            assertThat(page).contains("<th>Order, line</th>")
                    .contains("<a href=\"/console/orders/" + early + "\">order " + early + "</a>, line 1")
                    .contains("id=\"line-" + early + "-1\" class=\"old\"")
                    .contains("id=\"line-" + recent + "-1\" class=\"\"");
            assertThat(page.substring(page.indexOf("id=\"queue-key\""))).startsWith("id=\"queue-key\"><span class=\"swatch old\"")
                    .contains("Shaded rows: lines waiting " + restock.service.ConsoleQueries.LONG_WAIT_DAYS + " days or more.");
        }
    }

    /**
     * "Restock charges no waiting line" read to a newcomer as if Restock charged for lines: the page says that waiting
     * lines are not charged, and when a line is.
     */
    @Test
    void the_queue_says_in_plain_words_when_a_waiting_line_is_charged() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/backorders").body();

            assertThat(page.replaceAll("\\s+", " ")).contains("Waiting lines are not charged: a line is charged when stock is allocated to it.")
                    .doesNotContain("charges no waiting line");
        }
    }

    /**
     * A mistyped SKU ("NOPE", or "pop-1" for POP-1) said "No line is waiting for stock." like an empty queue: the page says
     * no product has it, and names the SKU that differs only in case.
     */
    @Test
    void an_unknown_sku_in_the_filter_says_no_product_has_it_and_names_the_one_differing_in_case() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"POP-1\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");

            assertThat(staff.get("/console/backorders?sku=NOPE").body()).contains("There is no product 'NOPE'.").contains("<a href=\"/console/backorders\" id=\"whole-queue\">Show the whole queue</a>")
                    .doesNotContain("No line is waiting for stock.");
            // The SKU meant is a link that applies it (it was plain text to retype).
            String mistyped = staff.get("/console/backorders?sku=pop-1").body().replaceAll("\\s+", " ");
            assertThat(mistyped).contains("There is no product 'pop-1'; did you mean <a href=\"/console/backorders?sku=POP-1\" id=\"meant-sku\">POP-1</a>?"
                    + " SKUs are case-sensitive.");
            assertThat(staff.get("/console/backorders?sku=POP-1").body()).contains("No line is waiting for stock.")
                    .doesNotContain("There is no product");
        }
    }

    /**
     * The queue's cancel dialog was written with the page: "Cancel 1,657 × Small Popcorn Holder of order 1156?", then 1,767
     * were cancelled (a receipt had set 110 aside meanwhile). Its Cancel now asks the order page's question, of the line
     * as it is when pressed, and leads back to the queue.
     */
    @Test
    void the_queues_cancel_asks_of_the_line_as_it_is_when_pressed_and_leads_back_to_the_queue() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"POP-1\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            long order = api.client().post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"POP-1\",\"quantity\":20}]}")
                    .json().get("id").asLong();
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String queue = staff.get("/console/backorders?sku=POP-1").body();
            assertThat(queue).doesNotContain("hx-confirm").contains("<form method=\"get\" action=\"/console/orders/" + order + "/lines/1/cancel\"")
                    .contains("name=\"back\" value=\"/console/backorders?sku=POP-1\"");
            // Stock arrives after the queue was shown: 5 of the 20 are set aside.
            api.client().post("/api/stock/POP-1/counts", "{\"countedQuantity\": 5, \"reason\": \"found\"}");

            String asked = staff.get("/console/orders/" + order + "/lines/1/cancel?back=%2Fconsole%2Fbackorders%3Fsku%3DPOP-1").body();

            assertThat(asked).contains("20 × Popcorn Holder: the 15 waiting for stock leave the queue, and the 5 set aside go back to stock")
                    .contains("<a href=\"/console/backorders?sku=POP-1\" id=\"keep\">");
            var done = staff.post("/console/orders/" + order + "/lines/1/cancel", java.util.Map.of("_csrf", ConsoleSession.hidden(asked, "_csrf"),
                    "_once", ConsoleSession.hidden(asked, "_once"), "confirm", "yes", "back", "/console/backorders?sku=POP-1"));
            assertThat(done.headers().firstValue("location")).contains("/console/backorders?sku=POP-1");
        }
    }

    /** The filter refused product names ("There is no product 'Popcorn'") while the orders search took them. */
    @Test
    void a_name_in_the_filter_shows_the_one_products_queue_or_the_products_to_choose_from() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"POP-1\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            api.client().post("/api/products", "{\"sku\":\"POP-2\",\"name\":\"Popcorn Tin\",\"priceMinor\":95,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            long waiting = api.client().post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"POP-2\",\"quantity\":3}]}")
                    .json().path("id").asLong();
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");

            String two = staff.get("/console/backorders?sku=popcorn").body().replaceAll("\\s+", " ");
            assertThat(two).contains("The 2 products whose names hold 'popcorn': choose one to see its queue.")
                    .contains("<li><a href=\"/console/backorders?sku=POP-1\">POP-1</a> Popcorn Holder</li>")
                    .contains("<li><a href=\"/console/backorders?sku=POP-2\">POP-2</a> Popcorn Tin</li>")
                    .doesNotContain("There is no product").doesNotContain("id=\"queue\"");

            String one = staff.get("/console/backorders?sku=Popcorn+Tin").body().replaceAll("\\s+", " ");
            assertThat(one).contains("The queue of POP-2, Popcorn Tin: the one product whose name holds 'Popcorn Tin'.")
                    .contains("id=\"line-" + waiting + "-1\"").doesNotContain("There is no product");

            assertThat(staff.get("/console/backorders?sku=Nothing+Like+It").body()).contains("There is no product 'Nothing Like It'.");
        }
    }
}
