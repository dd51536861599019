package restock.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/** A form request the console fuzzer is building: its fields in order, percent-encoded, and what was done to them. */
final class FormDraft {
    private static final Pattern NAMED_PART = Pattern.compile("\\{[^/]*}");
    final String method;
    String path;
    final List<String[]> fields = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> mutations = new ArrayList<>();
    boolean csrfBroken;
    /** Whether the form as its page shows it carries the session's token (a customer's link is its own secret). */
    boolean carriesToken;

    FormDraft(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** A field other than the security token (mostly: the token has a mutation of its own), by index. */
    int anyField(Random random) {
        for (int tries = 0; tries < 3; tries++) {
            int index = random.nextInt(fields.size());
            if (!fields.get(index)[0].equals("_csrf")) {
                return index;
            }
        }
        return random.nextInt(fields.size());
    }

    String onceKey() {
        return fields.stream().filter(f -> f[0].equals("_once")).map(f -> f[1]).findFirst().orElse(null);
    }

    void segment(String replacement, Random random) {
        List<String> segments = new ArrayList<>(List.of(path.substring(1).split("/")));
        List<Integer> named = new ArrayList<>();
        String[] shape = ConsoleFuzzer.route(path).substring(1).split("/");
        for (int i = 0; i < segments.size() && i < shape.length; i++) {
            if (NAMED_PART.matcher(shape[i]).matches()) {
                named.add(i);
            }
        }
        if (named.isEmpty() && segments.size() < 2) {
            add("unknown-field", replacement);
            return;
        }
        // An id, a SKU or a token; else the address's last word (/shop/orders), never its first.
        int at = named.isEmpty() ? segments.size() - 1 : named.get(random.nextInt(named.size()));
        segments.set(at, replacement);
        path = "/" + String.join("/", segments);
        mutations.add("path segment " + at + " = " + (replacement.length() > 40 ? replacement.length() + " chars" : replacement));
    }

    void add(String name, String value) {
        fields.add(new String[] {name, value});
        mutations.add("extra field " + name);
    }

    void csrf(String how) {
        // Only a form that carries the token is held to it: a customer's link is its own secret.
        csrfBroken = carriesToken;
        headers.remove("X-CSRF-Token");
        fields.removeIf(f -> f[0].equals("_csrf"));
        if (how.equals("wrong")) {
            fields.add(new String[] {"_csrf", "not-the-token"});
            if (headers.containsKey("HX-Request")) {
                headers.put("X-CSRF-Token", "not-the-token");
            }
        }
        mutations.add("csrf " + how);
    }

    void drop(int index) {
        mutations.add("field " + fields.get(index)[0] + " missing");
        fields.remove(index);
    }

    void duplicate(int index, String second) {
        fields.add(index + 1, new String[] {fields.get(index)[0], second});
        mutations.add("field " + fields.get(index)[0] + " twice, then " + shown(second));
    }

    void set(int index, String value) {
        fields.get(index)[1] = value;
        mutations.add("field " + fields.get(index)[0] + " = " + shown(value));
    }

    void setNamed(String name, String value, String mutation) {
        fields.stream().filter(f -> f[0].equals(name)).forEach(f -> f[1] = value);
        mutations.add(mutation);
    }

    private String shown(String encoded) {
        return encoded.length() > 40 ? encoded.length() + " encoded chars" : encoded;
    }

    FuzzRequest build(String route, String origin) {
        String encoded = String.join("&", fields.stream().map(f -> f[0] + "=" + f[1]).toList());
        Map<String, String> sent = new LinkedHashMap<>(headers);
        byte[] body = null;
        String pathAndQuery = path;
        if (method.equals("GET")) {
            pathAndQuery = encoded.isEmpty() ? path : path + "?" + encoded;
            sent.putIfAbsent("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        } else {
            sent.put("Content-Type", "application/x-www-form-urlencoded");
            sent.put("Origin", origin);
            body = encoded.getBytes(StandardCharsets.UTF_8);
        }
        return new FuzzRequest(route.startsWith("/") ? method + " " + route : route,
                mutations.isEmpty() ? "valid" : String.join(", ", mutations), method, pathAndQuery, sent, body);
    }
}
