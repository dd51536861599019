package restock.web;

import restock.access.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.catalog.Sku;
import restock.service.StaffAccounts;
import restock.support.ConsoleSession;
import restock.support.RunningApi;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may use the console: staff with a session, never the API key; every change carries the session's token. */
class ConsoleSecurityTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static String base;

    @BeforeAll
    static void start() {
        api = RunningApi.withDemoYearLoaded();
        StaffAccounts accounts = new StaffAccounts(api.restock(), api.restock().clock(), PasswordHash.Cost.FOR_TESTS);
        accounts.create("ops", PASSWORD.toCharArray(), "test");
        accounts.create("locked", PASSWORD.toCharArray(), "test");
        base = api.client().baseUrl();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void without_a_session_every_page_sends_the_visitor_to_sign_in_even_with_the_api_key() throws Exception {
        HttpClient client = client();
        for (String path : new String[]{"/console/overview", "/console/orders", "/console/skus/22423/chart.json"}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + RunningApi.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/console/login"));
        }
        long open = openPurchaseOrders().get(0);
        HttpResponse<String> post = post(client, "/console/purchase-orders/" + open + "/close", Map.of(), null);
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(api.restock().read(h -> api.restock().purchasing().find(h, open)).status().code()).isEqualTo("open");
    }

    @Test
    void a_change_without_the_sessions_token_or_from_another_site_is_refused_and_changes_nothing() throws Exception {
        HttpClient client = client();
        signIn(client, "ops", PASSWORD);
        List<Long> open = openPurchaseOrders();
        long po = open.get(open.size() - 1);
        String token = ConsoleSession.hidden(get(client, "/console/purchase-orders/" + po).body(), "_csrf");

        HttpResponse<String> noToken = post(client, "/console/purchase-orders/" + po + "/close", Map.of(), null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("security token did not match");
        HttpResponse<String> wrongToken = post(client, "/console/purchase-orders/" + po + "/close", Map.of("_csrf", token + "x"), null);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> otherSite = post(client, "/console/purchase-orders/" + po + "/close", Map.of("_csrf", token), "https://evil.example");
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(api.restock().read(h -> api.restock().purchasing().find(h, po)).status().code()).isEqualTo("open");

        HttpResponse<String> done = post(client, "/console/purchase-orders/" + po + "/close", Map.of("_csrf", token, "confirm", "yes"), base);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(api.restock().read(h -> api.restock().purchasing().find(h, po)).status().code()).isEqualTo("closed");
    }

    @Test
    void a_sign_in_form_from_elsewhere_is_refused() throws Exception {
        HttpClient client = client();
        HttpResponse<String> answer = post(client, "/console/login", Map.of("username", "ops", "password", PASSWORD), null);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(get(client, "/console/overview").statusCode()).isEqualTo(303);
    }

    @Test
    void five_wrong_passwords_lock_the_user_for_a_while_even_against_the_right_one() throws Exception {
        HttpClient client = client();
        for (int i = 0; i < StaffAccounts.MAX_FAILED_LOGINS; i++) {
            assertThat(signIn(client, "locked", "wrong password " + i).body()).contains("Wrong user name or password");
        }
        HttpResponse<String> right = signIn(client, "locked", PASSWORD);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("locked until");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_signing_out_ends_it() throws Exception {
        HttpClient client = client();
        HttpResponse<String> signedIn = signIn(client, "ops", PASSWORD);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("restock_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/console"));
        HttpResponse<String> overview = get(client, "/console/overview");
        assertThat(overview.statusCode()).isEqualTo(200);
        String token = ConsoleSession.hidden(overview.body(), "_csrf");
        assertThat(post(client, "/console/logout", Map.of("_csrf", token), base).statusCode()).isEqualTo(303);
        assertThat(get(client, "/console/overview").statusCode()).isEqualTo(303);
    }

    @Test
    void bad_input_on_a_form_is_explained_on_a_page_and_changes_nothing() throws Exception {
        HttpClient client = client();
        signIn(client, "ops", PASSWORD);
        String token = ConsoleSession.hidden(get(client, "/console/purchase-orders").body(), "_csrf");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("supplier", "Acme");
        form.put("sku", "22423");
        form.put("quantity", "-3");
        form.put("expected", "2026-12-24");
        var incomingBefore = new restock.service.ConsoleQueries(api.restock()).sku(Sku.of("22423")).incoming();
        HttpResponse<String> answer = post(client, "/console/purchase-orders", form, base);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Units of line 1 must be a whole number of units");
        assertThat(new restock.service.ConsoleQueries(api.restock()).sku(Sku.of("22423")).incoming()).isEqualTo(incomingBefore);
        assertThat(get(client, "/console/orders/999999").body()).contains("Not found");
    }

    @Test
    void a_purchase_order_form_sent_twice_makes_one_purchase_order() throws Exception {
        HttpClient client = client();
        signIn(client, "ops", PASSWORD);
        String page = get(client, "/console/purchase-orders").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        form.put("supplier", "Twice Sent Ltd");
        form.put("new-supplier", "yes");
        form.put("sku", "22423");
        form.put("quantity", "12");
        form.put("expected", "2027-01-15");
        HttpResponse<String> first = post(client, "/console/purchase-orders", form, base);
        HttpResponse<String> second = post(client, "/console/purchase-orders", form, base);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(purchaseOrdersFrom("Twice Sent Ltd")).isEqualTo(1);
        // The same key with other values is refused; a fresh page's key makes a second one.
        form.put("quantity", "13");
        assertThat(post(client, "/console/purchase-orders", form, base).statusCode()).isEqualTo(409);
        form.put("_once", ConsoleSession.hidden(get(client, "/console/purchase-orders").body(), "_once"));
        assertThat(post(client, "/console/purchase-orders", form, base).statusCode()).isEqualTo(303);
        assertThat(purchaseOrdersFrom("Twice Sent Ltd")).isEqualTo(2);
    }

    /** A new user found the planning page's "no supplier yet" group could not be ordered: its form named no supplier. */
    /** An operations check could not see that a supplier had moved a line: the page showed only the moved date. */
    @Test
    void a_purchase_order_line_the_supplier_moved_shows_its_first_confirmed_date() throws Exception {
        Map<String, Object> moved = api.restock().read(h -> h.createQuery("""
                        select purchase_order_id, original_expected_date, expected_date - original_expected_date as days
                        from purchase_order_lines where expected_date > original_expected_date order by id desc limit 1""")
                .mapToMap().one());
        HttpClient client = client();
        signIn(client, "ops", PASSWORD);
        String page = get(client, "/console/purchase-orders/" + moved.get("purchase_order_id")).body();
        int days = ((Number) moved.get("days")).intValue();
        assertThat(page).contains("first confirmed for " + restock.web.Format.day(((java.sql.Date) moved.get("original_expected_date")).toLocalDate())
                + ", moved " + days + (days == 1 ? " day" : " days") + " later");
    }

    @Test
    void suggestions_for_products_without_a_supplier_are_ordered_from_the_supplier_chosen() throws Exception {
        // A product never ordered from anyone, with no supplier on record, that customers wait for.
        restock.catalog.Sku sku = restock.catalog.Sku.of("NOSUP-1");
        api.client().post("/api/products", "{\"sku\":\"NOSUP-1\",\"name\":\"Unsourced Lamp\",\"priceMinor\":900,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        api.client().post("/api/orders", "{\"customerEmail\":\"wait@example.com\",\"lines\":[{\"sku\":\"NOSUP-1\",\"quantity\":10}]}");
        new restock.service.PlanningQueries(api.restock()).runAndStore(0.95, restock.service.PlanCsv::write);
        HttpClient client = client();
        signIn(client, "ops", PASSWORD);

        String page = get(client, "/console/planning").body();

        assertThat(page).contains("These products have no supplier on record").contains("id=\"no-supplier-choice\"")
                .contains("<option value=\"Yiwu Trading Ltd\"></option>");
        // Each supplier's purchase order is expected after the lead time the plan uses, said whence (every one said
        // today + 14 before, also a supplier stating 35 days, an operations check; then the stated 35 while the plan
        // used the 39 its deliveries took, a newcomer's check).
        List<restock.catalog.Supplier> known = api.restock().read(h -> h.createQuery("select id from suppliers").mapTo(Long.class).list()
                .stream().map(id -> api.restock().catalogEdits().supplier(h, id)).toList());
        java.time.LocalDate today = api.restock().books().today();
        String text = page.replaceAll("\\s+", " ");
        int sections = 0;
        for (restock.catalog.Supplier supplier : known) {
            int at = page.indexOf("<h2>" + supplier.name() + "</h2>");
            if (at >= 0) {
                restock.planning.SupplierLeadTime leadTime = api.restock().read(h -> new restock.service.PlanningQueries(api.restock()).leadTime(h, supplier));
                java.util.regex.Matcher value = java.util.regex.Pattern.compile("name=\"expected\" value=\"([0-9-]+)\"").matcher(page.substring(at));
                assertThat(value.find()).isTrue();
                assertThat(value.group(1)).as(supplier.name()).isEqualTo(today.plusDays(leadTime.plannedDays()).toString());
                assertThat(text.substring(text.indexOf("<h2>" + supplier.name() + "</h2>"))).contains("Lead time: " + leadTime.words() + ".");
                sections++;
            }
        }
        assertThat(sections).as("suppliers among the suggestions").isPositive();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", "no-supplier-" + System.nanoTime());
        form.put("supplier", "Yiwu Trading Ltd");
        form.put("sku", sku.code());
        form.put("quantity-" + sku.code(), "24");
        form.put("expected", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString());
        long before = purchaseOrdersFrom("Yiwu Trading Ltd");
        HttpResponse<String> made = post(client, "/console/planning/purchase-orders", form, base);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        assertThat(purchaseOrdersFrom("Yiwu Trading Ltd")).isEqualTo(before + 1);
    }

    /** An outside check saw "In stock" for one unit and then part of an order for five refused: the page can check N. */
    @Test
    void the_shop_demo_answers_for_the_quantity_a_shopper_checks() throws Exception {
        HttpClient client = client();
        String page = get(client, "/shop").body();
        Matcher first = Pattern.compile("data-sku=\"([^\"]+)\" data-status=\"in_stock\"").matcher(page);
        assertThat(first.find()).as("an in-stock product on the shop page").isTrue();
        String sku = first.group(1);
        int free = api.restock().read(h -> api.restock().stock().level(h, restock.catalog.Sku.of(sku)).available());
        int quantity = Math.min(10, free + 1);
        String expected = api.restock().read(h -> api.restock().availability().availability(h, restock.catalog.Sku.of(sku), quantity))
                .availability().message();

        String checked = get(client, "/shop?sku=" + sku + "&quantity=" + quantity).body();

        String article = checked.substring(checked.indexOf("id=\"product-" + sku + "\""));
        article = article.substring(0, article.indexOf("</article>"));
        assertThat(article).contains("For " + quantity + ":</span> " + expected.replace("—", "—"))
                .contains("name=\"quantity\" value=\"" + quantity + "\"");
        assertThat(get(client, "/shop?sku=" + sku + "&quantity=9999").statusCode()).as("a quantity off the page's range shows one unit").isEqualTo(200);
    }

    @Test
    void the_shop_demo_refuses_a_form_without_its_token_or_from_another_site_and_sends_the_security_headers() throws Exception {
        HttpClient client = client();
        HttpResponse<String> shop = get(client, "/shop");
        assertThat(shop.statusCode()).isEqualTo(200);
        assertThat(shop.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(shop.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(shop.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(shop.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("restock_shop=").contains("HttpOnly").contains("SameSite=Strict"));
        String token = ConsoleSession.hidden(shop.body(), "_csrf");
        Map<String, String> form = new LinkedHashMap<>(Map.of("sku", "22423", "quantity", "1", "email", "forged@example.com",
                "_once", ConsoleSession.hidden(shop.body(), "_once")));
        long before = ordersOf("forged@example.com");
        assertThat(post(client, "/shop/orders", form, base).statusCode()).as("no token").isEqualTo(403);
        form.put("_csrf", token);
        assertThat(post(client, "/shop/orders", form, "https://evil.example").statusCode()).as("another site").isEqualTo(403);
        assertThat(post(client(), "/shop/orders", form, base).statusCode()).as("the token without its cookie").isEqualTo(403);
        assertThat(ordersOf("forged@example.com")).isEqualTo(before);
        HttpResponse<String> placed = post(client, "/shop/orders", form, base);
        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(placed.body()).contains("Thank you: order");
        assertThat(ordersOf("forged@example.com")).isEqualTo(before + 1);
        // Reloading the "Thank you" page sends the form again: it placed a second order (a newcomer's finding).
        String thanks = placed.body().substring(placed.body().indexOf("Thank you: order"), placed.body().indexOf("Thank you: order") + 30);
        HttpResponse<String> reloaded = post(client, "/shop/orders", form, base);
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(reloaded.body()).as("the order the first send placed").contains(thanks);
        assertThat(ordersOf("forged@example.com")).isEqualTo(before + 1);
        form.remove("_once");
        assertThat(post(client, "/shop/orders", form, base).statusCode()).as("a form without its key could act twice").isEqualTo(400);
        assertThat(ordersOf("forged@example.com")).isEqualTo(before + 1);
    }

    private static long purchaseOrdersFrom(String supplier) {
        return api.restock().read(h -> h.createQuery("select count(*) from purchase_orders po join suppliers s on s.id = po.supplier_id "
                + "where s.name = :name").bind("name", supplier).mapTo(Long.class).one());
    }

    private static long ordersOf(String email) {
        return api.restock().read(h -> h.createQuery("select count(*) from orders where customer_email = :email")
                .bind("email", email).mapTo(Long.class).one());
    }

    /** The demo's open purchase orders, oldest first (the demo replays a year, so which ones are open depends on it). */
    private static List<Long> openPurchaseOrders() {
        List<Long> open = api.restock().read(h -> h.createQuery("select id from purchase_orders where status = 'open' order by id")
                .mapTo(Long.class).list());
        assertThat(open).as("open purchase orders in the demo").hasSizeGreaterThanOrEqualTo(2);
        return open;
    }

    private static HttpResponse<String> signIn(HttpClient client, String user, String password) throws Exception {
        String loginToken = ConsoleSession.hidden(get(client, "/console/login").body(), "_login");
        return post(client, "/console/login", Map.of("_login", loginToken, "username", user, "password", password), base);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, Map<String, String> form, String origin) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
