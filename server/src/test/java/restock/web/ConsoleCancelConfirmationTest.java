package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's one click on a cancel button cancelled an order, a line or a purchase order at once (and with the purchase
 * order the promises of the customers waiting on it): each button now shows what cancelling will do, and only "Yes,
 * cancel" does it.
 */
class ConsoleCancelConfirmationTest {
    private static RunningApi api;
    private static ApiClient client;
    private static ConsoleSession staff;
    private static String csrf;

    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        client = api.client();
        client.post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        client.post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
        client.post("/api/products", "{\"sku\":\"VASE-1\",\"name\":\"Blue Vase\",\"priceMinor\":2500,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
        client.post("/api/stock/LAMP-1/adjustments", "{\"quantity\":50,\"reason\":\"opening stock\"}");
        staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
        csrf = ConsoleSession.hidden(staff.get("/console/overview").body(), "_csrf");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** An order of one lamp in stock (line 1) and two fans that wait (line 2). */
    private static long lampAndWaitingFans(String email) {
        return client.post("/api/orders", "{\"customerEmail\":\"" + email + "\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":1},"
                + "{\"sku\":\"FAN-1\",\"quantity\":2}]}").json().path("id").asLong();
    }

    private static int cancelled(long orderId) {
        int units = 0;
        for (var line : client.get("/api/orders/" + orderId).json().path("lines")) {
            units += line.path("cancelled").asInt();
        }
        return units;
    }

    /** The list of what cancelling will do, on the page that asks. */
    private static String effects(String page) {
        int list = page.indexOf("<ul id=\"cancel-effects\">");
        assertThat(list).as("the list of what cancelling does").isPositive();
        return page.substring(list, page.indexOf("</ul>", list));
    }

