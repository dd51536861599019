package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx problem naming the field and the limit, and changes nothing; on each server. */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputChecks {
    private RunningApi api;
    private ApiClient client;

    /** The server these checks run on. */
    abstract TestDatabases.Target target();


    @BeforeAll
    void start() {
        api = new RunningApi(target());
        client = api.client();
        client.post("/api/products", """
                {"sku":"85123A","name":"White Hanging Heart T-Light Holder","priceMinor":255,"currency":"GBP","backorderPolicy":"never"}""");
        client.post("/api/stock/85123A/adjustments", "{\"quantity\":10,\"reason\":\"opening stock\"}");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private String snapshot() {
        return client.get("/api/stock/85123A").responseBody() + api.restock().read(h ->
                h.createQuery("select count(*) from orders").mapTo(Long.class).one() + "/"
                        + h.createQuery("select count(*) from stock_movements").mapTo(Long.class).one() + "/"
                        + h.createQuery("select count(*) from products").mapTo(Long.class).one());
    }

    private static void assertProblem(Exchange answer, int status, String field, String detailPart) {
        assertThat(answer.status()).as(answer.responseBody()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(answer.json().path("field").asText()).isEqualTo(field);
        }
        assertThat(answer.json().path("detail").asText()).contains(detailPart);
    }

    private void assertRejectedAndUnchanged(Runnable request) {
        String before = snapshot();
        request.run();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void unknown_sku_is_named() {
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders",
                "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":1},{\"sku\":\"NOPE\",\"quantity\":1}]}"),
                404, "lines[1].sku", "unknown sku 'NOPE'"));
        // The cart names the item too (a storefront developer could not tell which line was wrong).
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/availability",
                "{\"items\":[{\"sku\":\"85123A\",\"quantity\":1},{\"sku\":\"NOPE\",\"quantity\":1}]}"),
                404, "items[1].sku", "case-sensitive"));
    }

    @Test
    void zero_negative_and_absurd_quantities_name_the_limit() {
        for (String quantity : new String[] {"0", "-3", "10001", "99999999999999", "1.5", "\"7\""}) {
            assertRejectedAndUnchanged(() -> {
                Exchange answer = client.post("/api/orders",
                        "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":" + quantity + "}]}");
                assertProblem(answer, 400, "lines[0].quantity", "lines[0].quantity must be");
            });
        }
        assertProblem(client.post("/api/orders", "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":10001}]}"),
                400, "lines[0].quantity", "between 1 and 10000");
    }

    @Test
    void malformed_json_says_where() {
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders", "{\"customerEmail\": "), 400, "body", "not valid JSON"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders", "[1,2]"), 400, "body", "JSON object"));
    }

    @Test
    void missing_or_wrong_key_is_unauthorized() {
        String body = "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":1}]}";
        assertRejectedAndUnchanged(() -> assertProblem(client.send("POST", "/api/orders", body, Map.of()), 401, "Authorization", "Bearer"));
        assertRejectedAndUnchanged(() -> assertProblem(client.send("POST", "/api/orders", body,
                Map.of("Authorization", "Bearer wrong")), 401, "Authorization", "not valid"));
        assertProblem(client.send("GET", "/api/stock/85123A", null, Map.of()), 401, "Authorization", "Bearer");
    }

    @Test
    void oversized_body_is_refused() {
        String huge = "{\"customerEmail\":\"a@example.com\",\"pad\":\"" + "x".repeat(HttpApi.MAX_BODY_BYTES) + "\",\"lines\":[]}";
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders", huge), 413, "body", String.valueOf(HttpApi.MAX_BODY_BYTES)));
    }

    @Test
    void too_many_lines_names_the_limit() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"sku\":\"85123A\",\"quantity\":1}");
        }
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders",
                "{\"customerEmail\":\"a@example.com\",\"lines\":[" + lines + "]}"), 400, "lines", "at most 100"));
    }

    @Test
    void missing_fields_and_bad_email_are_named() {
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders", "{\"lines\":[{\"sku\":\"85123A\",\"quantity\":1}]}"),
                400, "customerEmail", "required"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders",
                "{\"customerEmail\":\"not-an-email\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":1}]}"), 400, "customerEmail", "email"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders", "{\"customerEmail\":\"a@example.com\",\"lines\":[]}"),
                400, "lines", "at least one"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/products",
                "{\"sku\":\"bad sku!\",\"name\":\"x\",\"priceMinor\":1,\"currency\":\"GBP\"}"), 400, "sku", "ASCII letters and digits"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/products",
                "{\"sku\":\"OK-1\",\"name\":\"x\",\"priceMinor\":1,\"currency\":\"GBP\",\"backorderPolicy\":\"sometimes\"}"),
                400, "backorderPolicy", "never, when-supply-confirmed, always"));
    }

    /** A cap limits how many units may wait, which only policy always lets any do: with another policy it is refused, not dropped. */
    @Test
    void a_backorder_cap_with_a_policy_other_than_always_is_refused_naming_the_cap() {
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/products",
                "{\"sku\":\"CAP-1\",\"name\":\"x\",\"priceMinor\":1,\"currency\":\"GBP\",\"backorderPolicy\":\"never\",\"backorderCap\":5}"),
                400, "backorderCap", "backorderCap applies only when backorderPolicy is always, and it is never here"));
        // Without a policy the product would be when-supply-confirmed, the default; the refusal says so (it said 'null').
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/products",
                "{\"sku\":\"CAP-1\",\"name\":\"x\",\"priceMinor\":1,\"currency\":\"GBP\",\"backorderCap\":0}"),
                400, "backorderCap", "it is when-supply-confirmed (the default) here"));
        assertRejectedAndUnchanged(() -> assertProblem(client.patch("/api/products/85123A", "{\"backorderCap\":5}"),
                400, "backorderCap", "it is never here"));
        assertRejectedAndUnchanged(() -> assertProblem(client.patch("/api/products/85123A",
                "{\"backorderPolicy\":\"when-supply-confirmed\",\"backorderCap\":5}"), 400, "backorderCap", "it is when-supply-confirmed here"));
        JsonNode product = client.get("/api/products/85123A").json();
        assertThat(product.path("backorderPolicy").asText()).isEqualTo("never");
        assertThat(product.hasNonNull("backorderCap")).isFalse();
    }

    @Test
    void stock_commands_refuse_bad_values_and_overdrawing() {
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/stock/85123A/adjustments", "{\"quantity\":0,\"reason\":\"x\"}"),
                400, "quantity", "non-zero"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/stock/85123A/adjustments", "{\"quantity\":5}"),
                400, "reason", "required"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/stock/85123A/adjustments", "{\"quantity\":-11,\"reason\":\"damaged\"}"),
                409, null, "below the 0 units reserved"));
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/stock/NOPE/adjustments", "{\"quantity\":1,\"reason\":\"x\"}"),
                404, "sku", "unknown sku"));
    }

    @Test
    void a_reused_idempotency_key_with_a_different_body_is_refused_and_the_same_body_gets_the_first_answer() {
        String body = "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":1}]}";
        Exchange first = client.post("/api/orders", body, "key-1");
        assertThat(first.status()).isEqualTo(201);
        String afterFirst = snapshot();
        Exchange retry = client.post("/api/orders", body, "key-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.responseBody()).isEqualTo(first.responseBody());
        assertThat(snapshot()).isEqualTo(afterFirst);
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders", body.replace("\"quantity\":1", "\"quantity\":2"), "key-1"),
                422, "Idempotency-Key", "different request body"));
        client.post("/api/orders/" + first.json().path("id").asLong() + "/cancel", "");
    }

    @Test
    void an_empty_blank_or_over_long_idempotency_key_is_refused_naming_the_header() {
        String body = "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":1}]}";
        // Sent as raw bytes: a client library may drop an empty header before it leaves, and so might the server before
        // it reaches our code (an outside tester's order was placed without idempotency).
        for (String header : new String[] {"Idempotency-Key:", "Idempotency-Key: ", "Idempotency-Key:   \t"}) {
            assertRejectedAndUnchanged(() -> {
                RawAnswer answer = rawPost("/api/orders", body, header);
                assertThat(answer.status()).as(header + " -> " + answer.body()).isEqualTo(400);
                assertThat(answer.body()).contains("\"field\":\"Idempotency-Key\"").contains("1 to " + HttpApi.MAX_IDEMPOTENCY_KEY_LENGTH);
            });
        }
        assertRejectedAndUnchanged(() -> assertProblem(client.post("/api/orders", body, "k".repeat(HttpApi.MAX_IDEMPOTENCY_KEY_LENGTH + 1)),
                400, "Idempotency-Key", "1 to " + HttpApi.MAX_IDEMPOTENCY_KEY_LENGTH));
    }

    private record RawAnswer(int status, String body) {
    }

    /** One HTTP/1.1 request written byte for byte, with {@code extraHeader} exactly as given. */
    private RawAnswer rawPost(String path, String body, String extraHeader) {
        URI base = URI.create(client.baseUrl());
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer " + RunningApi.API_KEY + "\r\nContent-Type: application/json\r\n"
                + extraHeader + "\r\nContent-Length: " + bodyBytes.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bodyBytes);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            return new RawAnswer(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new AssertionError("raw POST " + path + " failed: " + e.getMessage(), e);
        }
    }

    @Test
    void unknown_routes_and_ids_answer_problems() {
        assertProblem(client.get("/api/nothing-here"), 404, null, "openapi.yaml");
        assertProblem(client.get("/api/orders/999999"), 404, "id", "no order with id 999999");
        assertProblem(client.get("/api/orders/abc"), 400, "id", "positive whole number");
    }
}
