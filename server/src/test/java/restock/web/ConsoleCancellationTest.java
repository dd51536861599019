package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.payments.PaymentPolicy;
import restock.payments.SimulatedGateway;
import restock.service.PaymentProcessor;
import restock.support.ApiClient;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff cancel lines from the console: what the console says, and what the customer's cancel link then shows, agree. */
class ConsoleCancellationTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static ApiClient client;
    private static ConsoleSession staff;

    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        client = api.client();
        client.post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        client.post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
        client.post("/api/stock/LAMP-1/adjustments", "{\"quantity\":50,\"reason\":\"opening stock\"}");
        staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** An order of a lamp in stock (line 1) and two fans that wait (line 2), with the lamp shipped; paid by card when given one. */
    private static long shippedLampWaitingFans(String email, String paymentMethod) {
        long id = client.post("/api/orders", "{\"customerEmail\":\"" + email + "\"" + paymentMethod + ",\"lines\":["
                + "{\"sku\":\"LAMP-1\",\"quantity\":1},{\"sku\":\"FAN-1\",\"quantity\":2}]}").json().path("id").asLong();
        // The card's answer for the lamp: a line ships once its payment is held.
        new PaymentProcessor(api.restock(), new SimulatedGateway(1, SimulatedGateway.Faults.NONE, api.restock().clock()),
                PaymentPolicy.DEFAULT, api.restock().clock()).drain(10);
        assertThat(client.post("/api/orders/" + id + "/ship", "").json().path("lines").get(0).path("shipped").asInt()).isEqualTo(1);
        return id;
    }

    private static HttpResponse<String> cancelLine(long orderId, int lineNumber) {
        String page = staff.get("/console/orders/" + orderId).body();
        return staff.post("/console/orders/" + orderId + "/lines/" + lineNumber + "/cancel", Map.of("_csrf", ConsoleSession.hidden(page, "_csrf"),
                "confirm", "yes"));
    }

    /** The sentence the console shows after a change (its flash cookie, as the next page shows it). */
    private static String flash(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        String cookie = answer.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("restock_flash=")).findFirst().orElseThrow();
        return URLDecoder.decode(cookie.substring("restock_flash=".length(), cookie.indexOf(';')), StandardCharsets.UTF_8);
    }

    private static String cancelLinkPath(long orderId) {
        String url = client.post("/api/orders/" + orderId + "/cancel-link", "").json().path("url").asText();
        return url.substring(url.indexOf("/cancel/"));
    }

    /**
     * Cancelling line 1 of order 1245 after it shipped, with line 2 waiting, answered "order 1245 has nothing left to
     * cancel: it is backordered" (an outside check): the order's status, not the line's. It says the line shipped and
     * what can still be cancelled, in the console and through the API.
     */
    @Test
    void cancelling_a_line_that_shipped_says_it_shipped_and_what_can_still_be_cancelled() {
        long id = shippedLampWaitingFans("ann@example.com", "");

        HttpResponse<String> console = cancelLine(id, 1);
        ApiClient.Exchange viaApi = client.post("/api/orders/" + id + "/lines/1/cancel", "");

        String expected = "order " + id + " line 1 has shipped (1 unit), so nothing in it is left to cancel; line 2 (2 units waiting) can still be cancelled";
        assertThat(console.statusCode()).isEqualTo(409);
        assertThat(console.body()).contains(expected).doesNotContain("it is backordered");
        assertThat(viaApi.status()).isEqualTo(409);
        assertThat(viaApi.responseBody()).contains(expected);
        assertThat(client.get("/api/orders/" + id).json().path("lines").get(1).path("backordered").asInt()).as("nothing changed").isEqualTo(2);

        cancelLine(id, 2);
        assertThat(cancelLine(id, 2).body()).contains("order " + id + " line 2 was cancelled (2 units), so nothing in it is left to cancel; "
                + "nothing else in order " + id + " is open");
        assertThat(client.post("/api/orders/" + id + "/cancel", "").responseBody())
                .contains("order " + id + " has nothing left to cancel: line 1 has shipped (1 unit), line 2 was cancelled (2 units)");
    }

    /**
     * After staff cancelled the waiting line of an order whose other line shipped, the console said "the customer was
     * not charged" and the customer's cancel page "nothing was cancelled: it has shipped", then "cancelled; if you paid
     * the shop for it already, the shop will refund you" (an outside check). Restock took no payment for that order, so
     * the console cannot know nothing was charged (the page's words were right, decided in a1f2b49), and the page's
     * "nothing was cancelled" came from the order's status (shipped) rather than its lines. Both now say what each
     * line's quantities and payment say.
     */
    @Test
    void the_customers_cancel_page_says_what_the_console_said_after_staff_cancel_a_line() {
        long shopPaid = shippedLampWaitingFans("bob@example.com", "");
        String link = cancelLinkPath(shopPaid);

        String console = flash(cancelLine(shopPaid, 2));
        String page = client.send("GET", link, null, Map.of()).responseBody();

        assertThat(console).isEqualTo("Order " + shopPaid + " line 2: 2 × Silk Fan cancelled; Restock took no payment for them, "
                + "so if the customer paid the shop, the shop refunds them.");
        assertThat(page).contains("<li>2 × Silk Fan cancelled; if you paid the shop for them already, the shop will refund you.</li>")
                .contains("<li>1 × Brass Lamp shipped.</li>")
                .contains("Nothing in order " + shopPaid + " is waiting for stock any more, so there is nothing for this link to cancel.")
                .doesNotContain("nothing was cancelled").doesNotContain("it has shipped").doesNotContain("not charged");

        // Paid through Restock with a saved card: the waiting line held nothing, and both say so.
        long cardPaid = shippedLampWaitingFans("cem@example.com", ",\"paymentMethod\":\"pm_card_visa\"");
        String cardLink = cancelLinkPath(cardPaid);
        assertThat(flash(cancelLine(cardPaid, 2))).isEqualTo("Order " + cardPaid + " line 2: 2 × Silk Fan cancelled; the customer was not charged.");
        assertThat(client.send("GET", cardLink, null, Map.of()).responseBody()).contains("<li>2 × Silk Fan cancelled; nothing was charged.</li>");
    }

    /**
     * The order's page said only "cancelled ... Nothing is open in this order": not who cancelled or why (a newcomer's
     * check after cancelling with the customer's link). It lists each cancellation with who, when and the reason given.
     */
    @Test
    void the_order_page_says_who_cancelled_and_why() {
        long byStaff = shippedLampWaitingFans("dee@example.com", "");
        cancelLine(byStaff, 2);
        assertThat(staff.get("/console/orders/" + byStaff).body()).contains("id=\"cancellations\"").contains("by staff, in the console; reason recorded: cancelled by staff ops");

        long byCustomer = shippedLampWaitingFans("eve@example.com", "");
        client.send("POST", cancelLinkPath(byCustomer), "reason=found+it+elsewhere", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(staff.get("/console/orders/" + byCustomer).body()).contains("by the customer, with their cancel link; reason recorded: found it elsewhere");

        long byShop = shippedLampWaitingFans("fay@example.com", "");
        client.post("/api/orders/" + byShop + "/lines/2/cancel", "");
        assertThat(staff.get("/console/orders/" + byShop).body()).contains("by the shop, through the API; reason recorded: ");
    }
}
