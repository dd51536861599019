package restock.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import restock.notify.Branding;
import restock.payments.SimulatedGateway;
import restock.service.NoticeRelay;
import restock.service.Restock;
import restock.service.WaitlistCommands;
import restock.store.Database;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a customer's browser and a mail scanner meet: security headers on every page and answer, a double opt-in
 * confirmed by a POST (a GET, as scanners send, only shows the button), and one canonical encoding per link token.
 */
class CustomerLinksSecurityTest {
    private Database database;
    private io.javalin.Javalin server;
    private ApiClient client;
    private Restock restock;

    private void start() {
        database = TestDatabases.targets().get(0).freshSchema();
        restock = new Restock(database.jdbi(), Clock.systemUTC());
        NoticeRelay relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", restock.clock());
        WaitlistCommands waitlist = new WaitlistCommands(restock, restock.links(), relay, new WaitlistCommands.Settings(1.5,
                Duration.ofHours(24), true, "http://127.0.0.1", "https://shop.example.com/products/{sku}", false), restock.clock());
        server = new HttpApi(restock, RunningApi.API_KEY, HttpApi.DEFAULT_SHOP_PRODUCT_URL,
                new SimulatedGateway(1, SimulatedGateway.Faults.NONE, restock.clock()), waitlist, Branding.DEMO).start("127.0.0.1", 0);
        client = new ApiClient("http://127.0.0.1:" + server.port(), RunningApi.API_KEY);
        client.post("/api/products", "{\"sku\":\"22720\",\"name\":\"Set Of 3 Cake Tins\",\"priceMinor\":495,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
    }

    @AfterEach
    void stop() {
        server.stop();
        database.close();
    }

    private HttpResponse<String> raw(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                .header("Authorization", "Bearer " + RunningApi.API_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cancelPath() {
        long orderId = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22720\",\"quantity\":1}]}")
                .json().path("id").asLong();
        String url = client.post("/api/orders/" + orderId + "/cancel-link", "").json().path("url").asText();
        return url.substring(url.indexOf("/cancel/"));
    }

    @Test
    void pages_and_answers_carry_security_headers_and_the_page_policy_allows_only_its_own_inline_code() throws Exception {
        start();
        for (String path : List.of("/", cancelPath(), "/api/stock?limit=1", "/api/openapi.yaml", "/health")) {
            HttpResponse<String> answer = raw("GET", path);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("frame-ancestors 'none'").contains("default-src 'none'").doesNotContain("unsafe-inline"));
        }
        // The console's pages load every script from files: the policy allows scripts from this origin only.
        HttpResponse<String> login = raw("GET", "/console/login");
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("<style>");
        assertThat(policy).contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void a_get_of_the_confirmation_link_shows_a_button_and_only_a_post_confirms() throws Exception {
        start();
        client.post("/api/waitlist", "{\"sku\":\"22720\",\"email\":\"ann@example.com\",\"consent\":true}");
        String mail = restock.read(h -> h.createQuery("select body_text from outbox where topic = 'waitlist.confirm' and channel = 'email'").mapTo(String.class).one());
        String path = mail.substring(mail.indexOf("/waitlist/confirm/")).split("\\s")[0];

        Exchange page = client.send("GET", path, null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.responseBody()).contains("<form method=\"post\"").contains("<button");
        assertThat(confirmed()).as("a GET (a mail scanner) confirms nothing").isFalse();

        Exchange confirm = client.send("POST", path, "", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.responseBody()).as("the product by name").contains("we will email you when ");
        assertThat(confirmed()).isTrue();

        Exchange forged = client.send("POST", path + "x", "", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(forged.responseBody()).contains("This link is not valid");
    }

    private boolean confirmed() {
        return restock.read(h -> h.createQuery("select confirmed_at is not null from waitlist").mapTo(Boolean.class).one());
    }

    @Test
    void a_link_token_re_encoded_is_not_a_new_unused_link() {
        start();
        String path = cancelPath();
        String token = path.substring("/cancel/".length());
        Exchange used = client.send("POST", path, "reason=other", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(used.responseBody()).contains("1 × Set Of 3 Cake Tins cancelled");

        for (String variant : reEncodings(token)) {
            assertThat(variant).isNotEqualTo(token);
            Exchange again = client.send("POST", "/cancel/" + variant, "reason=other", Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(again.responseBody()).as(variant).contains("not valid");
        }
        long cancellations = restock.read(h -> h.createQuery("select count(*) from cancellations").mapTo(Long.class).one());
        assertThat(cancellations).isEqualTo(1);
    }

    /** The same bytes in other encodings: with padding, and with the unused low bits of the last character set. */
    private static List<String> reEncodings(String token) {
        String[] parts = token.split("\\.");
        List<String> variants = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String part = parts[i];
            int padding = (4 - part.length() % 4) % 4;
            if (padding > 0) {
                String padded = part + "=".repeat(padding);
                variants.add(i == 0 ? padded + "." + parts[1] : parts[0] + "." + padded);
                String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                int last = alphabet.indexOf(part.charAt(part.length() - 1));
                int unusedBits = padding == 1 ? 2 : 4;
                String flipped = part.substring(0, part.length() - 1) + alphabet.charAt(last ^ 1);
                if (unusedBits > 0 && Base64.getUrlDecoder().decode(flipped).length == Base64.getUrlDecoder().decode(part).length
                        && java.util.Arrays.equals(Base64.getUrlDecoder().decode(flipped), Base64.getUrlDecoder().decode(part))) {
                    variants.add(i == 0 ? flipped + "." + parts[1] : parts[0] + "." + flipped);
                }
            }
        }
        assertThat(variants).as("re-encodings of " + token).isNotEmpty();
        return variants;
    }
}
