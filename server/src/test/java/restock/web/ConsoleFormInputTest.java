package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a console form's body may hold, checked where it enters, before any form reads it: text without control
 * characters, in UTF-8, sent as a form. An outside tester got a 500 with JSON for a NUL in a category, saw bytes that
 * are not UTF-8 stored as U+FFFD, had a text/plain body taken as a form, and a priority form's way back led out of the
 * console.
 */
class ConsoleFormInputTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static ConsoleSession staff;
    private static long supplierId;

    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        supplierId = api.client().post("/api/suppliers", "{\"name\":\"Kyoto Fans Ltd\",\"contactName\":\"Aiko\"}").json().get("id").asLong();
        api.client().post("/api/categories", "{\"code\":\"fans\",\"name\":\"Fans\"}");
        api.client().post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        api.client().post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":900,\"currency\":\"GBP\"}");
        api.client().post("/api/products", "{\"sku\":\"WAIT-1\",\"name\":\"Paper Kite\",\"priceMinor\":725,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A form's body with its values percent-encoded, except the raw escapes given ("a%00b", "%FF%FE") for some fields. */
    private static String body(Map<String, String> form, Map<String, String> raw) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + (raw.containsKey(e.getKey()) ? raw.get(e.getKey()) : URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    /** The label of the field, the input and its error: from the label's start to its end. */
    private static String fieldAt(String page, String label) {
        int start = page.indexOf("<label>" + label + " ");
        assertThat(start).as("a field labelled '" + label + "' on the page:%n%s", page).isPositive();
        return page.substring(start, page.indexOf("</label>", start));
    }

    private static Map<String, String> newProduct(String sku) {
        String page = staff.get("/console/products/new").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        form.put("sku", sku);
        form.put("name", "Paper Lamp");
        form.put("price", "24.50");
        form.put("currency", "GBP");
        form.put("policy", "always");
        form.put("cap", "");
        form.put("releaseDate", "");
        form.put("category", "fans");
        form.put("supplierId", "");
        return form;
    }

    private static Map<String, String> productEdit() {
        String page = staff.get("/console/skus/FAN-1").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("name", "Silk Fan");
        form.put("price", "12.99");
        form.put("policy", "always");
        form.put("cap", "");
        form.put("releaseDate", "");
        form.put("category", "fans");
        form.put("supplierId", "");
        return form;
    }

    private static Map<String, String> supplierEdit() {
        String page = staff.get("/console/suppliers/" + supplierId).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("name", "Kyoto Fans Ltd");
        form.put("contactName", "Aiko");
        form.put("contactEmail", "");
        form.put("phone", "");
        form.put("leadTimeDays", "");
        form.put("minimumOrder", "0");
        form.put("packSize", "1");
        form.put("currency", "");
        return form;
    }

    private static boolean productExists(String sku) {
        return api.client().get("/api/products/" + sku).status() == 200;
    }

    private static long purchaseOrders() {
        return api.restock().read(h -> h.createQuery("select count(*) from purchase_orders").mapTo(Long.class).one());
    }

    @Test
    void a_nul_in_any_form_field_is_refused_at_its_field_and_changes_nothing() {
        HttpResponse<String> created = staff.postRaw("/console/products", body(newProduct("NUL-1"), Map.of("category", "a%00b")));
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(fieldAt(created.body(), "Category")).contains("<span class=\"field-error\">Category must not hold control characters such as NUL");
        assertThat(created.body()).contains("The product was not created: see Category below.")
                .contains("value=\"Paper Lamp\"");
        assertThat(productExists("NUL-1")).isFalse();
        // Shown again as sent, the NUL came back as U+FFFD and the same button then created "Bad\uFFFDName" (an outside check).
        HttpResponse<String> named = staff.postRaw("/console/products", body(newProduct("NUL-2"), Map.of("name", "Bad%00Name")));
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(named.body()).contains("value=\"BadName\"").doesNotContain("\u0000").doesNotContain("\uFFFD");

        HttpResponse<String> edited = staff.postRaw("/console/skus/FAN-1/edit", body(productEdit(), Map.of("category", "a%00b")));
        assertThat(edited.statusCode()).isEqualTo(400);
        assertThat(fieldAt(edited.body(), "Category")).contains("Category must not hold control characters such as NUL");

        String skuPage = staff.get("/console/skus/FAN-1").body();
        Map<String, String> count = new LinkedHashMap<>(Map.of("_csrf", ConsoleSession.hidden(skuPage, "_csrf"), "counted", "3", "reason", ""));
        HttpResponse<String> counted = staff.postRaw("/console/skus/FAN-1/count", body(count, Map.of("reason", "a%00b")));
        assertThat(counted.statusCode()).isEqualTo(400);
        assertThat(fieldAt(counted.body(), "Counted on the shelf")).contains("value=\"3\"");
        assertThat(fieldAt(counted.body(), "Note")).contains("Note must not hold control characters such as NUL");
        assertThat(api.client().get("/api/stock/FAN-1").json().path("onHand").asInt()).isZero();

        // DEL is refused as the API refuses it; a tab is not.
        HttpResponse<String> del = staff.postRaw("/console/suppliers/" + supplierId + "/edit", body(supplierEdit(), Map.of("contactName", "Ai%7Fko")));
        assertThat(del.statusCode()).isEqualTo(400);
        assertThat(fieldAt(del.body(), "Contact")).contains("Contact must not hold control characters such as NUL");
    }

    @Test
    void a_nul_in_a_purchase_order_supplier_is_refused_at_the_supplier_and_no_purchase_order_is_made() {
        long before = purchaseOrders();
        String page = staff.get("/console/purchase-orders").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        form.put("supplier", "");
        form.put("new-supplier", "yes");
        form.put("sku", "FAN-1");
        form.put("quantity", "4");
        form.put("expected", LocalDate.now(ZoneOffset.UTC).plusDays(9).toString());

        HttpResponse<String> answer = staff.postRaw("/console/purchase-orders", body(form, Map.of("supplier", "a%00b")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(fieldAt(answer.body(), "Supplier")).contains("Supplier must not hold control characters such as NUL");
        assertThat(answer.body()).contains("aria-label=\"Units of line 1\"");

        // A line's field: the message names the line as the form does.
        answer = staff.postRaw("/console/purchase-orders", body(form, Map.of("supplier", "Fan+Co", "sku", "FAN%001")));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("SKU of line 1 must not hold control characters such as NUL");

        // The planning page's form for one supplier names it in a hidden field.
        api.client().post("/api/products", "{\"sku\":\"KITE-1\",\"name\":\"Paper Kite\",\"priceMinor\":725,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        api.client().patch("/api/products/KITE-1", "{\"supplierId\":" + supplierId + "}");
        api.client().post("/api/orders", "{\"customerEmail\":\"kim@example.com\",\"lines\":[{\"sku\":\"KITE-1\",\"quantity\":10}]}");
        new restock.service.PlanningQueries(api.restock()).runAndStore(0.95, restock.service.PlanCsv::write);
        assertThat(staff.get("/console/planning").body()).contains("<h2>Kyoto Fans Ltd</h2>");
        Map<String, String> planning = new LinkedHashMap<>();
        planning.put("_csrf", form.get("_csrf"));
        planning.put("_once", "planning-" + System.nanoTime());
        planning.put("section", "Kyoto Fans Ltd");
        planning.put("supplier", "");
        planning.put("sku", "KITE-1");
        planning.put("quantity-KITE-1", "6");
        planning.put("expected", LocalDate.now(ZoneOffset.UTC).plusDays(9).toString());
        HttpResponse<String> suggestions = staff.postRaw("/console/planning/purchase-orders", body(planning, Map.of("supplier", "a%00b")));
        assertThat(suggestions.statusCode()).isEqualTo(400);
        assertThat(suggestions.body()).contains("Supplier must not hold control characters such as NUL");
        assertThat(purchaseOrders()).isEqualTo(before);
    }

    @Test
    void a_nul_in_a_field_no_form_shows_is_refused_on_a_page_that_says_why() throws Exception {
        long order = api.client().post("/api/orders", "{\"customerEmail\":\"kim@example.com\",\"lines\":[{\"sku\":\"WAIT-1\",\"quantity\":2}]}")
                .json().get("id").asLong();
        String page = staff.get("/console/backorders").body();
        HttpResponse<String> answer = staff.postRaw("/console/orders/" + order + "/lines/1/priority",
                "_csrf=" + ConsoleSession.hidden(page, "_csrf") + "&priority=3&back=/console/back%00orders");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("The field 'back' must not hold control characters such as NUL");
        assertThat(linePriority(order)).isZero();

        // A '%' that escapes nothing: the form cannot be decoded at all (it was a 500).
        HttpResponse<String> percent = staff.postRaw("/console/orders/" + order + "/lines/1/priority",
                "_csrf=" + ConsoleSession.hidden(page, "_csrf") + "&priority=3&back=50%");
        assertThat(percent.statusCode()).isEqualTo(400);
        assertThat(percent.body()).contains("holds a '%' that is not followed by two hex digits");
        assertThat(staff.get("/console/orders?q=50%25").statusCode()).isEqualTo(200);

        // The sign-in form too.
        ConsoleSession stranger = ConsoleSession.signedOut(api.client().baseUrl());
        String login = "_login=" + ConsoleSession.hidden(stranger.get("/console/login").body(), "_login");
        HttpResponse<String> signIn = stranger.postRaw("/console/login", login + "&username=ops%00&password=x");
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).contains("The field 'username' must not hold control characters such as NUL");

        // A console page's search box is a form too.
        HttpResponse<String> search = staff.get("/console/orders?q=a%00b");
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.body()).contains("The field 'q' must not hold control characters such as NUL");
    }

    @Test
    void text_that_is_not_utf8_is_refused_at_its_field_and_nothing_is_stored() {
        HttpResponse<String> bytes = staff.postRaw("/console/products", body(newProduct("UTF-1"), Map.of("name", "Paper%FF%FELamp")));
        assertThat(bytes.statusCode()).isEqualTo(400);
        assertThat(fieldAt(bytes.body(), "Name")).contains("Name must be text in UTF-8");
        assertThat(bytes.body()).as("shown again without what it was refused for").contains("value=\"PaperLamp\"").doesNotContain("\uFFFD");
        assertThat(productExists("UTF-1")).isFalse();

        HttpResponse<String> surrogate = staff.postRaw("/console/suppliers/" + supplierId + "/edit",
                body(supplierEdit(), Map.of("name", "Kyoto%ED%A0%80Fans")));
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(fieldAt(surrogate.body(), "Name")).contains("Name must be text in UTF-8");
        HttpResponse<String> contact = staff.postRaw("/console/suppliers/" + supplierId + "/edit", body(supplierEdit(), Map.of("contactName", "%C3")));
        assertThat(contact.statusCode()).isEqualTo(400);
        assertThat(fieldAt(contact.body(), "Contact")).contains("Contact must be text in UTF-8");
        var supplier = api.client().get("/api/suppliers/" + supplierId).json();
        assertThat(supplier.path("name").asText()).isEqualTo("Kyoto Fans Ltd");
        assertThat(supplier.path("contactName").asText()).isEqualTo("Aiko");

        // A raw byte that is not UTF-8, unescaped, is refused the same way; a real U+FFFD typed by someone is text.
        byte[] raw = (body(supplierEdit(), Map.of("contactName", "Ai")) + "\u0000").getBytes(StandardCharsets.UTF_8);
        raw[raw.length - 1] = (byte) 0xE9;
        HttpResponse<String> rawByte = staff.postBytes("/console/suppliers/" + supplierId + "/edit", raw);
        assertThat(rawByte.statusCode()).isEqualTo(400);
        assertThat(rawByte.body()).contains("Currency must be text in UTF-8");
        HttpResponse<String> replacement = staff.postRaw("/console/suppliers/" + supplierId + "/edit",
                body(supplierEdit(), Map.of("contactName", "Ai%EF%BF%BDko")));
        assertThat(replacement.statusCode()).as(replacement.body()).isEqualTo(303);
    }

    @Test
    void a_form_body_sent_as_anything_but_a_form_is_refused_with_415() {
        String page = staff.get("/console/skus/LAMP-1").body();
        String count = "_csrf=" + ConsoleSession.hidden(page, "_csrf") + "&_once=" + ConsoleSession.hidden(page, "_once") + "&counted=7";

        HttpResponse<String> plain = staff.postAs("/console/skus/LAMP-1/count", "text/plain", count);
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("application/x-www-form-urlencoded");
        assertThat(staff.postAs("/console/skus/LAMP-1/count", "application/json", count).statusCode()).isEqualTo(415);
        assertThat(staff.postAs("/console/skus/LAMP-1/count", "application/x-www-form-urlencoded; charset=ISO-8859-1", count).statusCode())
                .as("a console form is UTF-8").isEqualTo(415);
        assertThat(api.client().get("/api/stock/LAMP-1").json().path("onHand").asInt()).isZero();

        HttpResponse<String> multipart = staff.postAs("/console/skus/LAMP-1/count", "multipart/form-data; boundary=XyZ",
                "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + ConsoleSession.hidden(page, "_csrf")
                        + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"_once\"\r\n\r\n" + ConsoleSession.hidden(page, "_once")
                        + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"counted\"\r\n\r\n7\r\n--XyZ--\r\n");
        assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(303);
        assertThat(staff.postAs("/console/skus/LAMP-1/count", "multipart/form-data; boundary=XyZ",
                "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + ConsoleSession.hidden(page, "_csrf")
                        + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nshelf\u0000\r\n--XyZ--\r\n").body())
                .as("a part is held to what a field is").contains("Note must not hold control characters such as NUL");
        assertThat(api.client().get("/api/stock/LAMP-1").json().path("onHand").asInt()).isEqualTo(7);
    }

    @Test
    void a_priority_forms_way_back_stays_in_the_console() {
        long order = api.client().post("/api/orders", "{\"customerEmail\":\"lee@example.com\",\"lines\":[{\"sku\":\"WAIT-1\",\"quantity\":1}]}")
                .json().get("id").asLong();
        String csrf = "_csrf=" + ConsoleSession.hidden(staff.get("/console/backorders").body(), "_csrf");
        String path = "/console/orders/" + order + "/lines/1/priority";

        for (String away : new String[]{"/console/../shop", "/console/%2e%2e/shop", "/console/x/../../api/orders", "/console//evil.example",
                "/console/\\evil.example", "https://evil.example/console/"}) {
            HttpResponse<String> answer = staff.postRaw(path, csrf + "&priority=2&back=" + URLEncoder.encode(away, StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as(away).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(away).hasValue("/console/orders/" + order);
        }
        HttpResponse<String> queue = staff.postRaw(path, csrf + "&priority=4&back=" + URLEncoder.encode("/console/backorders?sku=FAN-1",
                StandardCharsets.UTF_8));
        assertThat(queue.headers().firstValue("Location")).hasValue("/console/backorders?sku=FAN-1");
    }

    private static int linePriority(long order) {
        return api.restock().read(h -> h.createQuery("select priority from order_lines where order_id = :id").bind("id", order)
                .mapTo(Integer.class).one());
    }
}
