package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.planning.Planner;
import restock.service.ConsoleQueries;
import restock.service.PlanCsv;
import restock.service.PlanningQueries;
import restock.support.ApiClient;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchase orders page as a newcomer uses it: the whole list a page at a time, and the form to order more. */
class ConsolePurchaseOrderListTest {
    private static final int CANCELLED = 3;
    private static RunningApi api;
    private static ApiClient client;
    private static ConsoleSession staff;
    private static long fanMakers;

    /** One more purchase order than a page shows (some of them cancelled), of lamps from Lamp Works. */
    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        client = api.client();
        client.post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        client.post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\"}");
        client.post("/api/products", "{\"sku\":\"KITE-1\",\"name\":\"Paper Kite\",\"priceMinor\":500,\"currency\":\"GBP\"}");
        fanMakers = client.post("/api/suppliers", "{\"name\":\"Fan Makers\"}").json().path("id").asLong();
        for (int i = 0; i < ConsoleQueries.PAGE_ROWS + 1; i++) {
            long id = client.post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":[{\"sku\":\"LAMP-1\","
                    + "\"quantity\":5,\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}]}").json().path("id").asLong();
            if (i < CANCELLED) {
                client.post("/api/purchase-orders/" + id + "/cancel", "");
            }
        }
        new PlanningQueries(api.restock()).runAndStore(0.95, plans -> PlanCsv.write(List.of(new Planner.SkuPlan("LAMP-1", "Brass Lamp",
                "Lamp Works", 2, 10, 2, 24, 4, 24, Optional.empty(), "below the reorder point", 2, true))));
        staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The list showed the newest 100 without a word of the rest and with no way to them. */
    @Test
    void the_list_says_how_many_there_are_and_pages_to_the_older_ones() {
        int total = ConsoleQueries.PAGE_ROWS + 1;

        String first = staff.get("/console/purchase-orders").body();
        String second = staff.get("/console/purchase-orders?status=&page=2").body();

        assertThat(first).contains("1–100 of " + total + " purchase orders, open ones first").contains("href=\"/console/purchase-orders?status=&page=2\"")
                .doesNotContain("id=\"newer\"");
        assertThat(rows(first)).isEqualTo(ConsoleQueries.PAGE_ROWS);
        assertThat(second).contains("101–101 of " + total + " purchase orders").contains("id=\"newer\"").doesNotContain("id=\"older\"");
        assertThat(rows(second)).isEqualTo(1);
        assertThat(staff.get("/console/purchase-orders?status=cancelled").body()).contains("1–3 of 3 cancelled purchase orders, newest first")
                .doesNotContain("id=\"older\"");
        assertThat(staff.get("/console/purchase-orders?page=zero").statusCode()).isEqualTo(400);
    }

    /** The form sat under the whole list: a newcomer scrolled past 100 rows to find it. */
    @Test
    void the_new_purchase_order_form_comes_before_the_list() {
        String page = staff.get("/console/purchase-orders").body();

        assertThat(page.indexOf("id=\"new-purchase-order\"")).isPositive().isLessThan(page.indexOf("id=\"purchase-orders\""));
    }

    /**
     * "Order some" on a SKU's page landed at the top of the list, with only the SKU filled in: it lands on the form, with
     * the supplier the SKU was last ordered from and the latest plan's suggested quantity.
     */
    @Test
    void order_some_lands_on_the_form_with_the_sku_its_usual_supplier_and_the_suggested_quantity() {
        String skuPage = staff.get("/console/skus/FAN-1").body();
        assertThat(skuPage).contains("href=\"/console/purchase-orders?sku=FAN-1#new-purchase-order\"");

        String lamps = form(staff.get("/console/purchase-orders?sku=LAMP-1").body());

        assertThat(lamps).contains("name=\"supplier\" list=\"supplier-names\" required maxlength=\"200\" value=\"Lamp Works\"")
                .contains("name=\"sku\" value=\"LAMP-1\"").contains("name=\"quantity\" inputmode=\"numeric\" pattern=\"[0-9,]*\" value=\"24\"");
        // Never ordered: the supplier its product names; nothing planned, so no quantity.
        client.patch("/api/products/FAN-1", "{\"supplierId\":" + fanMakers + "}");
        String fans = form(staff.get("/console/purchase-orders?sku=FAN-1").body());
        assertThat(fans).contains("value=\"Fan Makers\"").contains("name=\"quantity\" inputmode=\"numeric\" pattern=\"[0-9,]*\" value=\"\"");
        // Neither: the form leaves the supplier to staff.
        assertThat(form(staff.get("/console/purchase-orders?sku=KITE-1&quantity=7").body())).contains("maxlength=\"200\" value=\"\"")
                .contains("name=\"sku\" value=\"KITE-1\"").contains("value=\"7\"");
    }

    /**
     * "Order some" filled every expected date 14 days out, whatever the supplier, and left the units blank without a word
     * (outside checks): it uses the supplier's stated lead time and says which, and says why no units are filled in.
     */
    @Test
    void order_some_expects_the_order_after_the_suppliers_lead_time_and_says_which_and_why_no_units() {
        long slowBoats = client.post("/api/suppliers", "{\"name\":\"Slow Boats\",\"leadTimeDays\":35}").json().path("id").asLong();
        client.post("/api/products", "{\"sku\":\"OAR-1\",\"name\":\"Ash Oar\",\"priceMinor\":4000,\"currency\":\"GBP\"}");
        client.patch("/api/products/OAR-1", "{\"supplierId\":" + slowBoats + "}");
        LocalDate today = api.restock().books().today();

        String oars = staff.get("/console/purchase-orders?sku=OAR-1").body().replaceAll("\\s+", " ");

        assertThat(form(oars)).contains("value=\"Slow Boats\"").contains("type=\"date\" value=\"" + today.plusDays(35) + "\"");
        assertThat(oars).contains("Expected dates are filled in 35 days out, the lead time the plan uses for Slow Boats (35 days stated, "
                        + "no deliveries yet: planned with 35).")
                .contains("No units filled in: the latest plan has no line for OAR-1");
        String kites = staff.get("/console/purchase-orders?sku=KITE-1&supplier=Fan%20Makers").body().replaceAll("\\s+", " ");
        assertThat(form(kites)).contains("type=\"date\" value=\"" + today.plusDays(14) + "\"");
        assertThat(kites).contains("Expected dates are filled in 14 days out, the lead time the plan uses for Fan Makers (none stated, "
                + "no deliveries yet: planned with 14); set one on its supplier page.");
    }

    /**
     * The planning page said a supplier's lead time was "about 39 days" (what its deliveries took, which the plan uses)
     * while "Order some" expected the order in the 35 it states (a newcomer's check): the form now fills in the plan's.
     */
    @Test
    void order_some_expects_the_order_after_the_lead_time_the_plan_uses_learned_from_deliveries_and_says_both() {
        // A shop of its own: the other tests count this class's purchase orders.
        try (RunningApi shop = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient owner = shop.client();
            owner.post("/api/suppliers", "{\"name\":\"Late Boats\",\"leadTimeDays\":35}");
            owner.post("/api/products", "{\"sku\":\"OAR-2\",\"name\":\"Beech Oar\",\"priceMinor\":4000,\"currency\":\"GBP\"}");
            LocalDate today = shop.restock().books().today();
            long order = owner.post("/api/purchase-orders", "{\"supplier\":\"Late Boats\",\"lines\":[{\"sku\":\"OAR-2\",\"quantity\":5,"
                    + "\"expectedDate\":\"" + today + "\"}]}").json().path("id").asLong();
            owner.post("/api/purchase-orders/" + order + "/receipts", "{\"lines\":[{\"sku\":\"OAR-2\",\"quantity\":5}]}");
            // Ordered 39 days before it came.
            shop.restock().inTransaction(h -> h.createUpdate("update purchase_orders set created_at = created_at - interval '39 days' where id = :id")
                    .bind("id", order).execute());

            String oars = ConsoleSession.signedIn(shop, "ops", "correct horse battery").get("/console/purchase-orders?sku=OAR-2").body()
                    .replaceAll("\\s+", " ");

            assertThat(form(oars)).contains("value=\"Late Boats\"").contains("type=\"date\" value=\"" + today.plusDays(39) + "\"");
            assertThat(oars).contains("Expected dates are filled in 39 days out, the lead time the plan uses for Late Boats (35 days stated, "
                    + "39 learned from 1 delivery: planned with 39).");
        }
    }

    /**
     * A purchase order made on the form opened without a supplier got today + 14 days, the date filled in before the
     * supplier was typed, even for Yiwu Trading Ltd (35 days stated, 39 learned from deliveries; a newcomer's demo); and
     * its supplier page said its orders were expected after the lead time stated there. The dates are left blank until a
     * supplier is named, a blank one is expected after the plan's lead time for the supplier, and the page says which.
     */
    @Test
    void an_expected_date_left_blank_is_the_named_suppliers_lead_time_the_plan_uses() {
        // A shop of its own: the other tests count this class's purchase orders.
        try (RunningApi shop = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient owner = shop.client();
            long yiwu = owner.post("/api/suppliers", "{\"name\":\"Yiwu Trading Ltd\",\"leadTimeDays\":35}").json().path("id").asLong();
            owner.post("/api/products", "{\"sku\":\"BELL-1\",\"name\":\"Brass Bell\",\"priceMinor\":800,\"currency\":\"GBP\"}");
            LocalDate today = shop.restock().books().today();
            long delivered = owner.post("/api/purchase-orders", "{\"supplier\":\"Yiwu Trading Ltd\",\"lines\":[{\"sku\":\"BELL-1\",\"quantity\":5,"
                    + "\"expectedDate\":\"" + today + "\"}]}").json().path("id").asLong();
            owner.post("/api/purchase-orders/" + delivered + "/receipts", "{\"lines\":[{\"sku\":\"BELL-1\",\"quantity\":5}]}");
            shop.restock().inTransaction(h -> h.createUpdate("update purchase_orders set created_at = created_at - interval '39 days' where id = :id")
                    .bind("id", delivered).execute());
            ConsoleSession ops = ConsoleSession.signedIn(shop, "ops", "correct horse battery");

            String page = ops.get("/console/purchase-orders").body();
            assertThat(form(page)).as("no supplier named yet: no date filled in for one").contains("type=\"date\" value=\"\"")
                    .doesNotContain("type=\"date\" value=\"" + today.plusDays(14) + "\"");
            java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
            sent.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
            sent.put("_once", ConsoleSession.hidden(page, "_once"));
            sent.put("supplier", "Yiwu Trading Ltd");
            sent.put("sku", "BELL-1");
            sent.put("quantity", "10");
            sent.put("expected", "");
            var created = ops.post("/console/purchase-orders", sent);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            String location = created.headers().firstValue("location").orElseThrow();
            var order = owner.get("/api/purchase-orders/" + location.substring(location.lastIndexOf('/') + 1)).json();
            assertThat(order.path("lines").get(0).path("expectedDate").asText()).isEqualTo(today.plusDays(39).toString());
            assertThat(ops.get("/console/suppliers/" + yiwu).body().replaceAll("\\s+", " "))
                    .doesNotContain("expected after the lead time stated here")
                    .contains("35 days stated, 39 learned from 1 delivery: planned with 39");
        }
    }

    /** The SKU page offered "Order some" only while no purchase order was open for the SKU; the README says each page has it. */
    @Test
    void a_sku_with_an_open_purchase_order_still_offers_to_order_some_more() {
        String lamps = staff.get("/console/skus/LAMP-1").body();

        assertThat(lamps).contains("href=\"/console/purchase-orders?sku=LAMP-1#new-purchase-order\" id=\"order-some\">Order some more</a>");
    }

    private static String form(String page) {
        int start = page.indexOf("id=\"new-po\"");
        assertThat(start).as("the new purchase order form").isPositive();
        return page.substring(start, page.indexOf("</form>", start));
    }

    private static int rows(String page) {
        int table = page.indexOf("<table id=\"purchase-orders\">");
        return table < 0 ? 0 : page.substring(table, page.indexOf("</table>", table)).split("<tr class=", -1).length - 1;
    }
}
