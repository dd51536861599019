package restock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small HTTP client for tests: JSON in, status and JSON out, every exchange kept for contract checks. */
public final class ApiClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;
    private final List<Exchange> exchanges = new ArrayList<>();

    /** One request and its answer. */
    public record Exchange(String method, String path, Map<String, String> headers, String requestBody,
                           int status, String contentType, String responseBody, Map<String, List<String>> responseHeaders) {
        /** A response header's first value, if the answer has it. */
        public java.util.Optional<String> header(String name) {
            return responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(responseBody);
            } catch (IOException e) {
                throw new AssertionError("answer is not JSON: " + responseBody, e);
            }
        }
    }

    public ApiClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Exchange get(String path) {
        return send("GET", path, null, Map.of("Authorization", "Bearer " + apiKey));
    }

    public Exchange post(String path, String body) {
        return send("POST", path, body, Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "application/json"));
    }

    public Exchange post(String path, String body, String idempotencyKey) {
        return send("POST", path, body, Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "application/json",
                "Idempotency-Key", idempotencyKey));
    }

    public Exchange patch(String path, String body) {
        return send("PATCH", path, body, Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "application/json"));
    }

    public Exchange send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Exchange exchange = new Exchange(method, path, headers, body, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers().map());
            exchanges.add(exchange);
            return exchange;
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }
}
