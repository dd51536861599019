package restock.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console form refused for bad input comes back with what the user typed and the error at the field, named as the
 * form labels it (an outside tester lost the whole form and read "lines[0].quantity" and "expectedDate").
 */
class ConsoleFormsTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static ConsoleSession staff;

    @BeforeAll
    static void start() throws Exception {
        api = new RunningApi(TestDatabases.targets().get(0));
        api.client().post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        api.client().post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\"}");
        staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The cell or label holding the input labelled {@code label}: the input, its value and any error after it. */
    private static String fieldAt(String page, String label) {
        int at = page.indexOf("aria-label=\"" + label + "\"");
        int start = at < 0 ? -1 : page.lastIndexOf("<td", at);
        if (at < 0) {
            start = page.indexOf("<label>" + label + " ");
        }
        assertThat(start).as("a field labelled '" + label + "' on the page:%n%s", page).isPositive();
        int end = page.indexOf(at < 0 ? "</label>" : "</td>", start);
        return page.substring(start, end);
    }

    private static Map<String, String> purchaseOrderForm(String page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        return form;
    }

    private static long purchaseOrders() {
        return api.restock().read(h -> h.createQuery("select count(*) from purchase_orders").mapTo(Long.class).one());
    }

    @Test
    void a_refused_purchase_order_comes_back_as_typed_with_the_error_at_the_line_it_names() throws Exception {
        long before = purchaseOrders();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        // Two lines typed in the first and third rows: they come back as lines 1 and 2, as the messages count them.
        String blank = staff.get("/console/purchase-orders").body();
        String body = "_csrf=" + ConsoleSession.hidden(blank, "_csrf") + "&_once=" + ConsoleSession.hidden(blank, "_once")
                + "&supplier=Acme+Lighting&new-supplier=yes"
                + "&sku=LAMP-1&quantity=12&expected=" + later
                + "&sku=&quantity=&expected=" + later
                + "&sku=FAN-1&quantity=30&expected=" + yesterday;
        HttpResponse<String> answer = staff.postRaw("/console/purchase-orders", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.body();
        assertThat(page).contains("value=\"Acme Lighting\"").contains("name=\"new-supplier\" value=\"yes\" checked");
        assertThat(fieldAt(page, "SKU of line 1")).contains("value=\"LAMP-1\"");
        assertThat(fieldAt(page, "Units of line 1")).contains("value=\"12\"");
        assertThat(fieldAt(page, "SKU of line 2")).contains("value=\"FAN-1\"");
        assertThat(fieldAt(page, "Units of line 2")).contains("value=\"30\"");
        assertThat(fieldAt(page, "Expected date of line 2")).contains("value=\"" + yesterday + "\"")
                .contains("class=\"field-error\"").contains("Expected date of line 2 is " + yesterday + ", before today");
        assertThat(fieldAt(page, "Expected date of line 1")).doesNotContain("field-error");
        assertThat(fieldAt(page, "SKU of line 3")).contains("value=\"\"");
        // Said once, beside the field; above the form, where to look.
        assertThat(page).contains("The purchase order was not created: see Expected date of line 2 below.");
        assertThat(page.split("before today", -1)).as("the refusal is said once").hasSize(2);
        assertThat(page).doesNotContain("expectedDate").doesNotContain("lines[");
        assertThat(purchaseOrders()).isEqualTo(before);

        Map<String, String> form = purchaseOrderForm(page);
        form.put("supplier", "Acme Lighting");
        form.put("sku", "LAMP-1");
        form.put("quantity", "-3");
        form.put("expected", later.toString());
        String units = staff.post("/console/purchase-orders", form).body();
        assertThat(fieldAt(units, "Units of line 1")).contains("value=\"-3\"")
                .contains("Units of line 1 must be a whole number of units from 1 to 1,000,000, was '-3'");
        assertThat(units).as("the box was not ticked this time").doesNotContain("value=\"yes\" checked");
        assertThat(purchaseOrders()).isEqualTo(before);
    }

    @Test
    void a_refused_supplier_name_is_shown_at_the_supplier_field() throws Exception {
        Map<String, String> form = purchaseOrderForm(staff.get("/console/purchase-orders").body());
        form.put("supplier", "Nobody Ltd");
        form.put("sku", "LAMP-1");
        form.put("quantity", "5");
        form.put("expected", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());
        HttpResponse<String> answer = staff.post("/console/purchase-orders", form);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(fieldAt(answer.body(), "Supplier")).contains("value=\"Nobody Ltd\"").contains("no supplier 'Nobody Ltd'");
        assertThat(fieldAt(answer.body(), "Units of line 1")).contains("value=\"5\"");
    }

    /** It said "unknown sku 'NOPE' in line 1", a developer's words. */
    @Test
    void an_unknown_sku_on_a_purchase_order_is_named_in_staff_words_beside_its_line() throws Exception {
        Map<String, String> form = purchaseOrderForm(staff.get("/console/purchase-orders").body());
        form.put("supplier", "Acme Lighting");
        form.put("new-supplier", "yes");
        form.put("sku", "NOPE");
        form.put("quantity", "5");
        form.put("expected", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());

        String page = staff.post("/console/purchase-orders", form).body();

        assertThat(fieldAt(page, "SKU of line 1")).contains("No product with SKU 'NOPE' (line 1); create the product first");
        assertThat(page).doesNotContain("unknown sku");
    }

    @Test
    void an_unknown_supplier_is_refused_once_beside_its_field_in_the_forms_words() throws Exception {
        Map<String, String> form = purchaseOrderForm(staff.get("/console/purchase-orders").body());
        form.put("supplier", "Nobody Ltd");
        form.put("sku", "LAMP-1");
        form.put("quantity", "5");
        form.put("expected", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());

        String page = staff.post("/console/purchase-orders", form).body();

        assertThat(page.split("no supplier 'Nobody Ltd'", -1)).as("said once:%n%s", page).hasSize(2);
        assertThat(fieldAt(page, "Supplier")).contains("<span class=\"field-error\">no supplier 'Nobody Ltd'. Choose one of the suppliers on record "
                + "from the list, or tick 'New supplier (add it with this order)' to add this one with the order.</span>");
        assertThat(page).contains("The purchase order was not created: see Supplier below.")
                .doesNotContain("/api/suppliers").doesNotContain("newSupplier").doesNotContain("import --new-suppliers");
        // The API keeps its own way on.
        var viaApi = api.client().post("/api/purchase-orders", "{\"supplier\":\"Nobody Ltd\",\"lines\":[{\"sku\":\"LAMP-1\","
                + "\"quantity\":5,\"expectedDate\":\"" + form.get("expected") + "\"}]}");
        assertThat(viaApi.responseBody()).contains("no supplier 'Nobody Ltd'. A purchase order names an existing supplier")
                .contains("POST /api/suppliers");
    }

    @Test
    void every_wrong_field_of_a_purchase_order_is_shown_at_once_beside_it_as_typed() throws Exception {
        long before = purchaseOrders();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        String blank = staff.get("/console/purchase-orders").body();
        String body = "_csrf=" + ConsoleSession.hidden(blank, "_csrf") + "&_once=" + ConsoleSession.hidden(blank, "_once")
                + "&supplier="
                + "&sku=LAMP-1&quantity=lots&expected=" + later
                + "&sku=FAN-1&quantity=4&expected=" + yesterday
                + "&sku=FAN-1&quantity=6&expected=" + later;

        HttpResponse<String> answer = staff.postRaw("/console/purchase-orders", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.body();
        assertThat(fieldAt(page, "Supplier")).contains("<span class=\"field-error\">Supplier is required</span>");
        assertThat(fieldAt(page, "Units of line 1")).contains("value=\"lots\"").contains("<span class=\"field-error\">Units of line 1 must be");
        assertThat(fieldAt(page, "Expected date of line 2")).contains("value=\"" + yesterday + "\"")
                .contains("<span class=\"field-error\">Expected date of line 2 is " + yesterday + ", before today");
        assertThat(fieldAt(page, "Units of line 3")).contains("value=\"6\"").doesNotContain("field-error");
        assertThat(page).contains("The purchase order was not created: see Supplier, Units of line 1 and Expected date of line 2 below.");
        assertThat(purchaseOrders()).isEqualTo(before);
    }

    @Test
    void every_wrong_field_of_a_new_product_is_shown_at_once_beside_it_as_typed() throws Exception {
        String blank = staff.get("/console/products/new").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(blank, "_csrf"));
        form.put("_once", ConsoleSession.hidden(blank, "_once"));
        form.put("sku", "KITE-9");
        form.put("name", "");
        form.put("price", "twelve");
        form.put("currency", "GBP");
        form.put("policy", "never");
        form.put("cap", "40");
        form.put("releaseDate", "soon");
        form.put("category", "");
        form.put("supplierId", "");

        HttpResponse<String> answer = staff.post("/console/products", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.body();
        assertThat(fieldAt(page, "SKU")).contains("value=\"KITE-9\"").doesNotContain("field-error");
        assertThat(fieldAt(page, "Name")).contains("<span class=\"field-error\">the name is required</span>");
        assertThat(fieldAt(page, "Price")).contains("value=\"twelve\"").contains("class=\"field-error\"");
        assertThat(fieldAt(page, "Cap on waiting units")).contains("value=\"40\"").contains("class=\"field-error\"");
        assertThat(fieldAt(page, "Release date")).contains("value=\"soon\"").contains("<span class=\"field-error\">the release date is a day");
        assertThat(page).contains("The product was not created: see Name, Price, Cap on waiting units and Release date below.");
        assertThat(api.client().get("/api/products/KITE-9").status()).isEqualTo(404);
    }

    @Test
    void a_supplier_gone_from_a_product_forms_list_is_refused_in_the_forms_words() throws Exception {
        String blank = staff.get("/console/products/new").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(blank, "_csrf"));
        form.put("_once", ConsoleSession.hidden(blank, "_once"));
        form.put("sku", "KITE-8");
        form.put("name", "Box Kite");
        form.put("price", "12.00");
        form.put("currency", "GBP");
        form.put("policy", "never");
        form.put("cap", "");
        form.put("releaseDate", "");
        form.put("category", "");
        form.put("supplierId", "987654");

        String page = staff.post("/console/products", form).body();

        assertThat(fieldAt(page, "Supplier")).contains("<span class=\"field-error\">no supplier 987654: choose one from the list, which shows those on record now</span>");
        assertThat(page).doesNotContain("/api/suppliers").doesNotContain("supplierId must").contains("The product was not created: see Supplier below.");
    }

    @Test
    void a_refused_product_edit_keeps_what_was_typed_and_names_the_field_as_the_form_does() throws Exception {
        String page = staff.get("/console/skus/LAMP-1").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("name", "Brass Lamp, large");
        form.put("price", "100000001");
        form.put("policy", "always");
        form.put("cap", "40");
        form.put("releaseDate", "");
        form.put("category", "");
        form.put("supplierId", "");

        HttpResponse<String> answer = staff.post("/console/skus/LAMP-1/edit", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String refused = answer.body();
        assertThat(fieldAt(refused, "Name")).contains("value=\"Brass Lamp, large\"").doesNotContain("field-error");
        assertThat(fieldAt(refused, "Price")).contains("value=\"100000001\"").contains("class=\"field-error\"");
        assertThat(fieldAt(refused, "Cap on waiting units")).contains("value=\"40\"");
        assertThat(refused).contains("<option value=\"always\" selected>").doesNotContain("priceMinor");
        assertThat(api.client().get("/api/products/LAMP-1").json().path("name").asText()).isEqualTo("Brass Lamp");

        form.put("price", "12.999");
        form.put("cap", "lots");
        String cap = staff.post("/console/skus/LAMP-1/edit", form).body();
        assertThat(fieldAt(cap, "Price")).contains("value=\"12.999\"").contains("at most 2 decimals");
    }

    /** A plan with one suggestion: a product of a supplier on record with ten units waiting and none in stock or on order. */
    private static void planWithASuggestionFor(String sku, String supplier) {
        long supplierId = api.client().post("/api/suppliers", "{\"name\":\"" + supplier + "\"}").json().get("id").asLong();
        api.client().post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Paper Kite\",\"priceMinor\":725,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        api.client().patch("/api/products/" + sku, "{\"supplierId\":" + supplierId + "}");
        api.client().post("/api/orders", "{\"customerEmail\":\"kim@example.com\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":10}]}");
        new restock.service.PlanningQueries(api.restock()).runAndStore(0.95, restock.service.PlanCsv::write);
    }

    /** The planning page's section of one supplier: its heading to the end of its form. */
    private static String section(String page, String supplier) {
        int start = page.indexOf("<h2>" + supplier + "</h2>");
        assertThat(start).as("a section for " + supplier + " on the page:%n%s", page).isPositive();
        return page.substring(start, page.indexOf("</form>", start));
    }

    @Test
    void a_refused_planning_suggestion_comes_back_as_typed_with_the_error_at_its_field() throws Exception {
        long before = purchaseOrders();
        planWithASuggestionFor("KITE-1", "Nara Paper Co.");
        String page = staff.get("/console/planning").body();
        assertThat(section(page, "Nara Paper Co.")).contains("name=\"quantity-KITE-1\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", "planning-" + System.nanoTime());
        form.put("section", "Nara Paper Co.");
        form.put("supplier", "Nara Paper Co.");
        form.put("sku", "KITE-1");
        form.put("quantity-KITE-1", "a dozen");
        form.put("expected", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());

        HttpResponse<String> answer = staff.post("/console/planning/purchase-orders", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String refused = section(answer.body(), "Nara Paper Co.");
        assertThat(refused).contains("role=\"alert\" tabindex=\"-1\" autofocus>The purchase order was not created: see Units of KITE-1 below.")
                .contains("name=\"quantity-KITE-1\" value=\"a dozen\"")
                .contains("<span class=\"field-error\">Units of KITE-1 must be a whole number of units from 1 to 1,000,000, was 'a dozen'</span>")
                .contains("name=\"expected\" value=\"" + form.get("expected") + "\"")
                .doesNotContain("quantity-KITE-1 must");
        assertThat(purchaseOrders()).isEqualTo(before);

        // A date the purchase order command refuses (lines[0].expectedDate) is shown at the form's one date.
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        form.put("quantity-KITE-1", "12");
        form.put("expected", yesterday.toString());
        String late = section(staff.post("/console/planning/purchase-orders", form).body(), "Nara Paper Co.");
        assertThat(late).contains("name=\"quantity-KITE-1\" value=\"12\"")
                .contains("name=\"expected\" value=\"" + yesterday + "\"> <span class=\"field-error\">Expected date is " + yesterday + ", before today")
                .doesNotContain("lines[").doesNotContain("expectedDate");

        // Nothing ticked: the box comes back unticked, and the reason says what to do.
        form.remove("sku");
        form.put("expected", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
        String none = section(staff.post("/console/planning/purchase-orders", form).body(), "Nara Paper Co.");
        assertThat(none).contains("tick at least one suggestion to order").contains("name=\"sku\" value=\"KITE-1\"")
                .doesNotContain("value=\"KITE-1\" checked");
        assertThat(purchaseOrders()).isEqualTo(before);
    }

    /** The planning form's date left blank was refused as no date: it is expected after the supplier's lead time, as the new purchase order form's. */
    @Test
    void a_planning_suggestion_ordered_with_the_date_left_blank_is_expected_after_the_suppliers_lead_time() throws Exception {
        planWithASuggestionFor("GONG-1", "Tosa Gongs");
        long supplierId = api.restock().read(h -> h.createQuery("select id from suppliers where name = 'Tosa Gongs'").mapTo(Long.class).one());
        assertThat(api.client().patch("/api/suppliers/" + supplierId, "{\"leadTimeDays\":35}").status()).isEqualTo(200);
        String page = staff.get("/console/planning").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", "planning-" + System.nanoTime());
        form.put("section", "Tosa Gongs");
        form.put("supplier", "Tosa Gongs");
        form.put("sku", "GONG-1");
        form.put("quantity-GONG-1", "10");
        form.put("expected", "");

        HttpResponse<String> answer = staff.post("/console/planning/purchase-orders", form);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        String location = answer.headers().firstValue("location").orElseThrow();
        JsonNode order = api.client().get("/api/purchase-orders/" + location.substring(location.lastIndexOf('/') + 1)).json();
        assertThat(order.path("lines").get(0).path("expectedDate").asText()).isEqualTo(api.restock().books().today().plusDays(35).toString());
    }

    @Test
    void a_refused_receipt_comes_back_as_typed_with_the_error_at_its_line_and_nothing_received() throws Exception {
        long id = api.client().post("/api/purchase-orders", "{\"supplier\":\"Lamp Works\",\"newSupplier\":true,\"lines\":["
                + "{\"sku\":\"LAMP-1\",\"quantity\":10,\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(5) + "\"},"
                + "{\"sku\":\"FAN-1\",\"quantity\":4,\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(5) + "\"}]}")
                .json().get("id").asLong();
        String page = staff.get("/console/purchase-orders/" + id).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        form.put("received-1", "3");
        form.put("received-2", "two");

        HttpResponse<String> answer = staff.post("/console/purchase-orders/" + id + "/receive", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String refused = answer.body();
        assertThat(refused).contains("role=\"alert\" tabindex=\"-1\" autofocus>Nothing was received: see Units arriving on line 2 below.");
        assertThat(fieldAt(refused, "Units arriving on line 1")).contains("value=\"3\"").doesNotContain("field-error");
        assertThat(fieldAt(refused, "Units arriving on line 2")).contains("value=\"two\"")
                .contains("<span class=\"field-error\">Units arriving on line 2 must be a whole number of units from 0 to 1,000,000, was 'two'</span>");

        // More than is open is the purchase order's refusal (409): the page says it, with what was typed kept.
        form.put("received-2", "5");
        HttpResponse<String> over = staff.post("/console/purchase-orders/" + id + "/receive", form);
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.body()).contains("Nothing was received: purchase order " + id + " has 4 units of FAN-1 still open; cannot receive 5");
        assertThat(fieldAt(over.body(), "Units arriving on line 2")).contains("value=\"5\"");
        assertThat(api.client().get("/api/purchase-orders/" + id).json().path("lines").get(0).path("quantityReceived").asInt()).isZero();
    }

    /**
     * A console form took a field sent twice and used its first value ({@code counted=1&counted=5} counted 1): now such a
     * form is refused, whichever form it is, and nothing changes. Inputs a form repeats on purpose (a purchase order's
     * lines, the ticked suggestions) still may.
     */
    @Test
    void a_form_that_sends_a_field_twice_is_refused_and_changes_nothing() throws Exception {
        String page = staff.get("/console/skus/FAN-1").body();
        String csrf = "_csrf=" + ConsoleSession.hidden(page, "_csrf");
        int onHand = api.client().get("/api/stock/FAN-1").json().path("onHand").asInt();

        HttpResponse<String> count = staff.postRaw("/console/skus/FAN-1/count", csrf + "&counted=1&counted=5&reason=shelf");
        assertThat(count.statusCode()).isEqualTo(400);
        assertThat(count.body()).contains("This form sent the field 'counted' 2 times");
        assertThat(api.client().get("/api/stock/FAN-1").json().path("onHand").asInt()).isEqualTo(onHand);

        HttpResponse<String> edit = staff.postRaw("/console/skus/FAN-1/edit", csrf + "&name=Silk+Fan&name=Paper+Fan&price=9.00"
                + "&policy=never&cap=&releaseDate=&category=&supplierId=");
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(edit.body()).contains("'name' 2 times");
        assertThat(api.client().get("/api/products/FAN-1").json().path("name").asText()).isEqualTo("Silk Fan");

        assertThat(staff.postRaw("/console/skus/FAN-1/count", csrf + "&" + csrf + "&counted=3").statusCode())
                .as("the security token twice, even the same one").isEqualTo(400);
        long before = purchaseOrders();
        String later = LocalDate.now(ZoneOffset.UTC).plusDays(9).toString();
        String form = "_once=" + ConsoleSession.hidden(staff.get("/console/purchase-orders").body(), "_once") + "&" + csrf;
        HttpResponse<String> twoSuppliers = staff.postRaw("/console/purchase-orders", form + "&supplier=Fan+Co&supplier=Other+Co"
                + "&new-supplier=yes&sku=FAN-1&quantity=3&expected=" + later + "&sku=LAMP-1&quantity=2&expected=" + later);
        assertThat(twoSuppliers.statusCode()).isEqualTo(400);
        assertThat(twoSuppliers.body()).contains("'supplier' 2 times");
        assertThat(purchaseOrders()).isEqualTo(before);
        HttpResponse<String> twoLines = staff.postRaw("/console/purchase-orders", form + "&supplier=Fan+Co"
                + "&new-supplier=yes&sku=FAN-1&quantity=3&expected=" + later + "&sku=LAMP-1&quantity=2&expected=" + later);
        assertThat(twoLines.statusCode()).as("a purchase order's lines repeat on purpose: %s", twoLines.body()).isEqualTo(303);
        assertThat(purchaseOrders()).isEqualTo(before + 1);

        ConsoleSession stranger = ConsoleSession.signedOut(api.client().baseUrl());
        String login = "_login=" + ConsoleSession.hidden(stranger.get("/console/login").body(), "_login");
        HttpResponse<String> signIn = stranger.postRaw("/console/login", login + "&username=nobody&username=ops&password="
                + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).contains("'username' 2 times");
        assertThat(stranger.get("/console/overview").statusCode()).as("not signed in").isEqualTo(303);
    }

    /** The error at the field labelled {@code label} when the console refuses {@code form} sent to {@code path}. */
    private static String refusedAt(String path, Map<String, String> form, String label) {
        HttpResponse<String> answer = staff.post(path, form);
        assertThat(answer.statusCode()).as("%s %s refused:%n%s", path, form, answer.body()).isEqualTo(400);
        java.util.regex.Matcher error = java.util.regex.Pattern.compile("<span class=\"field-error\">([^<]*)</span>")
                .matcher(fieldAt(answer.body(), label));
        assertThat(error.find()).as("an error at %s", label).isTrue();
        return error.group(1);
    }

    private static Map<String, String> withToken(String page, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    /**
     * A number past a field's upper limit was told it was not a whole number ("the count must be a whole number of
     * units, 0 or more, was '2147483647'"), a lead time or pack size of 0 that it may be 0, and a JPY price that it may
     * have "0 decimals, such as 12.99" (an outside check): every number field now states its whole rule, limits included,
     * whatever was wrong with the value.
     */
    @Test
    void every_number_field_states_its_whole_rule_with_its_limits() throws Exception {
        String big = "2147483647";
        String sku = staff.get("/console/skus/LAMP-1").body();
        assertThat(refusedAt("/console/skus/LAMP-1/count", withToken(sku, "counted", big), "Counted on the shelf"))
                .isEqualTo("Counted on the shelf must be a whole number of units from 0 to " + Format.count(restock.allocation.SkuBook.MAX_UNITS_ON_HAND)
                        + ", was '" + big + "'");
        Map<String, String> edit = withToken(sku, "name", "Brass Lamp", "price", "9223372036854775807", "policy", "always", "cap", "",
                "releaseDate", "", "category", "", "supplierId", "");
        String price = "Price must be an amount in GBP from 0 to 100000000.00 with at most 2 decimals, such as 12.99, was '";
        assertThat(refusedAt("/console/skus/LAMP-1/edit", edit, "Price")).isEqualTo(price + "9223372036854775807'");
        edit.put("price", "100000000.01");
        assertThat(refusedAt("/console/skus/LAMP-1/edit", edit, "Price")).isEqualTo(price + "100000000.01'");
        edit.put("price", "12.99");
        edit.put("cap", big);
        assertThat(refusedAt("/console/skus/LAMP-1/edit", edit, "Cap on waiting units"))
                .isEqualTo("Cap on waiting units must be a whole number of units from 0 to " + Format.count(restock.catalog.BackorderPolicy.MAX_CAP)
                        + ", was '" + big + "'");

        api.client().post("/api/products", "{\"sku\":\"YEN-1\",\"name\":\"Paper Crane\",\"priceMinor\":1200,\"currency\":\"JPY\"}");
        Map<String, String> yen = withToken(staff.get("/console/skus/YEN-1").body(), "name", "Paper Crane", "price", "12.5",
                "policy", "never", "cap", "", "releaseDate", "", "category", "", "supplierId", "");
        assertThat(refusedAt("/console/skus/YEN-1/edit", yen, "Price"))
                .isEqualTo("Price must be a whole amount in JPY from 0 to 10000000000, such as 1299, was '12.5'");

        long supplierId = api.client().post("/api/suppliers", "{\"name\":\"Rule Check Ltd\"}").json().get("id").asLong();
        String supplierPage = staff.get("/console/suppliers/" + supplierId).body();
        String path = "/console/suppliers/" + supplierId + "/edit";
        for (String days : java.util.List.of("0", big)) {
            assertThat(refusedAt(path, withToken(supplierPage, "name", "Rule Check Ltd", "leadTimeDays", days, "minimumOrder", "0", "packSize", "1"),
                    "Lead time (days)")).isEqualTo("Lead time (days) must be a whole number of days from 1 to "
                    + Format.count(restock.catalog.Supplier.MAX_LEAD_TIME_DAYS) + ", was '" + days + "'");
        }
        assertThat(refusedAt(path, withToken(supplierPage, "name", "Rule Check Ltd", "minimumOrder", big, "packSize", "1"),
                "Minimum order (units)")).isEqualTo("Minimum order (units) must be a whole number of units from 0 to "
                + Format.count(restock.catalog.Supplier.MAX_MINIMUM_ORDER) + ", was '" + big + "'");
        for (String pack : java.util.List.of("0", big)) {
            assertThat(refusedAt(path, withToken(supplierPage, "name", "Rule Check Ltd", "minimumOrder", "0", "packSize", pack), "Pack size"))
                    .isEqualTo("Pack size must be a whole number of units from 1 to " + Format.count(restock.catalog.Supplier.MAX_PACK_SIZE) + ", was '" + pack + "'");
        }

        String units = "must be a whole number of units from 1 to " + Format.count(restock.purchasing.PurchaseOrderRequest.MAX_UNITS_PER_LINE) + ", was '" + big + "'";
        Map<String, String> order = purchaseOrderForm(staff.get("/console/purchase-orders").body());
        order.putAll(Map.of("supplier", "Rule Check Ltd", "sku", "LAMP-1", "quantity", big,
                "expected", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()));
        assertThat(refusedAt("/console/purchase-orders", order, "Units of line 1")).isEqualTo("Units of line 1 " + units);

        long id = api.client().post("/api/purchase-orders", "{\"supplier\":\"Rule Check Ltd\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":10,"
                + "\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(5) + "\"}]}").json().get("id").asLong();
        assertThat(refusedAt("/console/purchase-orders/" + id + "/receive", withToken(staff.get("/console/purchase-orders/" + id).body(),
                "received-1", big), "Units arriving on line 1")).isEqualTo("Units arriving on line 1 must be a whole number of units from 0 to "
                + Format.count(restock.purchasing.PurchaseOrderRequest.MAX_UNITS_PER_LINE) + ", was '" + big + "'");

        planWithASuggestionFor("RULE-1", "Rule Paper Co.");
        Map<String, String> planned = withToken(staff.get("/console/planning").body(), "_once", "rules-" + System.nanoTime(),
                "section", "Rule Paper Co.", "supplier", "Rule Paper Co.", "sku", "RULE-1", "quantity-RULE-1", big,
                "expected", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
        HttpResponse<String> plan = staff.post("/console/planning/purchase-orders", planned);
        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(section(plan.body(), "Rule Paper Co.")).contains("<span class=\"field-error\">Units of RULE-1 " + units + "</span>");
    }

    /**
     * The shop demo's order form said "customerEmail must be an email address" (the API's name for its Email field, an
     * outside check): a refusal there is said in the form's words, as the console's forms say theirs.
     */
    @Test
    void the_shop_demo_says_a_refusal_in_its_forms_words() {
        try (RunningApi shop = RunningApi.withShopDemo(TestDatabases.targets().get(0))) {
            shop.client().post("/api/products", "{\"sku\":\"MUG-1\",\"name\":\"Nutmeg Mug\",\"priceMinor\":650,\"currency\":\"GBP\"}");
            shop.client().post("/api/stock/MUG-1/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}");
            ConsoleSession shopper = ConsoleSession.signedOut(shop.client().baseUrl());
            String page = shopper.get("/shop").body();
            Map<String, String> order = new LinkedHashMap<>(Map.of("_csrf", ConsoleSession.hidden(page, "_csrf"), "sku", "MUG-1",
                    "quantity", "2", "email", "not-an-email", "_once", ConsoleSession.hidden(page, "_once")));

            HttpResponse<String> answer = shopper.post("/shop/orders", order);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("The order was not placed: Email must be an email address").doesNotContain("customerEmail");
            order.put("email", "kim@example.com");
            order.put("quantity", "11");
            assertThat(shopper.post("/shop/orders", order).body())
                    .contains("The order was not placed: Quantity must be a whole number of units from 1 to " + ShopDemo.MAX_QUANTITY + ", was '11'");
            HttpResponse<String> waitlist = shopper.post("/shop/waitlist", Map.of("_csrf", order.get("_csrf"), "sku", "MUG-1",
                    "email", "kim at example", "consent", "yes"));
            assertThat(waitlist.body()).contains("Email must be an email address");
            long orders = shop.restock().read(h -> h.createQuery("select count(*) from orders").mapTo(Long.class).one());
            assertThat(orders).isZero();
        }
    }

    /**
     * The shop demo showed two quantity boxes per product, "How many?" to check and "Quantity" to order, which could say
     * different numbers (a newcomer's finding): a product one can order has one box, and its "Check" asks the answer for
     * that quantity without ordering.
     */
    @Test
    void the_shop_demo_has_one_quantity_box_per_product_that_checks_and_orders() {
        try (RunningApi shop = RunningApi.withShopDemo(TestDatabases.targets().get(0))) {
            shop.client().post("/api/products", "{\"sku\":\"MUG-3\",\"name\":\"Ginger Mug\",\"priceMinor\":650,\"currency\":\"GBP\"}");
            shop.client().post("/api/stock/MUG-3/adjustments", "{\"quantity\":2,\"reason\":\"opening stock\"}");
            ConsoleSession shopper = ConsoleSession.signedOut(shop.client().baseUrl());
            String page = shopper.get("/shop").body();
            String product = page.substring(page.indexOf("id=\"product-MUG-3\""), page.indexOf("</article>", page.indexOf("id=\"product-MUG-3\"")));
            assertThat(product.split("name=\"quantity\"", -1)).as("quantity boxes of the product").hasSize(2);

            HttpResponse<String> checked = shopper.post("/shop/orders", new LinkedHashMap<>(Map.of("_csrf", ConsoleSession.hidden(page, "_csrf"),
                    "sku", "MUG-3", "quantity", "5", "check", "yes", "email", "", "_once", ConsoleSession.hidden(page, "_once"))));

            assertThat(checked.statusCode()).isEqualTo(303);
            String location = checked.headers().firstValue("Location").orElseThrow();
            assertThat(location).isEqualTo("/shop?sku=MUG-3&quantity=5#product-MUG-3");
            assertThat(shopper.get(location.substring(0, location.indexOf('#'))).body()).contains("<span class=\"muted\">For 5:</span>");
            long orders = shop.restock().read(h -> h.createQuery("select count(*) from orders").mapTo(Long.class).one());
            assertThat(orders).as("orders placed by Check").isZero();
        }
    }

    /**
     * The demo's feed, schema.org offers and mails linked every product to shop.example.com, a site that is not the
     * demo's; they link to its shop page with {@code ?sku=}, which shows that product first even when it is not among the
     * few the page picks.
     */
    @Test
    void a_product_link_to_the_shop_demo_shows_that_product_first_and_a_reloaded_answer_the_shop() {
        try (RunningApi shop = RunningApi.withShopDemo(TestDatabases.targets().get(0))) {
            for (String sku : java.util.List.of("CUP-1", "CUP-2", "CUP-3")) {
                shop.client().post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Cup " + sku + "\",\"priceMinor\":650,\"currency\":\"GBP\"}");
                shop.client().post("/api/stock/" + sku + "/adjustments", "{\"quantity\":4,\"reason\":\"opening stock\"}");
            }
            ConsoleSession shopper = ConsoleSession.signedOut(shop.client().baseUrl());
            assertThat(shopper.get("/shop").body()).as("the page shows two in stock").contains("id=\"product-CUP-1\"")
                    .doesNotContain("id=\"product-CUP-3\"");

            String linked = shopper.get("/shop?sku=CUP-3").body();
            assertThat(linked).contains("id=\"product-CUP-3\"");
            assertThat(linked.indexOf("id=\"product-CUP-3\"")).as("the linked product first").isLessThan(linked.indexOf("id=\"product-CUP-1\""));
            // A reload or bookmark of a form's answer (GET /shop/orders) answered the API's 405 in JSON.
            for (String answer : java.util.List.of("/shop/orders", "/shop/waitlist")) {
                HttpResponse<String> reloaded = shopper.get(answer);
                assertThat(reloaded.statusCode()).as(answer).isEqualTo(303);
                assertThat(reloaded.headers().firstValue("Location")).as(answer).contains("/shop");
            }
            for (String query : java.util.List.of("?sku=NO-SUCH", "?sku=%00", "?sku=a%20b&quantity=2", "?sku=CUP-3&quantity=999")) {
                HttpResponse<String> odd = shopper.get("/shop" + query);
                assertThat(odd.statusCode()).as(query).isEqualTo(200);
                assertThat(odd.body()).as(query).contains("id=\"product-CUP-1\"");
            }
        }
    }

    /**
     * The shop demo's thank-you page said "Nothing is charged until it ships" while the order's cancel page then said "If
     * you paid the shop for them already, the shop will refund you": the demo takes no payment through Restock, and the
     * thank-you page now says so in the cancel page's terms, from the same answer ({@code CancelledCharge}).
     */
    @Test
    void the_shop_demos_thank_you_page_says_of_payment_what_its_cancel_page_says() {
        try (RunningApi shop = RunningApi.withShopDemo(TestDatabases.targets().get(0))) {
            shop.client().post("/api/products", "{\"sku\":\"MUG-2\",\"name\":\"Clove Mug\",\"priceMinor\":650,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            ConsoleSession shopper = ConsoleSession.signedOut(shop.client().baseUrl());
            String page = shopper.get("/shop").body();
            HttpResponse<String> placed = shopper.post("/shop/orders", new LinkedHashMap<>(Map.of("_csrf", ConsoleSession.hidden(page, "_csrf"),
                    "sku", "MUG-2", "quantity", "2", "email", "kim@example.com", "_once", ConsoleSession.hidden(page, "_once"))));

            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
            assertThat(placed.body()).contains("<p id=\"charge\">No payment was taken with this order: the shop takes payment its own way, "
                    + "and if you paid the shop for items you cancel, the shop will refund you.</p>").doesNotContain("Nothing is charged");
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"cancel-link\" href=\"([^\"]+)\"").matcher(placed.body());
            assertThat(link.find()).isTrue();
            assertThat(shopper.get(link.group(1)).body()).contains("If you paid the shop for them already, the shop will refund you.");
        }
    }

    @Test
    void a_cap_with_a_policy_other_than_always_is_refused_at_the_cap_field() throws Exception {
        String page = staff.get("/console/skus/LAMP-1").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("name", "Brass Lamp, capped");
        form.put("price", "12.99");
        form.put("policy", "never");
        form.put("cap", "40");
        form.put("releaseDate", "");
        form.put("category", "");
        form.put("supplierId", "");

        HttpResponse<String> edit = staff.post("/console/skus/LAMP-1/edit", form);

        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(fieldAt(edit.body(), "Cap on waiting units")).contains("value=\"40\"")
                .contains("<span class=\"field-error\">Cap on waiting units applies only when Backorders is always, and it is never here");
        assertThat(edit.body()).doesNotContain("backorderCap");
        JsonNode product = api.client().get("/api/products/LAMP-1").json();
        assertThat(product.path("name").asText()).isEqualTo("Brass Lamp");
        assertThat(product.path("backorderPolicy").asText()).isEqualTo("when-supply-confirmed");

        String blank = staff.get("/console/products/new").body();
        Map<String, String> created = new LinkedHashMap<>();
        created.put("_csrf", ConsoleSession.hidden(blank, "_csrf"));
        created.put("_once", ConsoleSession.hidden(blank, "_once"));
        created.put("sku", "CAPPED-1");
        created.put("name", "Capped Lamp");
        created.put("price", "9.00");
        created.put("currency", "GBP");
        created.put("policy", "when-supply-confirmed");
        created.put("cap", "5");
        HttpResponse<String> refused = staff.post("/console/products", created);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldAt(refused.body(), "Cap on waiting units")).contains("value=\"5\"")
                .contains("applies only when Backorders is always, and it is when-supply-confirmed here");
        assertThat(api.client().get("/api/products/CAPPED-1").status()).isEqualTo(404);
    }
}
