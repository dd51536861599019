package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console form that changes stock, sent twice (a double click, a resent POST, a script's retry), acts once: an outside
 * tester sent a purchase order's receipt form twice and 100 units arrived as 200, phantom stock that then filled
 * waiting orders. The forms that are safe to repeat by nature stay so.
 */
class ConsoleResendTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static ConsoleSession staff;

    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        api.client().post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        api.client().post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\"}");
        staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static long purchaseOrderOf(int units) {
        return api.client().post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":[{\"sku\":\"LAMP-1\","
                + "\"quantity\":" + units + ",\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(5) + "\"}]}").json().get("id").asLong();
    }

    private static int received(long purchaseOrder) {
        return api.client().get("/api/purchase-orders/" + purchaseOrder).json().path("lines").get(0).path("quantityReceived").asInt();
    }

    private static int onHand(String sku) {
        return api.client().get("/api/stock/" + sku).json().path("onHand").asInt();
    }

    /** The receipt form with {@code units} typed on line 1, under a key fresh as a page's. */
    private static Map<String, String> receiptForm(long purchaseOrder, int units) {
        String page = staff.get("/console/purchase-orders/" + purchaseOrder).body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        fields.put("_once", "receipt-" + purchaseOrder + "-" + System.nanoTime());
        fields.put("received-1", Integer.toString(units));
        return fields;
    }

    /** The part of a page inside the form {@code id}. */
    private static String form(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("a form " + id + " on the page").isPositive();
        return page.substring(start, page.indexOf("</form>", start));
    }

    @Test
    void the_receipt_and_count_forms_carry_their_pages_key() {
        long purchaseOrder = purchaseOrderOf(5);
        String receipt = form(staff.get("/console/purchase-orders/" + purchaseOrder).body(), "receive");
        String count = form(staff.get("/console/skus/FAN-1").body(), "count");
        assertThat(ConsoleSession.hidden(receipt, "_once")).isNotBlank();
        assertThat(ConsoleSession.hidden(count, "_once")).isNotBlank();
    }

    private static String flash(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("restock_flash=")).findFirst()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).orElse("(none)");
    }

    @Test
    void a_receipt_form_sent_twice_records_one_receipt_and_both_sends_show_it() {
        long purchaseOrder = purchaseOrderOf(400);
        int before = onHand("LAMP-1");
        Map<String, String> form = receiptForm(purchaseOrder, 100);

        HttpResponse<String> first = staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", form);
        HttpResponse<String> second = staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", form);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(flash(first)).contains("100+units+received").doesNotContain("sent+before");
        // The resend says it was one, then what the first did (both said "100 units received", a newcomer's finding).
        assertThat(flash(second)).as("the resend says it was one, and what the first did")
                .startsWith("restock_flash=This+form+was+sent+before%2C+and+nothing+more+was+done%3A+")
                .endsWith(flash(first).substring("restock_flash=".length()));
        assertThat(received(purchaseOrder)).isEqualTo(100);
        assertThat(onHand("LAMP-1")).isEqualTo(before + 100);

        // The same page's form with other units is refused, and a fresh page's form receives again.
        form.put("received-1", "50");
        HttpResponse<String> other = staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", form);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("Nothing was received: this form was already sent with other values; reload the page");
        assertThat(received(purchaseOrder)).isEqualTo(100);
        assertThat(staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", receiptForm(purchaseOrder, 50)).statusCode())
                .isEqualTo(303);
        assertThat(received(purchaseOrder)).isEqualTo(150);
    }

    @Test
    void a_receipt_form_sent_twice_at_once_records_one_receipt() {
        long purchaseOrder = purchaseOrderOf(40);
        int before = onHand("LAMP-1");
        Map<String, String> form = receiptForm(purchaseOrder, 7);

        List<CompletableFuture<HttpResponse<String>>> sends = List.of(
                CompletableFuture.supplyAsync(() -> staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", form)),
                CompletableFuture.supplyAsync(() -> staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", form)));

        assertThat(sends).allSatisfy(send -> assertThat(send.join().statusCode()).isEqualTo(303));
        assertThat(received(purchaseOrder)).isEqualTo(7);
        assertThat(onHand("LAMP-1")).isEqualTo(before + 7);
    }

    /** A script that sends the form without the page's key (the tester's curl) is told to reload; nothing is received. */
    @Test
    void a_receipt_form_without_its_page_key_is_refused_and_receives_nothing() {
        long purchaseOrder = purchaseOrderOf(40);
        Map<String, String> form = receiptForm(purchaseOrder, 10);
        form.remove("_once");

        HttpResponse<String> answer = staff.post("/console/purchase-orders/" + purchaseOrder + "/receive", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Nothing was received: this form has no one-time key");
        assertThat(received(purchaseOrder)).isZero();
    }

    /**
     * A count sent again after stock moved set the shelf back to the old count (10 counted, 2 shipped, the resend made 10
     * again): the resend gets the first count's answer instead.
     */
    @Test
    void a_stock_count_sent_again_after_stock_moved_does_not_count_again() {
        String page = staff.get("/console/skus/FAN-1").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", "count-" + System.nanoTime());
        form.put("counted", "10");
        form.put("reason", "cycle count");
        HttpResponse<String> first = staff.post("/console/skus/FAN-1/count", form);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        assertThat(onHand("FAN-1")).isEqualTo(10);
        api.client().post("/api/stock/FAN-1/adjustments", "{\"quantity\":-2,\"reason\":\"broken in the aisle\"}");

        HttpResponse<String> again = staff.post("/console/skus/FAN-1/count", form);

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(flash(again)).as("the resend says it was one, then what the first send did")
                .isEqualTo("restock_flash=This+form+was+sent+before%2C+and+nothing+more+was+done%3A+" + flash(first).substring("restock_flash=".length()));
        assertThat(onHand("FAN-1")).isEqualTo(8);
        long counts = api.restock().read(h -> h.createQuery("select count(*) from stock_movements where sku = 'FAN-1' and kind = 'count'")
                .mapTo(Long.class).one());
        assertThat(counts).as("one count in the ledger").isEqualTo(1);
    }
    /**
     * The other forms need no key: a repeat is refused (the purchase order is closed already, the line has nothing left
     * to cancel) or asks for the state already reached (a priority, a product's fields), so it changes nothing more.
     */
    @Test
    void the_forms_safe_to_repeat_change_nothing_more_the_second_time() {
        String csrf = ConsoleSession.hidden(staff.get("/console/overview").body(), "_csrf");
        long purchaseOrder = purchaseOrderOf(5);
        Map<String, String> confirmed = Map.of("_csrf", csrf, "confirm", "yes");
        assertThat(staff.post("/console/purchase-orders/" + purchaseOrder + "/close", confirmed).statusCode()).isEqualTo(303);
        HttpResponse<String> closedAgain = staff.post("/console/purchase-orders/" + purchaseOrder + "/close", confirmed);
        assertThat(closedAgain.statusCode()).isEqualTo(409);
        assertThat(closedAgain.body()).contains("purchase order " + purchaseOrder + " is already closed");

        long order = api.client().post("/api/orders", "{\"customerEmail\":\"kim@example.com\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":5000}]}")
                .json().get("id").asLong();
        Map<String, String> priority = Map.of("_csrf", csrf, "priority", "5");
        assertThat(staff.post("/console/orders/" + order + "/lines/1/priority", priority).statusCode()).isEqualTo(303);
        assertThat(staff.post("/console/orders/" + order + "/lines/1/priority", priority).statusCode()).isEqualTo(303);
        assertThat(linePriority(order)).isEqualTo(5);
        assertThat(staff.post("/console/orders/" + order + "/lines/1/cancel", confirmed).statusCode()).isEqualTo(303);
        HttpResponse<String> cancelledAgain = staff.post("/console/orders/" + order + "/lines/1/cancel", confirmed);
        assertThat(cancelledAgain.statusCode()).isEqualTo(409);
        assertThat(cancelledAgain.body()).contains("so nothing in it is left to cancel");

        Map<String, String> edit = new LinkedHashMap<>(Map.of("_csrf", csrf, "name", "Silk Fan, boxed", "price", "9.00", "policy",
                "when-supply-confirmed", "cap", "", "releaseDate", "", "category", "", "supplierId", ""));
        assertThat(staff.post("/console/skus/FAN-1/edit", edit).statusCode()).isEqualTo(303);
        HttpResponse<String> editedAgain = staff.post("/console/skus/FAN-1/edit", edit);
        assertThat(flash(editedAgain)).contains("Nothing+changed");
        long audit = api.restock().read(h -> h.createQuery("select count(*) from catalog_audit where entity_key = 'FAN-1' and action = 'updated'")
                .mapTo(Long.class).one());
        assertThat(audit).isEqualTo(1);
    }

    private static int linePriority(long order) {
        return api.restock().read(h -> h.createQuery("select priority from order_lines where order_id = :id").bind("id", order)
                .mapTo(Integer.class).one());
    }
}