    private static String flash(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        String cookie = answer.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("restock_flash=")).findFirst().orElseThrow();
        return URLDecoder.decode(cookie.substring("restock_flash=".length(), cookie.indexOf(';')), StandardCharsets.UTF_8);
    }

    @Test
    void cancelling_an_order_first_says_what_each_line_loses_and_changes_nothing() {
        long id = lampAndWaitingFans("ann@example.com");

        HttpResponse<String> asked = staff.post("/console/orders/" + id + "/cancel", Map.of("_csrf", csrf));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Cancel order " + id + "?")
                .contains("Line 1: 1 × Brass Lamp: the 1 set aside goes back to stock (to the next waiting order first). "
                        + "Restock took no payment for it: if the customer paid the shop already, the shop refunds them.")
                .contains("Line 2: 2 × Silk Fan: the 2 waiting for stock leave the queue.")
                .contains("action=\"/console/orders/" + id + "/cancel\"").contains("name=\"confirm\" value=\"yes\"")
                .contains("Yes, cancel order " + id);
        assertThat(cancelled(id)).as("nothing cancelled before the confirmation").isZero();

        assertThat(flash(staff.post("/console/orders/" + id + "/cancel", Map.of("_csrf", csrf, "confirm", "yes"))))
                .startsWith("Order " + id + ": 1 × Brass Lamp cancelled");
        assertThat(cancelled(id)).isEqualTo(3);
    }

    @Test
    void cancelling_a_line_asks_about_that_line_only_and_the_address_opens_as_the_same_question() {
        long id = lampAndWaitingFans("bob@example.com");

        String posted = staff.post("/console/orders/" + id + "/lines/2/cancel", Map.of("_csrf", csrf)).body();
        String opened = staff.get("/console/orders/" + id + "/lines/2/cancel").body();

        for (String page : new String[] {posted, opened}) {
            assertThat(effects(page)).contains("Line 2: 2 × Silk Fan").doesNotContain("Brass Lamp");
            assertThat(page).contains("Cancel line 2 of order " + id + "?").contains("action=\"/console/orders/" + id + "/lines/2/cancel\"");
        }
        assertThat(cancelled(id)).isZero();
        assertThat(staff.get("/console/orders/" + id + "/lines/7/cancel").statusCode()).isEqualTo(404);
    }

    /**
     * The order's and the purchase order's cancel and close buttons open their question with GET: asked with a POST, the
     * question was a form's answer, and Back from the result showed Chromium's "Confirm Form Resubmission" (an outside
     * check). The question's own "Yes" still posts, with the session's token.
     */
    @Test
    void the_cancel_buttons_open_their_question_as_a_page_so_back_returns_to_it() {
        long id = lampAndWaitingFans("dora@example.com");
        String order = staff.get("/console/orders/" + id).body();
        assertThat(order).contains("<form method=\"get\" action=\"/console/orders/" + id + "/cancel\">")
                .contains("<form method=\"get\" action=\"/console/orders/" + id + "/lines/2/cancel\">")
                .doesNotContain("<form method=\"post\" action=\"/console/orders/" + id + "/cancel\">");
        long po = client.post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":[{\"sku\":\"FAN-1\",\"quantity\":5,"
                + "\"expectedDate\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5) + "\"}]}").json().path("id").asLong();
        String purchaseOrder = staff.get("/console/purchase-orders/" + po).body();
        assertThat(purchaseOrder).contains("<form method=\"get\" action=\"/console/purchase-orders/" + po + "/close\">")
                .contains("<form method=\"get\" action=\"/console/purchase-orders/" + po + "/cancel\">");
        String question = staff.get("/console/orders/" + id + "/cancel").body();
        assertThat(question).contains("Cancel order " + id + "?").contains("method=\"post\"").contains("name=\"_csrf\"");
    }

    /**
     * An htmx cancel without "confirm" got the whole question page, which htmx swaps into the row it replaces (a page in
     * a table cell): it is sent to the question page instead, as htmx is sent to the sign-in page.
     */
    @Test
    void an_htmx_cancel_without_its_confirmation_is_sent_to_the_question_page() {
        long id = lampAndWaitingFans("dee@example.com");
        long purchaseOrder = client.post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":"
                + "[{\"sku\":\"LAMP-1\",\"quantity\":5,\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(5) + "\"}]}").json().path("id").asLong();

        for (String path : new String[] {"/console/orders/" + id + "/cancel", "/console/orders/" + id + "/lines/2/cancel",
                "/console/purchase-orders/" + purchaseOrder + "/cancel", "/console/purchase-orders/" + purchaseOrder + "/close"}) {
            HttpResponse<String> asked = staff.postHtmx(path, Map.of("_csrf", csrf));
            assertThat(asked.statusCode()).as(path).isEqualTo(200);
            assertThat(asked.headers().firstValue("HX-Redirect")).as(path).hasValue(path);
            assertThat(asked.body()).as(path).doesNotContain("<html").doesNotContain("yes-cancel");
        }
        assertThat(cancelled(id)).isZero();
        assertThat(client.get("/api/purchase-orders/" + purchaseOrder).json().path("status").asText()).isEqualTo("open");
    }

    /**
     * A double click on "Yes, cancel" showed the 409 page the second time ("already cancelled"), as if the cancel had
     * failed: the second send of the same question page says what the first did, and that nothing more was done.
     */
    @Test
    void yes_cancel_sent_twice_from_one_question_page_shows_what_the_first_did() {
        long id = lampAndWaitingFans("eve@example.com");
        Map<String, String> yes = Map.of("_csrf", csrf, "confirm", "yes",
                "_once", ConsoleSession.hidden(staff.get("/console/orders/" + id + "/cancel").body(), "_once"));
        String first = flash(staff.post("/console/orders/" + id + "/cancel", yes));
        String second = flash(staff.post("/console/orders/" + id + "/cancel", yes));
        assertThat(first).startsWith("Order " + id + ": 1 × Brass Lamp cancelled");
        assertThat(second).isEqualTo(OnceKeys.SENT_BEFORE + first);
        assertThat(cancelled(id)).isEqualTo(3);

        long purchaseOrder = client.post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":"
                + "[{\"sku\":\"LAMP-1\",\"quantity\":5,\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(5) + "\"}]}").json().path("id").asLong();
        String path = "/console/purchase-orders/" + purchaseOrder + "/cancel";
        Map<String, String> cancel = Map.of("_csrf", csrf, "confirm", "yes", "_once", ConsoleSession.hidden(staff.get(path).body(), "_once"));
        String done = flash(staff.post(path, cancel));
        assertThat(done).startsWith("Purchase order " + purchaseOrder + " cancelled.");
        assertThat(flash(staff.post(path, cancel))).isEqualTo(OnceKeys.SENT_BEFORE + done);
    }

    @Test
    void a_cancel_with_nothing_left_to_cancel_says_so_instead_of_asking() {
        long id = lampAndWaitingFans("cem@example.com");
        staff.post("/console/orders/" + id + "/lines/2/cancel", Map.of("_csrf", csrf, "confirm", "yes"));

        HttpResponse<String> asked = staff.post("/console/orders/" + id + "/lines/2/cancel", Map.of("_csrf", csrf));

        assertThat(asked.statusCode()).isEqualTo(409);
        assertThat(asked.body()).contains("order " + id + " line 2 was cancelled (2 units), so nothing in it is left to cancel; line 1 (1 unit reserved) "
                + "can still be cancelled").doesNotContain("yes-cancel");
    }

    /**
     * Ten cancels of one order at once (the order, line 1, line 2): the sentences after them claimed 9 units cancelled
     * of 6 in 4 of 8 tries (a fuzzer's finding): each compared the order after with one read before its transaction.
     * What each says it cancelled now adds up to what was cancelled.
     */
    @Test
    void cancels_sent_at_once_say_together_what_was_cancelled_and_no_more() throws Exception {
        for (int trial = 0; trial < 6; trial++) {
            long id = client.post("/api/orders", "{\"customerEmail\":\"race" + trial + "@example.com\",\"lines\":[{\"sku\":\"FAN-1\",\"quantity\":3},"
                    + "{\"sku\":\"VASE-1\",\"quantity\":3}]}").json().path("id").asLong();
            String[] paths = {"/cancel", "/lines/1/cancel", "/lines/2/cancel"};
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String path = "/console/orders/" + id + paths[i % paths.length];
                sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return staff.post(path, Map.of("_csrf", csrf, "confirm", "yes"));
                }));
            }
            go.countDown();
            int claimed = 0;
            for (var answer : sent) {
                HttpResponse<String> done = answer.join();
                if (done.statusCode() == 303) {
                    java.util.regex.Matcher units = java.util.regex.Pattern.compile("(\\d+) × [^;]+ cancelled").matcher(flash(done));
                    while (units.find()) {
                        claimed += Integer.parseInt(units.group(1));
                    }
                }
            }
            assertThat(cancelled(id)).isEqualTo(6);
            assertThat(claimed).as("units the sentences say were cancelled, trial %d", trial).isEqualTo(6);
        }
    }

    /**
     * Order A's 3 vases are promised from purchase order 1 (due first), order B's from purchase order 2. Cancelling purchase
     * order 1 moves A onto purchase order 2 and leaves B with nothing coming: the question says so before, and the
     * sentence after names both.
     */
    @Test
    void cancelling_a_purchase_order_says_who_is_re_promised_and_who_is_left_without_supply() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long first = purchaseOrder("VASE-1", today.plusDays(7));
        long second = purchaseOrder("VASE-1", today.plusDays(21));
        long a = client.post("/api/orders", "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"VASE-1\",\"quantity\":3}]}").json().path("id").asLong();
        long b = client.post("/api/orders", "{\"customerEmail\":\"b@example.com\",\"lines\":[{\"sku\":\"VASE-1\",\"quantity\":3}]}").json().path("id").asLong();

        HttpResponse<String> asked = staff.post("/console/purchase-orders/" + first + "/cancel", Map.of("_csrf", csrf));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Cancel purchase order " + first + "?").contains("takes its 3 units on 1 line out of incoming supply")
                .contains("<a href=\"/console/orders/" + a + "\">Order " + a + " line 1</a>: 3 × Blue Vase waiting, promised from purchase order "
                        + second + " instead")
                .contains("<a href=\"/console/orders/" + b + "\">Order " + b + " line 1</a>: 3 × Blue Vase waiting, without supply: nothing coming covers them");
        assertThat(client.get("/api/purchase-orders/" + first).json().path("status").asText()).isEqualTo("open");

        HttpResponse<String> done = staff.post("/console/purchase-orders/" + first + "/cancel", Map.of("_csrf", csrf, "confirm", "yes"));
        String said = flash(done);
        String next = staff.get(done.headers().firstValue("location").orElseThrow()).body();

        assertThat(said).isEqualTo("Purchase order " + first + " cancelled. 1 now waits without supply: order " + b + " line 1; "
                + "1 waiting line re-promised from purchase order " + second + ": order " + a + " line 1. Customers whose date changed are told by email.");
        assertThat(next).as("each order named is linked, not the purchase orders").contains("<a href=\"/console/orders/" + a + "\">order " + a + "</a> line 1.")
                .contains("<a href=\"/console/orders/" + b + "\">order " + b + "</a> line 1;").contains("Purchase order " + first + " cancelled")
                .contains("purchase order " + second + ":");
        assertThat(client.get("/api/purchase-orders/" + first).json().path("status").asText()).isEqualTo("cancelled");
    }

    /** Closing short withdraws the supply as cancelling does, and its sentence names the lines it leaves without supply too. */
    @Test
    void closing_a_purchase_order_names_the_lines_it_leaves_without_supply() {
        client.post("/api/products", "{\"sku\":\"CUP-1\",\"name\":\"Tea Cup\",\"priceMinor\":700,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
        long id = purchaseOrder("CUP-1", LocalDate.now(ZoneOffset.UTC).plusDays(7));
        long waiting = client.post("/api/orders", "{\"customerEmail\":\"c@example.com\",\"lines\":[{\"sku\":\"CUP-1\",\"quantity\":5}]}")
                .json().path("id").asLong();

        HttpResponse<String> asked = staff.post("/console/purchase-orders/" + id + "/close", Map.of("_csrf", csrf));
        assertThat(asked.statusCode()).as("closing short asks first, as cancelling does").isEqualTo(200);
        assertThat(asked.body()).contains("Close purchase order " + id + "?")
                .contains("ends it as received so far: its 3 units on 1 line still to come no longer count as incoming supply")
                .contains("<a href=\"/console/orders/" + waiting + "\">Order " + waiting + " line 1</a>: 5 × Tea Cup waiting, without supply")
                .contains("Yes, close purchase order " + id);
        assertThat(client.get("/api/purchase-orders/" + id).json().path("status").asText()).isEqualTo("open");
        assertThat(staff.get("/console/purchase-orders/" + id + "/close").body()).as("the address opens as the same question")
                .contains("Close purchase order " + id + "?");

        String said = flash(staff.post("/console/purchase-orders/" + id + "/close", Map.of("_csrf", csrf, "confirm", "yes")));

        assertThat(said).isEqualTo("Purchase order " + id + " closed: its open units no longer count as incoming. 1 now waits without supply: order "
                + waiting + " line 1. Customers whose date changed are told by email.");
    }

    @Test
    void a_purchase_order_nobody_waits_on_says_no_promise_changes() {
        long id = purchaseOrder("LAMP-1", LocalDate.now(ZoneOffset.UTC).plusDays(30));

        assertThat(staff.get("/console/purchase-orders/" + id + "/cancel").body())
                .contains("No waiting order is promised from it, so no customer's promise changes.");
        assertThat(flash(staff.post("/console/purchase-orders/" + id + "/cancel", Map.of("_csrf", csrf, "confirm", "yes"))))
                .isEqualTo("Purchase order " + id + " cancelled. No waiting order was promised from it.");
    }

    private static long purchaseOrder(String sku, LocalDate expected) {
        return client.post("/api/purchase-orders", "{\"supplier\":\"Vase Co\",\"newSupplier\":true,\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3,"
                + "\"expectedDate\":\"" + expected + "\"}]}").json().path("id").asLong();
    }
}
