package restock.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies refuse fields they do not have, and the fields they have are the ones openapi.yaml declares: a
 * storefront developer's typo ({@code allowpartial}) was ignored and the order filled in part.
 */
class RequestFieldsTest {
    private static OpenAPI spec() throws IOException {
        try (var in = RequestFieldsTest.class.getResourceAsStream("/openapi.yaml")) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options).getOpenAPI();
        }
    }

    private static Schema<?> body(OpenAPI spec, String path, String method) {
        Operation operation = method.equals("post") ? spec.getPaths().get(path).getPost() : spec.getPaths().get(path).getPatch();
        return operation.getRequestBody().getContent().get("application/json").getSchema();
    }

    private static Set<String> fields(Schema<?> schema) {
        return schema.getProperties().keySet();
    }

    @Test
    void each_request_knows_exactly_the_fields_the_spec_declares() throws IOException {
        OpenAPI spec = spec();
        Schema<?> order = body(spec, "/api/orders", "post");
        assertThat(Requests.ORDER_FIELDS).isEqualTo(fields(order));
        assertThat(Requests.LINE_FIELDS).isEqualTo(fields(order.getProperties().get("lines").getItems()));
        Schema<?> cart = body(spec, "/api/availability", "post");
        assertThat(Requests.CART_FIELDS).isEqualTo(fields(cart));
        assertThat(Requests.LINE_FIELDS).isEqualTo(fields(cart.getProperties().get("items").getItems()));
        Schema<?> purchaseOrder = body(spec, "/api/purchase-orders", "post");
        assertThat(Requests.PURCHASE_ORDER_FIELDS).isEqualTo(fields(purchaseOrder));
        assertThat(Requests.PURCHASE_ORDER_LINE_FIELDS).isEqualTo(fields(purchaseOrder.getProperties().get("lines").getItems()));
        Schema<?> receipt = body(spec, "/api/purchase-orders/{id}/receipts", "post");
        assertThat(Requests.RECEIPT_FIELDS).isEqualTo(fields(receipt));
        assertThat(Requests.LINE_FIELDS).isEqualTo(fields(receipt.getProperties().get("lines").getItems()));
        assertThat(Requests.NEW_PRODUCT_FIELDS).isEqualTo(fields(body(spec, "/api/products", "post")));
        // A re-check found these still taking typos ("quantiy" on a waitlist sign-up was read as 1).
        assertThat(Requests.ADJUSTMENT_FIELDS).isEqualTo(fields(body(spec, "/api/stock/{sku}/adjustments", "post")));
        assertThat(Requests.COUNT_FIELDS).isEqualTo(fields(body(spec, "/api/stock/{sku}/counts", "post")));
        assertThat(Requests.RETURN_FIELDS).isEqualTo(fields(body(spec, "/api/stock/{sku}/returns", "post")));
        assertThat(Requests.EXPECTED_DATE_FIELDS).isEqualTo(fields(body(spec, "/api/purchase-orders/{id}/lines/{lineNumber}/expected-date", "post")));
        assertThat(Requests.WAITLIST_FIELDS).isEqualTo(fields(body(spec, "/api/waitlist", "post")));
        assertThat(Requests.WEBHOOK_FIELDS).isEqualTo(fields(body(spec, "/api/webhooks", "post")));
        assertThat(Requests.KEY_FIELDS).isEqualTo(fields(body(spec, "/api/keys", "post")));
        assertThat(Requests.PAY_LINK_FIELDS).isEqualTo(fields(body(spec, "/api/payments/pay-link", "post")));
        assertThat(Requests.OFFER_RULE_FIELDS).isEqualTo(fields(body(spec, "/api/offer-rules", "post")));
        assertThat(Requests.ROTATION_FIELDS).isEqualTo(fields(body(spec, "/api/keys/{prefix}/rotate", "post")));
    }

    /**
     * An order sent with a cart's {@code items} was told only that the field is unknown, and a price of {@code 1e3} that
     * it must be a whole number (it read 1000.0): both say what to send (outside checks).
     */
    @Test
    void an_order_with_items_or_a_price_with_an_exponent_is_told_what_to_send() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            ApiClient.Exchange items = client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","items":[{"sku":"22423","quantity":1}]}""");
            assertThat(items.status()).as(items.responseBody()).isEqualTo(400);
            assertThat(items.json().path("field").asText()).isEqualTo("items");
            assertThat(items.json().path("detail").asText()).startsWith("unknown field 'items'; send it as 'lines';");
            ApiClient.Exchange cart = client.post("/api/availability", "{\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}");
            assertThat(cart.json().path("detail").asText()).as("a cart's are items").startsWith("unknown field 'lines'; send it as 'items';");
            ApiClient.Exchange typo = client.post("/api/waitlist", """
                    {"sku":"22423","email":"ann@example.com","quantiy":5,"consent":true}""");
            assertThat(typo.json().path("detail").asText()).startsWith("unknown field 'quantiy'; send it as 'quantity';");
            ApiClient.Exchange inLine = client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","lines":[{"sku":"22423","qty":1}]}""");
            assertThat(inLine.json().path("detail").asText()).startsWith("unknown field 'lines[0].qty'; send it as 'lines[0].quantity';");
            ApiClient.Exchange unlike = client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","colour":"red","lines":[{"sku":"22423","quantity":1}]}""");
            assertThat(unlike.json().path("detail").asText()).as("no guess for a field like none")
                    .isEqualTo("unknown field 'colour'; the fields are [allowPartial, customerEmail, discountCode, lines, paymentMethod, priority]");

            for (String price : List.of("1e3", "1000.0", "1E+3", "10.5")) {
                ApiClient.Exchange refused = client.post("/api/products",
                        "{\"sku\":\"22423\",\"name\":\"Regency Cakestand 3 Tier\",\"priceMinor\":" + price + ",\"currency\":\"GBP\"}");
                assertThat(refused.status()).as(price).isEqualTo(400);
                assertThat(refused.json().path("field").asText()).isEqualTo("priceMinor");
                assertThat(refused.json().path("detail").asText()).as(price).isEqualTo("priceMinor must be a whole number of minor units "
                        + "(pence, cents), such as 1000 for 10.00, written in digits only: a number with an exponent or a decimal point "
                        + "(1e3, 1000.0) is not taken");
            }
            assertThat(client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Cakestand\",\"priceMinor\":\"1000\",\"currency\":\"GBP\"}")
                    .json().path("detail").asText()).isEqualTo("priceMinor must be a whole number of minor units (pence, cents), such as 1000 "
                    + "for 10.00, was \"1000\"");
            assertThat(client.get("/api/products/22423").status()).isEqualTo(404);
            assertThat(client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Cakestand\",\"priceMinor\":1000,\"currency\":\"GBP\"}")
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void a_misspelled_field_is_a_400_naming_it_and_places_nothing() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Regency Cakestand 3 Tier\",\"priceMinor\":1275,\"currency\":\"GBP\"}");
            ApiClient.Exchange typo = client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","allowpartial":false,"lines":[{"sku":"22423","quantity":1}]}""");
            assertThat(typo.status()).as(typo.responseBody()).isEqualTo(400);
            assertThat(typo.json().path("field").asText()).isEqualTo("allowpartial");
            assertThat(typo.json().path("detail").asText()).contains("unknown field 'allowpartial'").contains("allowPartial");
            ApiClient.Exchange inLine = client.post("/api/availability", """
                    {"items":[{"sku":"22423","quantity":1,"qty":2}]}""");
            assertThat(inLine.status()).as(inLine.responseBody()).isEqualTo(400);
            assertThat(inLine.json().path("field").asText()).isEqualTo("items[0].qty");
            ApiClient.Exchange twice = client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","allowPartial":false,"allowPartial":true,"lines":[{"sku":"22423","quantity":1}]}""");
            assertThat(twice.status()).as(twice.responseBody()).isEqualTo(400);
            assertThat(twice.json().path("detail").asText()).contains("Duplicate field 'allowPartial'");
            ApiClient.Exchange cut = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[");
            assertThat(cut.status()).as(cut.responseBody()).isEqualTo(400);
            assertThat(cut.json().path("detail").asText()).contains("not valid JSON").contains("line 1").doesNotContain("StreamReadFeature")
                    .doesNotContain("Source");
            ApiClient.Exchange waitlistTypo = client.post("/api/waitlist", """
                    {"sku":"22423","email":"ann@example.com","quantiy":5,"consent":true}""");
            assertThat(waitlistTypo.status()).as(waitlistTypo.responseBody()).isEqualTo(400);
            assertThat(waitlistTypo.json().path("field").asText()).isEqualTo("quantiy");
            long signUps = api.restock().read(h -> h.createQuery("select count(*) from waitlist").mapTo(Long.class).one());
            assertThat(signUps).isZero();
            ApiClient.Exchange trailing = client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","lines":[{"sku":"22423","quantity":1}]}{"customerEmail":"bob@example.com"}""");
            assertThat(trailing.status()).as(trailing.responseBody()).isEqualTo(400);
            assertThat(trailing.json().path("detail").asText()).contains("nothing after it").doesNotContain("FAIL_ON_TRAILING_TOKENS");
            ApiClient.Exchange nan = client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","priority":NaN,"lines":[{"sku":"22423","quantity":1}]}""");
            assertThat(nan.status()).as(nan.responseBody()).isEqualTo(400);
            assertThat(nan.json().path("detail").asText()).doesNotContain("JsonReadFeature").doesNotContain("enable");
            var latin1 = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(client.baseUrl() + "/api/products"))
                    .header("Authorization", "Bearer " + RunningApi.API_KEY).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                            "{\"sku\":\"CAFE-1\",\"name\":\"Caf\u00e9\",\"priceMinor\":100,\"currency\":\"GBP\"}"
                                    .getBytes(StandardCharsets.ISO_8859_1))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(latin1.statusCode()).as(latin1.body()).isEqualTo(400);
            assertThat(latin1.body()).contains("not UTF-8");
            ApiClient.Exchange text = client.send("POST", "/api/orders", """
                    {"customerEmail":"ann@example.com","lines":[{"sku":"22423","quantity":1}]}""", java.util.Map.of("Content-Type", "text/plain", "Authorization", "Bearer " + RunningApi.API_KEY));
            assertThat(text.status()).as(text.responseBody()).isEqualTo(415);
            assertThat(text.json().path("detail").asText()).contains("application/json").contains("text/plain");
            long products = api.restock().read(h -> h.createQuery("select count(*) from products").mapTo(Long.class).one());
            assertThat(products).as("only the product made first").isEqualTo(1);
            long orders = api.restock().read(h -> h.createQuery("select count(*) from orders").mapTo(Long.class).one());
            assertThat(orders).isZero();
        }
    }
}
