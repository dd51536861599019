package restock.web;

import org.junit.jupiter.api.Test;
import restock.payments.PaymentPolicy;
import restock.payments.SimulatedGateway;
import restock.service.PaymentProcessor;
import restock.support.ApiClient;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's orders list shows, per order, how many units are reserved, waiting and refused, at a glance. */
class ConsoleOrdersListTest {
    private static final String PASSWORD = "correct horse battery";

    /** The list's row of one order. */
    private static String row(String page, long orderId) {
        int link = page.indexOf("<a href=\"/console/orders/" + orderId + "\">");
        assertThat(link).as("order " + orderId + " in the list").isPositive();
        return page.substring(page.lastIndexOf("<tr>", link), page.indexOf("</tr>", link));
    }

    private static String cell(String label, int units) {
        return "<td data-label=\"" + label + "\" class=\"num\">" + units + "</td>";
    }

    @Test
    void each_order_shows_its_reserved_waiting_and_refused_units_and_a_badge_for_refused_ones() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Lamp\",\"priceMinor\":900,\"currency\":\"GBP\",\"backorderPolicy\":\"never\"}");
            client.post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            client.post("/api/stock/LAMP-1/adjustments", "{\"quantity\":3,\"reason\":\"opening stock\"}");
            client.post("/api/stock/FAN-1/adjustments", "{\"quantity\":1,\"reason\":\"opening stock\"}");
            long partlyRefused = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"allowPartial\":true,"
                    + "\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":5}]}").json().path("id").asLong();
            long waiting = client.post("/api/orders", "{\"customerEmail\":\"bob@example.com\",\"lines\":[{\"sku\":\"FAN-1\",\"quantity\":4}]}")
                    .json().path("id").asLong();
            long refused = client.post("/api/orders", "{\"customerEmail\":\"cy@example.com\",\"allowPartial\":true,"
                    + "\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":2}]}").json().path("id").asLong();

            String page = ConsoleSession.signedIn(api, "ops", PASSWORD).get("/console/orders").body();

            // The list showed units, waiting, shipped and cancelled: an order with 2 of its 5 units refused looked whole.
            assertThat(row(page, partlyRefused)).contains(cell("Units", 5)).contains(cell("Reserved", 3)).contains(cell("Waiting", 0))
                    .contains(cell("Refused", 2)).contains("<td data-label=\"Status\">ready").contains("<span class=\"badge bad\">2 refused</span>");
            assertThat(row(page, waiting)).contains(cell("Reserved", 1)).contains(cell("Waiting", 3)).contains(cell("Refused", 0))
                    .contains("<td data-label=\"Status\">backordered").doesNotContain("badge");
            assertThat(row(page, refused)).as("an order refused whole says so once, in its status")
                    .contains(cell("Refused", 2)).contains("<td data-label=\"Status\">refused").doesNotContain("badge");
            // An order's page names its lines' units as the list does: it said "Qty", an abbreviation found nowhere else.
            String order = ConsoleSession.signedIn(api, "ops2", PASSWORD).get("/console/orders/" + partlyRefused).body();
            assertThat(order).contains("<th class=\"num\">Units</th>").contains(cell("Units", 5)).doesNotContain("Qty");
        }
    }

    /**
     * An order reserved whole whose card was declined showed "ready" in the list, while the pick list
     * (GET /api/orders/to-ship) and the order's page, by {@code OrderCommands.shipsNow}, would not ship it (an outside check).
     */
    @Test
    void an_order_reserved_but_not_paid_says_why_it_will_not_ship_and_a_paid_one_shows_plain_ready() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Lamp\",\"priceMinor\":900,\"currency\":\"GBP\",\"backorderPolicy\":\"never\"}");
            client.post("/api/stock/LAMP-1/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}");
            long paid = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"paymentMethod\":\"pm_card_visa\","
                    + "\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":1}]}").json().path("id").asLong();
            long declined = client.post("/api/orders", "{\"customerEmail\":\"bob@example.com\",\"paymentMethod\":\""
                    + SimulatedGateway.DECLINING_TOKEN + "\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":2}]}").json().path("id").asLong();
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);

            // Before the gateway has answered, neither card holds anything: neither order ships yet.
            String asked = staff.get("/console/orders").body();
            assertThat(row(asked, paid)).contains("<td data-label=\"Status\">ready").contains("1 line held: payment not authorized yet");
            assertThat(row(asked, declined)).contains("1 line held: payment not authorized yet");

            new PaymentProcessor(api.restock(), new SimulatedGateway(1, SimulatedGateway.Faults.NONE, api.restock().clock()),
                    PaymentPolicy.DEFAULT, api.restock().clock()).drain(10);
            String page = staff.get("/console/orders").body();

            assertThat(row(page, declined)).contains(cell("Reserved", 2)).contains("<span class=\"badge bad\">1 line held: card declined</span>");
            assertThat(row(page, paid)).contains("<td data-label=\"Status\">ready").doesNotContain("badge");
            java.util.List<Long> toShip = new java.util.ArrayList<>();
            client.get("/api/orders/to-ship").json().path("items").forEach(order -> toShip.add(order.path("id").asLong()));
            assertThat(toShip).as("the pick list agrees").containsExactly(paid);
        }
    }
}
