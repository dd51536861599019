package restock.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request being built: valid values first, then mutations; {@link #build} encodes it for the wire. */
final class Draft {
    private static final ObjectMapper JSON = new ObjectMapper();

    final ApiOperations.ApiOperation operation;
    String method;
    /** Raw path parameter values, encoded at build time unless marked pre-encoded. */
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final Map<String, Boolean> preEncoded = new LinkedHashMap<>();
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    JsonNode body;
    /** When set, sent instead of the JSON body: broken JSON, raw NUL bytes, invalid UTF-8. */
    byte[] rawBody;
    final List<String> mutations = new ArrayList<>();

    Draft(ApiOperations.ApiOperation operation) {
        this.operation = operation;
        this.method = operation.method();
    }

    boolean hasBody() {
        return body != null || rawBody != null;
    }

    FuzzRequest build() {
        String path = operation.pathTemplate();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            String encoded = preEncoded.getOrDefault(value.getKey(), false) ? value.getValue() : encodePathSegment(value.getValue());
            path = path.replace("{" + value.getKey() + "}", encoded);
        }
        StringBuilder pathAndQuery = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            pathAndQuery.append(i == 0 ? '?' : '&').append(URLEncoder.encode(query.get(i).getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(query.get(i).getValue(), StandardCharsets.UTF_8));
        }
        byte[] bytes = rawBody != null ? rawBody : body == null ? null : json(body).getBytes(StandardCharsets.UTF_8);
        String mutation = mutations.isEmpty() ? "valid" : String.join("+", mutations);
        return new FuzzRequest(operation.name(), mutation, method, pathAndQuery.toString(), headers, bytes);
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, so any string fits in one segment. */
    static String encodePathSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
