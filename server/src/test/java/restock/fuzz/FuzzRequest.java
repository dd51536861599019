package restock.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as it goes on the wire: the path and query already percent-encoded, the body as bytes (it may hold
 * a NUL or invalid UTF-8), and what was done to it. {@link #describe} prints it so a failure can be replayed.
 */
record FuzzRequest(String operation, String mutation, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    /** Bodies printed in failure reports are cut to this many characters. */
    static final int PRINTED_BODY_CHARS = 1500;

    FuzzRequest {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    FuzzRequest withHeaders(Map<String, String> replaced) {
        return new FuzzRequest(operation, mutation, method, pathAndQuery, replaced, body);
    }

    boolean isCommand() {
        return !method.equals("GET");
    }

    /** A curl command that sends the same request (the body printed as a Java-escaped string when it is cut or binary). */
    String describe(String baseUrl) {
        StringBuilder curl = new StringBuilder("[").append(operation).append(" | ").append(mutation).append("]\n  curl -X ")
                .append(method).append(" '").append(baseUrl).append(pathAndQuery).append('\'');
        headers.forEach((name, value) -> curl.append(" -H '").append(name).append(": ").append(printable(value, 300)).append('\''));
        if (body != null) {
            curl.append(" --data-binary '").append(printable(new String(body, StandardCharsets.UTF_8), PRINTED_BODY_CHARS))
                    .append("'  (").append(body.length).append(" bytes)");
        }
        return curl.toString();
    }

    private static String printable(String text, int limit) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\'') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= limit) {
            out.append("...");
        }
        return out.toString();
    }
}
