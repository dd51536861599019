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
 * Operations staff make products and keep suppliers' terms in the console, not only through the API or a CSV import
 * (found by staff working from the README): the console goes through the API's commands and checks.
 */
class ConsoleCatalogueTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static long supplierId;
    private static long openPurchaseOrder;

    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        supplierId = api.client().post("/api/suppliers", """
                {"name":"Kyoto Fans Ltd","contactName":"Aiko","contactEmail":"aiko@kyoto-fans.example","leadTimeDays":14,
                 "minimumOrder":24,"packSize":6,"currency":"JPY"}""").json().get("id").asLong();
        api.client().post("/api/categories", "{\"code\":\"fans\",\"name\":\"Fans\"}");
        api.client().post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        openPurchaseOrder = api.client().post("/api/purchase-orders", "{\"supplier\":\"Kyoto Fans Ltd\",\"lines\":[{\"sku\":\"FAN-1\","
                + "\"quantity\":48,\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}]}").json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void staff_create_a_product_from_the_products_list_and_the_api_shows_it() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        assertThat(staff.get("/console/products").body()).contains("href=\"/console/products/new\"");
        Map<String, String> form = newProduct(staff, "LAMP-7", "Paper Lamp", "24.50");
        form.put("policy", "always");
        form.put("cap", "30");
        form.put("releaseDate", "2027-03-01");
        form.put("category", "fans");
        form.put("supplierId", Long.toString(supplierId));

        HttpResponse<String> created = staff.post("/console/products", form);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/console/skus/LAMP-7");
        assertThat(staff.get("/console/skus/LAMP-7").body()).contains("Product LAMP-7 created: Paper Lamp, 24.50 GBP, backorders always.");
        JsonNode product = api.client().get("/api/products/LAMP-7").json();
        assertThat(product.get("name").asText()).isEqualTo("Paper Lamp");
        assertThat(product.get("priceMinor").asLong()).isEqualTo(2450);
        assertThat(product.get("currency").asText()).isEqualTo("GBP");
        assertThat(product.get("backorderPolicy").asText()).isEqualTo("always");
        assertThat(product.get("backorderCap").asInt()).isEqualTo(30);
        assertThat(product.get("releaseDate").asText()).isEqualTo("2027-03-01");
        JsonNode listed = api.client().get("/api/products?category=fans").json().get("items");
        assertThat(listed).anySatisfy(row -> {
            assertThat(row.get("sku").asText()).isEqualTo("LAMP-7");
            assertThat(row.get("supplierId").asLong()).isEqualTo(supplierId);
        });
        JsonNode audit = api.client().get("/api/products/LAMP-7/audit").json().get("items");
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("created");
            assertThat(entry.get("changedBy").asText()).isEqualTo("ops (console)");
        });
    }

    /**
     * The form's currency was the first product's by SKU, whatever the rest of the catalogue is priced in (an outside
     * check); Restock has no setting for a shop's currency, so the form offers the one most products have, and says so.
     */
    /** A product's page is /console/skus/{sku}; /console/products/{sku}, where a newcomer looked for it, answered 404. */
    @Test
    void a_products_page_asked_for_under_the_products_list_redirects_to_its_sku_page() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);

        HttpResponse<String> answer = staff.get("/console/products/FAN-1");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).contains("/console/skus/FAN-1");
        assertThat(staff.get("/console/products/new").statusCode()).isEqualTo(200);
    }

    @Test
    void the_new_product_form_offers_the_currency_most_of_the_catalogue_is_priced_in_and_says_so() {
        try (RunningApi fresh = new RunningApi(TestDatabases.targets().get(0))) {
            ConsoleSession staff = ConsoleSession.signedIn(fresh, "ops", PASSWORD);
            String empty = staff.get("/console/products/new").body();
            assertThat(empty).contains("id=\"new-currency\" value=\"\"").contains("No product has a price yet: type the currency's code, such as GBP.");

            fresh.client().post("/api/products", "{\"sku\":\"AAA-1\",\"name\":\"Abacus\",\"priceMinor\":1200,\"currency\":\"JPY\"}");
            fresh.client().post("/api/products", "{\"sku\":\"BELL-1\",\"name\":\"Bell\",\"priceMinor\":500,\"currency\":\"GBP\"}");
            fresh.client().post("/api/products", "{\"sku\":\"CUP-1\",\"name\":\"Cup\",\"priceMinor\":300,\"currency\":\"GBP\"}");
            String page = staff.get("/console/products/new").body();

            assertThat(page).contains("id=\"new-currency\" value=\"GBP\"")
                    .contains("GBP is the currency of 2 of the catalogue's 3 products; type another code to price this one in it.");
        }
    }

    @Test
    void a_duplicate_sku_or_a_bad_price_is_refused_with_a_message_and_nothing_is_created() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        HttpResponse<String> duplicate = staff.post("/console/products", newProduct(staff, "FAN-1", "Another Fan", "5.00"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        // Beside the SKU, in the form's words (the API's "already exists with other details" was shown above the form).
        assertThat(duplicate.body()).contains("<span class=\"field-error\">a product with SKU FAN-1 already exists (SKUs are unique): "
                + "choose another SKU, or change that product on its page</span>").doesNotContain("with other details");
        // The same details as the product on record are refused too: staff filling in a new product did not mean that one.
        HttpResponse<String> same = staff.post("/console/products", newProduct(staff, "FAN-1", "Silk Fan", "12.99"));
        assertThat(same.statusCode()).isEqualTo(409);
        assertThat(same.body()).contains("a product with SKU FAN-1 already exists");
        assertThat(api.client().get("/api/products/FAN-1").json().get("name").asText()).isEqualTo("Silk Fan");

        HttpResponse<String> tooPrecise = staff.post("/console/products", newProduct(staff, "BAD-1", "Odd Price", "12.999"));
        assertThat(tooPrecise.statusCode()).isEqualTo(400);
        assertThat(tooPrecise.body()).contains("at most 2 decimals")
                .as("the refused form comes back as typed").contains("value=\"BAD-1\"").contains("value=\"Odd Price\"").contains("value=\"12.999\"")
                .contains("class=\"field-error\"");
        HttpResponse<String> negative = staff.post("/console/products", newProduct(staff, "BAD-1", "Odd Price", "-3"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("Price must be an amount in GBP from 0 to 100000000.00 with at most 2 decimals, such as 12.99, was '-3'");
        Map<String, String> unknownCurrency = newProduct(staff, "BAD-1", "Odd Price", "3.00");
        unknownCurrency.put("currency", "XYZ");
        HttpResponse<String> currency = staff.post("/console/products", unknownCurrency);
        assertThat(currency.statusCode()).isEqualTo(400);
        assertThat(currency.body()).contains("three-letter ISO 4217 code");
        Map<String, String> noSuchSupplier = newProduct(staff, "BAD-1", "Odd Price", "3.00");
        noSuchSupplier.put("supplierId", "999999");
        assertThat(staff.post("/console/products", noSuchSupplier).body()).contains("no supplier 999999");
        assertThat(api.client().get("/api/products/BAD-1").status()).isEqualTo(404);
    }

    /**
     * The product and supplier forms took "gbp" (made GBP), XXX and XAU (an outside check): a price is in money named
     * by its ISO 4217 code in capitals, the one rule the API holds to ({@link restock.catalog.Currencies}).
     */
    @Test
    void a_currency_in_lower_case_or_one_that_is_not_money_is_refused_on_the_product_and_supplier_forms() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        Map<String, String> said = Map.of(
                "gbp", "Currency must be in capital letters, as ISO 4217 writes it: GBP, was 'gbp'",
                "XXX", "XXX (Unknown Currency) is a code for a precious metal, a unit of account, a test or no currency",
                "XAU", "XAU (Gold) is a code for",
                "XTS", "Currency must be the ISO 4217 code of money a shop prices in, such as GBP, EUR or USD; XTS");
        for (Map.Entry<String, String> currency : said.entrySet()) {
            Map<String, String> product = newProduct(staff, "CUR-1", "Coin Purse", "3.00");
            product.put("currency", currency.getKey());
            HttpResponse<String> refused = staff.post("/console/products", product);
            assertThat(refused.statusCode()).as(currency.getKey()).isEqualTo(400);
            assertThat(refused.body()).as(currency.getKey()).contains(currency.getValue());

            Map<String, String> supplier = supplierForm(staff.get("/console/suppliers/" + supplierId).body());
            supplier.put("currency", currency.getKey());
            HttpResponse<String> supplierRefused = staff.post("/console/suppliers/" + supplierId + "/edit", supplier);
            assertThat(supplierRefused.statusCode()).as(currency.getKey()).isEqualTo(400);
            assertThat(supplierRefused.body()).as(currency.getKey()).contains(currency.getValue());
        }
        assertThat(api.client().get("/api/products/CUR-1").status()).isEqualTo(404);
        assertThat(api.client().get("/api/suppliers/" + supplierId).json().get("currency").asText()).isEqualTo("JPY");
        // Money with no minor units of its own but coins and notes (the CFA franc) is money.
        Map<String, String> francs = newProduct(staff, "CUR-2", "Coin Purse", "300");
        francs.put("currency", "XOF");
        assertThat(staff.post("/console/products", francs).statusCode()).isEqualTo(303);
    }

    /**
     * A product or supplier stored with XXX or XAU before today's currency rule could not be read (the rule was checked
     * on read; the database takes any three capitals), and an obsolete code such as DEM was taken as money. What was
     * stored is read and shown; an edit that keeps it is refused with what to do; a code no longer in use is refused.
     */
    @Test
    void a_currency_stored_before_the_rule_is_read_and_shown_and_refused_only_when_edited() {
        api.client().post("/api/products", "{\"sku\":\"OLD-1\",\"name\":\"Old Purse\",\"priceMinor\":300,\"currency\":\"GBP\"}");
        long gold = api.client().post("/api/suppliers", "{\"name\":\"Gold Traders\",\"currency\":\"GBP\"}").json().get("id").asLong();
        api.restock().inTransaction(h -> {
            h.execute("update products set currency = 'XXX' where sku = 'OLD-1'");
            return h.execute("update suppliers set currency = 'XAU' where id = ?", gold);
        });

        var product = api.client().get("/api/products/OLD-1");
        assertThat(product.status()).as(product.responseBody()).isEqualTo(200);
        assertThat(product.json().get("currency").asText()).isEqualTo("XXX");
        var supplier = api.client().get("/api/suppliers/" + gold);
        assertThat(supplier.status()).as(supplier.responseBody()).isEqualTo(200);
        assertThat(supplier.json().get("currency").asText()).isEqualTo("XAU");
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        for (String page : java.util.List.of("/console/skus/OLD-1", "/console/products", "/console/suppliers/" + gold, "/console/suppliers")) {
            HttpResponse<String> shown = staff.get(page);
            assertThat(shown.statusCode()).as(page + ": " + shown.body()).isEqualTo(200);
        }
        assertThat(staff.get("/console/skus/OLD-1").body()).contains("300 XXX");

        var kept = api.client().patch("/api/products/OLD-1", "{\"name\":\"Old Purse, red\"}");
        assertThat(kept.status()).isEqualTo(400);
        assertThat(kept.responseBody()).contains("the currency stored for product OLD-1, XXX, is not money a shop prices in today")
                .contains("PATCH /api/products/OLD-1");
        HttpResponse<String> keptInTheConsole = staff.post("/console/skus/OLD-1/edit", new java.util.LinkedHashMap<>(Map.of(
                "_csrf", ConsoleSession.hidden(staff.get("/console/skus/OLD-1").body(), "_csrf"), "name", "Old Purse, red", "price", "300",
                "policy", "when-supply-confirmed", "cap", "", "releaseDate", "", "category", "", "supplierId", "")));
        assertThat(keptInTheConsole.statusCode()).isEqualTo(400);
        assertThat(keptInTheConsole.body()).contains("The product was not saved: the currency stored for product OLD-1, XXX").contains("form keeps the one stored");
        assertThat(api.client().patch("/api/products/OLD-1", "{\"name\":\"Old Purse, red\",\"currency\":\"GBP\"}").status()).isEqualTo(200);
        var supplierKept = api.client().patch("/api/suppliers/" + gold, "{\"leadTimeDays\":9}");
        assertThat(supplierKept.status()).isEqualTo(400);
        assertThat(supplierKept.responseBody()).contains("the currency stored for supplier " + gold + ", XAU");

        var obsolete = api.client().post("/api/products", "{\"sku\":\"DEM-1\",\"name\":\"Mark Purse\",\"priceMinor\":300,\"currency\":\"DEM\"}");
        assertThat(obsolete.status()).isEqualTo(400);
        assertThat(obsolete.responseBody()).contains("DEM (German Mark) is no longer in use");
    }

    /**
     * A price in scientific notation ("1e3") saved 1000.00 GBP, from the new product form and the edit form alike, while
     * the field asks for an amount such as 12.99 (an outside check): only plain decimal amounts are taken.
     */
    @Test
    void a_price_that_is_not_a_plain_decimal_amount_is_refused_on_both_product_forms() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        for (String price : java.util.List.of("1e3", "1E+2", "+5", ".5", "12.", "0x10")) {
            HttpResponse<String> created = staff.post("/console/products", newProduct(staff, "SCI-1", "Scientific Lamp", price));
            assertThat(created.statusCode()).as("new product at '%s'", price).isEqualTo(400);
            assertThat(created.body()).contains("such as 12.99").contains("value=\"" + price + "\"");

            HttpResponse<String> edited = staff.post("/console/skus/FAN-1/edit", productEdit(staff, "FAN-1", price));
            assertThat(edited.statusCode()).as("edit at '%s'", price).isEqualTo(400);
            assertThat(edited.body()).contains("such as 12.99");
        }
        assertThat(api.client().get("/api/products/SCI-1").status()).isEqualTo(404);
        assertThat(api.client().get("/api/products/FAN-1").json().get("priceMinor").asLong()).isEqualTo(1299);
        assertThat(staff.post("/console/products", newProduct(staff, "SCI-2", "Plain Lamp", "1000")).statusCode()).isEqualTo(303);
        assertThat(api.client().get("/api/products/SCI-2").json().get("priceMinor").asLong()).isEqualTo(100000);
    }

    /**
     * The audit trail showed prices in minor units ("price (minor units) 150 → 100000") while the form takes major units
     * (an outside check): each price is shown as the form shows it, in the currency it was in then.
     */
    @Test
    void the_audit_trail_shows_prices_as_the_form_does_in_the_currency_they_were_in() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        api.client().post("/api/products", "{\"sku\":\"AUD-1\",\"name\":\"Audit Lamp\",\"priceMinor\":150,\"currency\":\"GBP\"}");
        assertThat(staff.post("/console/skus/AUD-1/edit", productEdit(staff, "AUD-1", "1000")).statusCode()).isEqualTo(303);
        api.client().patch("/api/products/AUD-1", "{\"priceMinor\":1300,\"currency\":\"JPY\"}");
        assertThat(staff.post("/console/skus/AUD-1/edit", productEdit(staff, "AUD-1", "1400")).statusCode()).isEqualTo(303);

        String page = staff.get("/console/skus/AUD-1").body();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td data-label=\"What changed\">([^<]*)</td>")
                .matcher(page.substring(page.indexOf("id=\"audit\"")));
        java.util.List<String> changes = new java.util.ArrayList<>();
        while (cell.find()) {
            changes.add(cell.group(1));
        }

        assertThat(changes).hasSize(4);
        assertThat(changes.get(0)).isEqualTo("price 1300 JPY → 1400 JPY");
        assertThat(changes.get(1)).isEqualTo("currency GBP → JPY; price 1000.00 GBP → 1300 JPY");
        assertThat(changes.get(2)).isEqualTo("price 1.50 GBP → 1000.00 GBP");
        assertThat(changes.get(3)).startsWith("created with ").contains("name Audit Lamp").contains("price 1.50 GBP").doesNotContain("(none)");
        assertThat(page).doesNotContain("minor units");
    }

    /**
     * A newcomer read "supplier (id) (none) → 3", "discontinued (none) → false" and "category (none) → gifts" in the trail,
     * while the form's lists show names: the trail names the supplier and the category as the lists do, says what a
     * product was created with in words, and a flag as yes or no. A backorder policy is in the words the form offers it
     * ("when supply is confirmed", not the code "when-supply-confirmed").
     */
    @Test
    void the_audit_trail_names_suppliers_and_categories_and_says_what_a_product_was_created_with() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        api.client().post("/api/products", "{\"sku\":\"AUD-2\",\"name\":\"Audit Fan\",\"priceMinor\":250,\"currency\":\"GBP\"}");
        api.client().patch("/api/products/AUD-2", "{\"category\":\"fans\",\"supplierId\":" + supplierId + "}");
        api.client().patch("/api/products/AUD-2", "{\"backorderPolicy\":\"always\"}");

        String page = staff.get("/console/skus/AUD-2").body();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td data-label=\"What changed\">([^<]*)</td>")
                .matcher(page.substring(page.indexOf("id=\"audit\"")));
        java.util.List<String> changes = new java.util.ArrayList<>();
        while (cell.find()) {
            changes.add(cell.group(1));
        }

        assertThat(changes).containsExactly("backorders when supply is confirmed → always", "category (none) → Fans; supplier (none) → Kyoto Fans Ltd",
                "created with name Audit Fan, price 2.50 GBP, discontinued no, backorders when supply is confirmed");
    }

    /**
     * Two people edit one product: the page opened before the other saved used to save over their change, undoing it
     * without a word (an outside check). It is refused with that change named, and saved once sent from the page as it is now.
     */
    @Test
    void an_edit_from_a_page_opened_before_someone_else_saved_is_refused_with_their_change() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        api.client().post("/api/products", "{\"sku\":\"RACE-1\",\"name\":\"Race Lamp\",\"priceMinor\":1000,\"currency\":\"GBP\"}");
        Map<String, String> opened = productEdit(staff, "RACE-1", "12.00");
        assertThat(api.client().patch("/api/products/RACE-1", "{\"name\":\"Race Lamp, Blue\"}").status()).isEqualTo(200);

        HttpResponse<String> refused = staff.post("/console/skus/RACE-1/edit", opened);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("someone saved this product after you opened this page")
                .contains("name Race Lamp → Race Lamp, Blue").contains("Nothing was saved").contains("You had sent: Name 'Race Lamp', Price '12.00'");
        assertThat(ConsoleSession.hidden(refused.body(), "version")).as("the form is the product as it is now")
                .isNotEqualTo(opened.get("version"));
        assertThat(refused.body()).as("not the old name as typed: sent again, it would undo the other change")
                .contains("value=\"Race Lamp, Blue\"").doesNotContain("value=\"Race Lamp\"");
        JsonNode now = api.client().get("/api/products/RACE-1").json();
        assertThat(now.get("name").asText()).as("their change stands").isEqualTo("Race Lamp, Blue");
        assertThat(now.get("priceMinor").asLong()).as("the stale form did nothing").isEqualTo(1000);

        Map<String, String> tampered = new LinkedHashMap<>(productEdit(staff, "RACE-1", "12.00"));
        tampered.put("version", "zzzz");
        HttpResponse<String> garbled = staff.post("/console/skus/RACE-1/edit", tampered);
        assertThat(garbled.statusCode()).as("a version the page could not have shown is not told as someone else's save").isEqualTo(400);
        assertThat(garbled.body()).contains("reload the page").doesNotContain("someone saved");

        assertThat(staff.post("/console/skus/RACE-1/edit", productEdit(staff, "RACE-1", "12.00")).statusCode()).isEqualTo(303);
        JsonNode saved = api.client().get("/api/products/RACE-1").json();
        assertThat(saved.get("priceMinor").asLong()).isEqualTo(1200);
        assertThat(saved.get("name").asText()).isEqualTo("Race Lamp, Blue");
    }

    @Test
    void a_new_product_form_sent_twice_creates_one_product() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        Map<String, String> form = newProduct(staff, "TWICE-1", "Twice Sent Vase", "9.00");

        HttpResponse<String> first = staff.post("/console/products", form);
        HttpResponse<String> second = staff.post("/console/products", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(api.client().get("/api/products/TWICE-1/audit").json().get("items")).hasSize(1);
        // The same page's key with other values is refused, and the product stays as the first send made it.
        form.put("price", "9.50");
        assertThat(staff.post("/console/products", form).statusCode()).isEqualTo(409);
        assertThat(api.client().get("/api/products/TWICE-1").json().get("priceMinor").asLong()).isEqualTo(900);
    }

    @Test
    void a_suppliers_lead_time_edited_on_its_page_shows_there_and_through_the_api() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        String href = "href=\"/console/suppliers/" + supplierId + "\"";
        assertThat(staff.get("/console/suppliers").body()).as("the suppliers list links to the page").contains(href);
        assertThat(staff.get("/console/purchase-orders").body()).as("so does the purchase orders list").contains(href);
        assertThat(staff.get("/console/purchase-orders/" + openPurchaseOrder).body()).as("and the purchase order").contains(href);
        String page = staff.get("/console/suppliers/" + supplierId).body();
        assertThat(page).contains("Kyoto Fans Ltd").contains("<span id=\"lead-time\">14 days</span>").contains("aiko@kyoto-fans.example")
                .contains("href=\"/console/purchase-orders/" + openPurchaseOrder + "\"");
        Map<String, String> form = supplierForm(page);
        form.put("leadTimeDays", "21");

        HttpResponse<String> saved = staff.post("/console/suppliers/" + supplierId + "/edit", form);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String after = staff.get("/console/suppliers/" + supplierId).body();
        assertThat(after).contains("Supplier Kyoto Fans Ltd saved: lead time 21 days, minimum order 24 units, packs of 6.")
                .contains("<span id=\"lead-time\">21 days</span>").contains("lead time (days) 14 → 21").contains("ops (console)");
        JsonNode supplier = api.client().get("/api/suppliers/" + supplierId).json();
        assertThat(supplier.get("leadTimeDays").asInt()).isEqualTo(21);
        assertThat(supplier.get("minimumOrder").asInt()).isEqualTo(24);
        assertThat(supplier.get("contactEmail").asText()).isEqualTo("aiko@kyoto-fans.example");

        // A lead time out of range is refused with the supplier's own rule, and nothing changes (the form as the page
        // shows it after the save: the one sent before holds the version before it).
        Map<String, String> again = supplierForm(after);
        again.put("leadTimeDays", "0");
        HttpResponse<String> refused = staff.post("/console/suppliers/" + supplierId + "/edit", again);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Lead time (days) must be a whole number of days from 1 to 365, was '0'").doesNotContain("leadTimeDays must")
                .as("the refused form comes back as typed").contains("id=\"supplier-lead-time\"").contains("value=\"0\"")
                .contains("class=\"field-error\"");
        assertThat(api.client().get("/api/suppliers/" + supplierId).json().get("leadTimeDays").asInt()).isEqualTo(21);
        assertThat(staff.get("/console/suppliers/999999").statusCode()).isEqualTo(404);

        // Several wrong at once are all said at once, each beside its field (one per send had staff send it again for each).
        again.put("packSize", "half");
        String both = staff.post("/console/suppliers/" + supplierId + "/edit", again).body();
        assertThat(both).contains("Lead time (days) must be a whole number of days from 1 to 365, was '0'").contains("value=\"half\"")
                .contains("The supplier was not saved: see Lead time (days) and Pack size below.");
        assertThat(both.split("class=\"field-error\"", -1)).hasSize(3);
    }

    /**
     * Two people edit one supplier: a save from a page opened before the other's cleared the phone number they had just
     * saved (audit "phone 0117 496 0000 → (none)", a newcomer's demo). It is refused as the product form refuses it, with
     * their change named and what was typed listed, and saved once sent from the page as it is now.
     */
    @Test
    void a_supplier_edit_from_a_page_opened_before_someone_else_saved_is_refused_with_their_change() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        long id = api.client().post("/api/suppliers", "{\"name\":\"Race Supplies Ltd\",\"leadTimeDays\":14}").json().get("id").asLong();
        Map<String, String> opened = supplierForm(staff.get("/console/suppliers/" + id).body());
        assertThat(opened).containsKey("version");
        assertThat(api.client().patch("/api/suppliers/" + id, "{\"phone\":\"0117 496 0000\"}").status()).isEqualTo(200);
        opened.put("leadTimeDays", "15");

        HttpResponse<String> refused = staff.post("/console/suppliers/" + id + "/edit", opened);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("someone saved this supplier after you opened this page")
                .contains("phone (none) → 0117 496 0000").contains("Nothing was saved")
                .contains("You had sent: Name 'Race Supplies Ltd', Lead time (days) '15'");
        assertThat(ConsoleSession.hidden(refused.body(), "version")).as("the form is the supplier as it is now")
                .isNotEqualTo(opened.get("version"));
        assertThat(refused.body()).as("the phone as it is now, not the blank typed").contains("value=\"0117 496 0000\"");
        JsonNode now = api.client().get("/api/suppliers/" + id).json();
        assertThat(now.get("phone").asText()).as("their change stands").isEqualTo("0117 496 0000");
        assertThat(now.get("leadTimeDays").asInt()).as("the stale form did nothing").isEqualTo(14);

        Map<String, String> tampered = supplierForm(staff.get("/console/suppliers/" + id).body());
        tampered.put("version", "zzzz");
        HttpResponse<String> garbled = staff.post("/console/suppliers/" + id + "/edit", tampered);
        assertThat(garbled.statusCode()).as("a version the page could not have shown is not told as someone else's save").isEqualTo(400);
        assertThat(garbled.body()).contains("reload the page").doesNotContain("someone saved");

        Map<String, String> fresh = supplierForm(staff.get("/console/suppliers/" + id).body());
        fresh.put("leadTimeDays", "15");
        assertThat(staff.post("/console/suppliers/" + id + "/edit", fresh).statusCode()).isEqualTo(303);
        JsonNode saved = api.client().get("/api/suppliers/" + id).json();
        assertThat(saved.get("leadTimeDays").asInt()).isEqualTo(15);
        assertThat(saved.get("phone").asText()).isEqualTo("0117 496 0000");
    }

    @Test
    void a_form_without_the_sessions_token_is_refused_and_changes_nothing() {
        ConsoleSession staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
        Map<String, String> product = newProduct(staff, "FORGED-1", "Forged Product", "1.00");
        product.remove("_csrf");
        HttpResponse<String> noToken = staff.post("/console/products", product);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("security token did not match");
        product.put("_csrf", "not-the-token");
        assertThat(staff.post("/console/products", product).statusCode()).isEqualTo(403);
        assertThat(api.client().get("/api/products/FORGED-1").status()).isEqualTo(404);

        Map<String, String> supplier = supplierForm(staff.get("/console/suppliers/" + supplierId).body());
        supplier.remove("_csrf");
        supplier.put("name", "Forged Name Ltd");
        assertThat(staff.post("/console/suppliers/" + supplierId + "/edit", supplier).statusCode()).isEqualTo(403);
        assertThat(api.client().get("/api/suppliers/" + supplierId).json().get("name").asText()).isEqualTo("Kyoto Fans Ltd");
    }

    /** The new product form as a fresh page fills it: its token, its one-time key, and the fields given. */
    private static Map<String, String> newProduct(ConsoleSession staff, String sku, String name, String price) {
        String page = staff.get("/console/products/new").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        form.put("sku", sku);
        form.put("name", name);
        form.put("price", price);
        form.put("currency", "GBP");
        form.put("policy", "when-supply-confirmed");
        return form;
    }

    /** A product's edit form as its page fills it in (no category, no supplier), with the price given. */
    private static Map<String, String> productEdit(ConsoleSession staff, String sku, String price) {
        String page = staff.get("/console/skus/" + sku).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("version", ConsoleSession.hidden(page, "version"));
        form.put("name", api.client().get("/api/products/" + sku).json().get("name").asText());
        form.put("price", price);
        form.put("policy", api.client().get("/api/products/" + sku).json().get("backorderPolicy").asText());
        form.put("cap", "");
        form.put("releaseDate", "");
        form.put("category", "");
        form.put("supplierId", "");
        return form;
    }

    /** The supplier form as its page fills it in. */
    private static Map<String, String> supplierForm(String page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        String formHtml = page.substring(page.indexOf("id=\"supplier-form\""));
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("<input[^>]*\\sname=\"(\\w+)\"[^>]*\\svalue=\"([^\"]*)\"").matcher(
                formHtml.substring(0, formHtml.indexOf("</form>")));
        while (field.find()) {
            form.put(field.group(1), field.group(2));
        }
        assertThat(form).containsKeys("name", "contactName", "contactEmail", "leadTimeDays", "minimumOrder", "packSize", "currency");
        return form;
    }
}
