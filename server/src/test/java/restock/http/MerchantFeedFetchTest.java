package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Merchant feed as a shop integrating Restock meets it: values refused where they enter (a SKU a feed would
 * cut, an unknown currency, a wrong GTIN), identifiers and pictures carried, discontinued products left out, and a
 * feeds key in the URL for Merchant Center's scheduled fetch, which cannot send a header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MerchantFeedFetchTest {
    private RunningApi api;
    private ApiClient operations;

    @BeforeAll
    void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        operations = api.client();
        expect(operations.post("/api/products", """
                {"sku":"22423","name":"Regency Cakestand 3 Tier","priceMinor":1275,"currency":"GBP","backorderPolicy":"always",
                 "brand":"Regency","gtin":"5012345678900","imageUrl":"https://cdn.example.com/22423.jpg"}"""), 201);
        expect(operations.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}"), 200);
        expect(operations.post("/api/products", """
                {"sku":"OLD-1","name":"Old lamp","priceMinor":500,"currency":"GBP","backorderPolicy":"never"}"""), 201);
        expect(operations.post("/api/products/OLD-1/discontinue", ""), 200);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }

    @Test
    void refuses_at_entry_what_would_break_a_feed_later() {
        Exchange longSku = expect(operations.post("/api/products", """
                {"sku":"%s","name":"Long","priceMinor":100,"currency":"GBP"}""".formatted("A".repeat(51))), 400);
        assertThat(longSku.json().path("detail").asText()).contains("longer than 50");
        Exchange currency = expect(operations.post("/api/products", """
                {"sku":"ZZZ-1","name":"Odd money","priceMinor":100,"currency":"ZZZ"}"""), 400);
        assertThat(currency.json().path("detail").asText()).contains("ISO 4217");
        expect(operations.post("/api/products", """
                {"sku":"G-1","name":"Bad barcode","priceMinor":100,"currency":"GBP","gtin":"5012345678901"}"""), 400);
        expect(operations.post("/api/products", """
                {"sku":"VT-1","name":"Vertical\\u000btab","priceMinor":100,"currency":"GBP"}"""), 400);
        expect(operations.post("/api/products", """
                {"sku":"I-1","name":"No picture","priceMinor":100,"currency":"GBP","imageUrl":"javascript:alert(1)"}"""), 400);
        expect(operations.get("/api/feeds/google-merchant.xml"), 200);
    }

    @Test
    void a_feeds_key_in_the_url_fetches_the_feed_without_a_header_and_opens_nothing_else() throws Exception {
        JsonNode created = expect(operations.post("/api/keys", "{\"name\":\"merchant center\",\"scope\":\"feeds\"}"), 201).json();
        String secret = created.path("secret").asText();
        assertThat(secret).startsWith("rk_fd_");
        Exchange xml = expect(operations.send("GET", "/feeds/" + secret + "/google-merchant.xml", null, Map.of()), 200);
        assertThat(xml.contentType()).startsWith("application/rss+xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.responseBody().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("item").getLength()).isEqualTo(1);
        // The feed's own link is the shop's home page: it was the product address with "{sku}" cut out, which under
        // serve --demo left "/shop?sku=" (and a configured address anything its template left).
        String channelLink = document.getElementsByTagName("link").item(0).getTextContent();
        assertThat(channelLink).doesNotContain("{sku}").doesNotEndWith("=").doesNotEndWith("/products/");
        assertThat(xml.responseBody()).contains("<g:image_link>https://cdn.example.com/22423.jpg</g:image_link>")
                .contains("<g:gtin>5012345678900</g:gtin>").contains("<g:brand>Regency</g:brand>").doesNotContain("OLD-1");
        expect(operations.send("GET", "/feeds/" + secret + "/google-merchant.tsv", null, Map.of()), 200);

        ApiClient feeds = new ApiClient(operations.baseUrl(), secret);
        expect(feeds.get("/api/feeds/google-merchant.csv"), 200);
        expect(feeds.get("/api/products/22423/offer"), 403);
        expect(feeds.get("/api/stock/22423"), 403);
        expect(operations.send("GET", "/feeds/" + RunningApi.API_KEY + "/google-merchant.xml", null, Map.of()), 404);
        expect(operations.send("GET", "/feeds/rk_fd_mistyped/google-merchant.xml", null, Map.of()), 404);
        expect(operations.post("/api/keys/" + created.path("prefix").asText() + "/revoke", ""), 200);
    }

    @Test
    void the_offer_is_a_product_with_an_offer_in_json_ld() {
        JsonNode offer = expect(operations.get("/api/products/22423/offer"), 200).json();
        assertThat(offer.path("@type").asText()).isEqualTo("Product");
        assertThat(offer.path("image").asText()).isEqualTo("https://cdn.example.com/22423.jpg");
        assertThat(offer.path("offers").path("@type").asText()).isEqualTo("Offer");
        assertThat(offer.path("offers").path("availability").asText()).isEqualTo("https://schema.org/InStock");
        assertThat(offer.path("offers").path("price").asText()).isEqualTo("12.75");
    }
}
