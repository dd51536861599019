package restock.http;

import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's cancel page: no login, one click, a second click changes nothing, a forged link says so. */
class CancelPageTest {

    /** The page said "1500 × Cake Tins waiting for stock" where the console's tables print 1,500. */
    @Test
    void the_page_groups_its_units_as_the_consoles_tables_do() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"TIN-9\",\"name\":\"Cake Tins\",\"priceMinor\":495,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            long orderId = order(client, "ann@example.com", "TIN-9", 1500);

            String page = client.send("GET", cancelPath(client, orderId), null, Map.of()).responseBody();

            assertThat(page).contains("1,500 × Cake Tins waiting for stock.").doesNotContain("1500 ×");
        }
    }

    @Test
    void a_customer_cancels_waiting_items_in_one_click() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"22720\",\"name\":\"Set Of 3 Cake Tins Pantry Design\",\"priceMinor\":495,"
                    + "\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            long orderId = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"paymentMethod\":\"pm_card_visa\","
                    + "\"lines\":[{\"sku\":\"22720\",\"quantity\":2}]}").json().path("id").asLong();
            String url = client.post("/api/orders/" + orderId + "/cancel-link", "").json().path("url").asText();
            String path = url.substring(url.indexOf("/cancel/"));

            ApiClient.Exchange page = client.send("GET", path, null, Map.of());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.responseBody()).contains("Cancel the waiting items").contains("costs nothing")
                    .contains("2 × Set Of 3 Cake Tins Pantry Design waiting for stock. Nothing has been charged for them.").contains("Restock demo shop")
                    .as("no claim about charges beyond what this order's payment says").doesNotContain("you have not been charged");
            namesEachItemOnce(page.responseBody(), "Set Of 3 Cake Tins Pantry Design");
            // No reason is chosen for the customer: a preselected "waited too long" was counted as their reason (an outside check).
            assertThat(page.responseBody()).contains("(optional)").doesNotContain("checked");
            assertThat(client.get("/api/orders/" + orderId).json().path("status").asText()).as("opening the page changes nothing")
                    .isEqualTo("backordered");

            ApiClient.Exchange done = client.send("POST", path, "reason=found+it+elsewhere",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(done.responseBody()).doesNotContain("is now")
                    .as("the product by name, and what it cost in plain words")
                    .contains("2 × Set Of 3 Cake Tins Pantry Design cancelled; nothing was charged");
            assertThat(client.get("/api/orders/" + orderId).json().path("status").asText()).isEqualTo("cancelled");
            assertThat(done.responseBody()).as("a way back besides the heading").contains("id=\"back-to-shop\"");

            ApiClient.Exchange again = client.send("POST", path, "reason=other", Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(again.responseBody()).contains("This link has been used");
            long reasons = api.restock().read(h -> h.createQuery("select count(*) from cancellations where order_id = :id and via = 'cancel-link'")
                    .bind("id", orderId).mapTo(Long.class).one());
            assertThat(reasons).isEqualTo(1);

            ApiClient.Exchange forged = client.send("GET", "/cancel/not-a-real-token", null, Map.of());
            assertThat(forged.status()).as("a link that is not one is not found").isEqualTo(404);
            assertThat(forged.responseBody()).contains("not valid").contains("Restock demo shop");
            ApiClient.Exchange forgedPost = client.send("POST", "/cancel/not-a-real-token", "reason=other", FORM);
            assertThat(forgedPost.status()).isEqualTo(404);
            assertThat(forgedPost.responseBody()).contains("not valid");
        }
    }

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    /**
     * A reason the page does not offer (unknown, empty, a NUL, HTML) was answered with the API's JSON, and of two reasons
     * the first was taken without a word (an outside check): a shopper gets the shop's page again with why, and nothing
     * is cancelled. A body over the limit on a customer's page is a page too.
     */
    @Test
    void a_form_the_page_never_sends_shows_the_page_again_with_why_and_cancels_nothing() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"22720\",\"name\":\"Cake Tins\",\"priceMinor\":495,"
                    + "\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            long orderId = order(client, "ann@example.com", "22720", 2);
            String path = cancelPath(client, orderId);

            for (String form : java.util.List.of("reason=lost+interest", "reason=", "reason=other%00", "reason=%3Cb%3Eother%3C%2Fb%3E",
                    "reason=other&reason=waited+too+long", "reason=%zz")) {
                ApiClient.Exchange refused = client.send("POST", path, form, FORM);
                assertThat(refused.status()).as(form).isEqualTo(400);
                assertThat(refused.contentType()).as(form).startsWith("text/html");
                assertThat(refused.responseBody()).as(form).contains("nothing was cancelled", "Cancel the waiting items", "Cake Tins")
                        .doesNotContain("<b>other");
            }
            // Not a form at all (a newcomer's curl): it cancelled, dropping the reason; now refused like the rest.
            for (var notForm : java.util.List.of(Map.entry("{\"reason\":1}", "application/json"), Map.entry("reason=other", "text/plain"))) {
                ApiClient.Exchange refused = client.send("POST", path, notForm.getKey(), Map.of("Content-Type", notForm.getValue()));
                assertThat(refused.status()).as(notForm.getValue()).isEqualTo(400);
                assertThat(refused.responseBody()).as(notForm.getValue()).contains("nothing was cancelled");
            }
            assertThat(client.get("/api/orders/" + orderId).json().path("status").asText()).isEqualTo("backordered");
            // A link that is no link says only that, not also "choose a reason" over a page with no reasons (a newcomer).
            ApiClient.Exchange noLink = client.send("POST", "/cancel/not-a-real-token", "reason=bogus", FORM);
            assertThat(noLink.status()).isEqualTo(404);
            assertThat(noLink.responseBody()).contains("not valid").doesNotContain("nothing was cancelled");

            ApiClient.Exchange tooLarge = client.send("POST", path, "reason=" + "n".repeat(70_000), FORM);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.contentType()).startsWith("text/html");
            assertThat(tooLarge.responseBody()).contains("Too large", "Restock demo shop", "so nothing was changed");
            ApiClient.Exchange waitlist = client.send("POST", "/waitlist/confirm/some-token", "x=" + "n".repeat(70_000), FORM);
            assertThat(waitlist.contentType()).as("a page that reads no field answers its page").startsWith("text/html");
            assertThat(client.get("/api/orders/" + orderId).json().path("status").asText()).isEqualTo("backordered");

            assertThat(client.send("POST", path, "reason=waited+too+long", FORM).responseBody()).as("the page's own form still cancels")
                    .contains("2 × Cake Tins cancelled");
        }
    }

    /**
     * The page told every customer "you have not been charged for them", also one whose shop took payment its own way
     * (Restock took none for the order and cannot know): before the click, each item says what cancelling does with its
     * payment, in the words the page uses after it (an outside check).
     */
    @Test
    void before_the_click_each_item_says_what_cancelling_does_with_its_payment() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"22720\",\"name\":\"Cake Tins\",\"priceMinor\":495,"
                    + "\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            long shopPaid = client.post("/api/orders", "{\"customerEmail\":\"bob@example.com\","
                    + "\"lines\":[{\"sku\":\"22720\",\"quantity\":2}]}").json().path("id").asLong();
            String url = client.post("/api/orders/" + shopPaid + "/cancel-link", "").json().path("url").asText();

            String page = client.send("GET", url.substring(url.indexOf("/cancel/")), null, Map.of()).responseBody();

            assertThat(page).contains("2 × Cake Tins waiting for stock. If you paid the shop for them already, the shop will refund you.")
                    .doesNotContain("Nothing has been charged").doesNotContain("not been charged");
        }
    }

    @Test
    void no_cancel_link_is_made_for_an_order_with_nothing_waiting() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"HERE-1\",\"name\":\"Lamp\",\"priceMinor\":900,\"currency\":\"GBP\"}");
            client.post("/api/stock/HERE-1/adjustments", "{\"quantity\":5,\"reason\":\"delivery\"}");
            long orderId = order(client, "ann@example.com", "HERE-1", 2);

            ApiClient.Exchange refused = client.post("/api/orders/" + orderId + "/cancel-link", "");

            // It answered 201, and the page then said nothing was waiting "any more", though nothing ever had.
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.responseBody()).contains("nothing waiting");
        }
    }

    @Test
    void an_expired_link_is_gone_and_cancels_nothing() {
        restock.support.TestClock clock = new restock.support.TestClock(java.time.Instant.parse("2026-12-07T09:00:00Z"));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"OLD-1\",\"name\":\"Old Lamp\",\"priceMinor\":900,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            long orderId = order(client, "ann@example.com", "OLD-1", 1);
            String path = cancelPath(client, orderId);
            clock.advance(restock.service.CancelLinks.LIFETIME.plusDays(1));

            ApiClient.Exchange page = client.send("GET", path, null, Map.of());
            ApiClient.Exchange click = client.send("POST", path, "reason=other", FORM);

            // It answered 200, as if the link still worked.
            assertThat(page.status()).isEqualTo(410);
            assertThat(page.responseBody()).contains("This cancellation link has expired");
            assertThat(click.status()).isEqualTo(410);
            assertThat(client.get("/api/orders/" + orderId).json().path("status").asText()).isEqualTo("backordered");
        }
    }

    /** Two products any number of which may wait: a Nutmeg Mug (NU-MUG) and a Silk Fan (BO-FAN). */
    private static void mugAndFanThatMayWait(ApiClient client) {
        client.post("/api/products", "{\"sku\":\"NU-MUG\",\"name\":\"Nutmeg Mug\",\"priceMinor\":650,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        client.post("/api/products", "{\"sku\":\"BO-FAN\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
    }

    private static String cancelPath(ApiClient client, long orderId) {
        String url = client.post("/api/orders/" + orderId + "/cancel-link", "").json().path("url").asText();
        return url.substring(url.indexOf("/cancel/"));
    }

    private static long order(ApiClient client, String email, String sku, int quantity) {
        return client.post("/api/orders", "{\"customerEmail\":\"" + email + "\",\"allowPartial\":true,"
                + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}").json().path("id").asLong();
    }

    /** Asserts the page names each product exactly once (it listed each item in a sentence and again in a table). */
    private static void namesEachItemOnce(String page, String... products) {
        for (String product : products) {
            int times = page.split(java.util.regex.Pattern.quote(product), -1).length - 1;
            assertThat(times).as(product + " on the page:%n%s", page).isEqualTo(1);
        }
    }

    @Test
    void the_page_counts_the_units_that_wait_and_were_cancelled_not_the_units_ordered() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"NU-MUG\",\"name\":\"Nutmeg Mug\",\"priceMinor\":650,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\",\"backorderCap\":2}");
            long dave = order(client, "dave@example.com", "NU-MUG", 5);
            var line = client.get("/api/orders/" + dave).json().path("lines").get(0);
            assertThat(line.path("backordered").asInt()).isEqualTo(2);
            assertThat(line.path("refused").asInt()).isEqualTo(3);
            String path = cancelPath(client, dave);

            String open = client.send("GET", path, null, Map.of()).responseBody();
            assertThat(open).contains("2 × Nutmeg Mug waiting for stock. If you paid the shop for them already, the shop will refund you."
                    + " 3 more not available when you ordered; never charged.")
                    .doesNotContain("5 × Nutmeg Mug");
            namesEachItemOnce(open, "Nutmeg Mug");

            String done = client.send("POST", path, "reason=other", FORM).responseBody();
            assertThat(done).contains("2 × Nutmeg Mug cancelled; if you paid the shop for them already, the shop will refund you."
                            + " 3 more not available when you ordered; never charged.")
                    .doesNotContain("5 × Nutmeg Mug");
            namesEachItemOnce(done, "Nutmeg Mug");

            client.post("/api/products", "{\"sku\":\"BO-FAN\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            client.post("/api/stock/BO-FAN/adjustments", "{\"quantity\":1,\"reason\":\"opening stock\"}");
            long bob = order(client, "bob@example.com", "BO-FAN", 4);
            String bobs = client.send("GET", cancelPath(client, bob), null, Map.of()).responseBody();
            assertThat(bobs).doesNotContain("4 × Silk Fan")
                    .as("the set-aside unit shares the waiting line, so the click cancels it too, and the page says so first")
                    .contains("3 × Silk Fan waiting for stock, and the 1 set aside with them");
            namesEachItemOnce(bobs, "Silk Fan");
        }
    }

    @Test
    void the_result_says_what_was_cancelled_what_remains_and_why_nothing_could_be() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            mugAndFanThatMayWait(client);
            client.post("/api/stock/NU-MUG/adjustments", "{\"quantity\":3,\"reason\":\"opening stock\"}");
            long grace = client.post("/api/orders", "{\"customerEmail\":\"grace@example.com\",\"lines\":["
                    + "{\"sku\":\"BO-FAN\",\"quantity\":10},{\"sku\":\"NU-MUG\",\"quantity\":2}]}").json().path("id").asLong();

            String gracesLink = cancelPath(client, grace);
            namesEachItemOnce(client.send("GET", gracesLink, null, Map.of()).responseBody(), "Silk Fan", "Nutmeg Mug");
            ApiClient.Exchange graces = client.send("POST", gracesLink, "reason=waited+too+long", FORM);
            assertThat(graces.responseBody()).contains("10 × Silk Fan cancelled; if you paid the shop for them already, the shop will refund you.")
                    .contains("2 × Nutmeg Mug set aside for you will ship as usual.")
                    .doesNotContain("is now").doesNotContain("<h1>Cancelled</h1>");
            namesEachItemOnce(graces.responseBody(), "Silk Fan", "Nutmeg Mug");
            // The link again: what was cancelled, then what remains under its own heading (a reserved line read as cancelled).
            ApiClient.Exchange used = client.send("GET", gracesLink, null, Map.of());
            assertThat(used.responseBody()).contains("This link has been used");
            String usedPage = used.responseBody();
            assertThat(usedPage.indexOf("The rest of order " + grace + ":")).as(usedPage)
                    .isGreaterThan(usedPage.indexOf("10 × Silk Fan cancelled")).isLessThan(usedPage.indexOf("2 × Nutmeg Mug"));

            long bob = order(client, "bob@example.com", "NU-MUG", 4);
            String bobsLink = cancelPath(client, bob);
            client.post("/api/stock/NU-MUG/adjustments", "{\"quantity\":3,\"reason\":\"delivery\"}");
            assertThat(client.post("/api/orders/" + bob + "/ship", "").json().path("status").asText()).isEqualTo("shipped");

            ApiClient.Exchange bobs = client.send("POST", bobsLink, "reason=waited+too+long", FORM);
            assertThat(bobs.status()).isEqualTo(200);
            assertThat(bobs.responseBody()).contains("<h1>Nothing to cancel</h1>").contains("there is nothing for this link to cancel")
                    .contains("4 × Nutmeg Mug shipped.")
                    .doesNotContain("<h1>Cancelled</h1>").doesNotContain("is now");
            namesEachItemOnce(bobs.responseBody(), "Nutmeg Mug");
            long cancellations = api.restock().read(h -> h.createQuery("select count(*) from cancellations where order_id = :id")
                    .bind("id", bob).mapTo(Long.class).one());
            assertThat(cancellations).isZero();
        }
    }

    /**
     * The shop cancelled one waiting line through the API, then the customer used the link for the rest: the result
     * page said "0 × Silk Fan not available when you ordered; never charged" of the line the shop had cancelled (a
     * storefront developer's check); a reload said it right. The line cancelled before the click says so.
     */
    @Test
    void a_line_the_shop_cancelled_before_the_click_reads_cancelled_earlier() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            mugAndFanThatMayWait(client);
            long ann = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":["
                    + "{\"sku\":\"BO-FAN\",\"quantity\":4},{\"sku\":\"NU-MUG\",\"quantity\":2}]}").json().path("id").asLong();
            String link = cancelPath(client, ann);
            assertThat(client.post("/api/orders/" + ann + "/lines/1/cancel", "").status()).isEqualTo(200);

            String done = client.send("POST", link, "reason=other", FORM).responseBody();
            assertThat(done).contains("2 × Nutmeg Mug cancelled").contains("4 × Silk Fan cancelled earlier.")
                    .doesNotContain("0 × Silk Fan").doesNotContain("not available when you ordered");
            namesEachItemOnce(done, "Silk Fan", "Nutmeg Mug");
        }
    }
}
