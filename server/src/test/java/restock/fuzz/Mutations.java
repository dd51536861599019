package restock.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * What the fuzzer does to a valid request: hostile strings, NUL bytes, huge and tiny numbers, deep and wide JSON,
 * wrong types and content types, duplicate keys, missing and extra fields, bad path and query values, wrong
 * methods and keys. Each mutation names itself in the request, so a failure says what was done.
 */
final class Mutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> HOSTILE_STRINGS = List.of(
            "", " ", "\t\n", "\u0000", "a\u0000b", "' OR 1=1 --", "\"; drop table orders; --", "<script>alert(1)</script>",
            "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "../../../../etc/passwd", "\r\nX-Injected: 1", "\uFEFFbom",
            "\uD800", "\uDFFF\uD800", "😀𝕏", "\u202Eevil", "ǅ", "Z\u0336\u0337\u0338", "NaN", "Infinity", "-1", "0", "1e309", "null",
            "true", "[]", "{}", "+999999999-12-31", "-999999999-01-01", "0000-01-01", "9999-12-31", "2024-02-30", "1970-01-01",
            "a@b", "@@", "a@b.c", "https://x/{bad}", "http://[::1]/", "https://" + "a".repeat(2000) + ".example.com",
            "x".repeat(41), "x".repeat(65), "x".repeat(201), "x".repeat(255), "x".repeat(256), "x".repeat(501), "x".repeat(2001),
            "x".repeat(10_000), "é".repeat(300), "\u0001\u0002\u0003", "\\", "\"", "%00", "%", "/", "..", "FZ-1/../x");

    static final List<String> EXTREME_NUMBERS = List.of(
            "0", "-0", "-1", "1.5", "1e3", "1E-400", "1e400", "-1e400", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "0.0000000001",
            "1" + "0".repeat(400), "1" + "0".repeat(1100), "-" + "9".repeat(1200), "1000000", "1000001", "10001", "1e2", "100.0");

    static final List<String> PATH_VALUES = List.of(
            "%00", "a%00b", "%FF", "%C3%28", "..%2F..%2Fetc", "%2F", "0", "-1", "99999999999999999999", "9223372036854775808",
            "1e3", "%20", "%E2%80%AE", "x".repeat(70), "x".repeat(5000), "%F0%9F%98%80", "1.0", "+1", "0x10", "null", "%25");

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=latin1", "application/problem+json", "*/*", "application/json; charset=utf-16");

    /** A mutation: its name and what it does to a draft. */
    record Mutation(String name, int weight, BiConsumer<Draft, Random> apply) {
    }

    static final List<Mutation> ALL = List.of(
            new Mutation("hostile-string", 6, Mutations::hostileString),
            new Mutation("wrong-type", 4, Mutations::wrongType),
            new Mutation("extreme-number", 4, Mutations::extremeNumber),
            new Mutation("missing-field", 3, Mutations::missingField),
            new Mutation("extra-field", 2, Mutations::extraField),
            new Mutation("deep-json", 2, Mutations::deepJson),
            new Mutation("wide-json", 2, Mutations::wideJson),
            new Mutation("duplicate-keys", 2, Mutations::duplicateKeys),
            new Mutation("raw-body", 3, Mutations::rawBody),
            new Mutation("content-type", 2, Mutations::contentType),
            new Mutation("path-value", 4, Mutations::pathValue),
            new Mutation("query-value", 3, Mutations::queryValue),
            new Mutation("idempotency-key", 2, Mutations::idempotencyKey),
            new Mutation("wrong-method", 1, Mutations::wrongMethod),
            new Mutation("no-or-wrong-key", 1, Mutations::wrongApiKey));

    private Mutations() {
    }

    static Mutation pick(Random random) {
        int total = ALL.stream().mapToInt(Mutation::weight).sum();
        int roll = random.nextInt(total);
        for (Mutation mutation : ALL) {
            roll -= mutation.weight();
            if (roll < 0) {
                return mutation;
            }
        }
        throw new AssertionError("weights");
    }

    static void apply(Mutation mutation, Draft draft, Random random) {
        draft.mutations.add(mutation.name());
        mutation.apply().accept(draft, random);
    }

    private static <T> T any(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Where a JSON value sits: its parent and its field name or index. */
    private record Slot(JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        collect(node, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** Replaces one value in the body, or, without a body, a path or query value, with what the supplier makes. */
    private static void replaceSomewhere(Draft draft, Random random, java.util.function.Supplier<JsonNode> value) {
        List<Slot> slots = draft.body == null ? List.of() : slots(draft.body);
        if (!slots.isEmpty() && random.nextInt(4) > 0) {
            any(slots, random).set(value.get());
        } else if (!draft.query.isEmpty() && random.nextBoolean()) {
            int i = random.nextInt(draft.query.size());
            draft.query.set(i, Map.entry(draft.query.get(i).getKey(), text(value.get())));
        } else if (!draft.pathValues.isEmpty()) {
            String name = any(new ArrayList<>(draft.pathValues.keySet()), random);
            draft.pathValues.put(name, text(value.get()));
            draft.preEncoded.remove(name); // a raw value is encoded when sent; only PATH_VALUES come pre-encoded
        } else if (draft.body != null) {
            draft.body = value.get();
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static void hostileString(Draft draft, Random random) {
        replaceSomewhere(draft, random, () -> NODES.textNode(any(HOSTILE_STRINGS, random)));
    }

    private static void wrongType(Draft draft, Random random) {
        List<JsonNode> wrong = List.of(NODES.objectNode().put("a", 1), NODES.arrayNode().add(1).add("x"), NODES.numberNode(7),
                NODES.numberNode(2.5), NODES.booleanNode(true), NODES.nullNode(), NODES.textNode("7"), NODES.arrayNode());
        replaceSomewhere(draft, random, () -> any(wrong, random));
    }

    private static void extremeNumber(Draft draft, Random random) {
        replaceSomewhere(draft, random, () -> {
            String literal = any(EXTREME_NUMBERS, random);
            return literal.contains(".") || literal.contains("e") || literal.contains("E") || literal.equals("-0")
                    ? NODES.numberNode(new BigDecimal(literal)) : NODES.numberNode(new BigInteger(literal));
        });
    }

    private static void missingField(Draft draft, Random random) {
        List<Slot> slots = draft.body == null ? List.of() : slots(draft.body);
        if (slots.isEmpty()) {
            draft.query.clear();
            return;
        }
        any(slots, random).remove();
    }

    private static void extraField(Draft draft, Random random) {
        List<JsonNode> objects = new ArrayList<>();
        if (draft.body instanceof ObjectNode) {
            objects.add(draft.body);
        }
        slots(draft.body == null ? NODES.nullNode() : draft.body).forEach(slot -> {
            JsonNode child = slot.parent() instanceof ObjectNode o ? o.get(slot.field()) : slot.parent().get(slot.index());
            if (child instanceof ObjectNode) {
                objects.add(child);
            }
        });
        if (objects.isEmpty()) {
            draft.query.add(Map.entry("unexpected", any(HOSTILE_STRINGS, random)));
            return;
        }
        ((ObjectNode) any(objects, random)).put(random.nextBoolean() ? "unexpected" : "id", any(HOSTILE_STRINGS, random));
    }

    private static void deepJson(Draft draft, Random random) {
        int depth = any(List.of(64, 999, 1001, 5_000, 20_000), random);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String json = draft.body instanceof ObjectNode object && !object.isEmpty()
                ? Draft.json(object).replaceFirst("^\\{", "{\"nested\":" + java.util.regex.Matcher.quoteReplacement(nested) + ",")
                : nested;
        draft.rawBody = json.getBytes(StandardCharsets.UTF_8);
    }

    private static void wideJson(Draft draft, Random random) {
        StringBuilder json = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> {
                json.append('{');
                for (int i = 0; i < 5_000; i++) {
                    json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                }
                json.append('}');
            }
            case 1 -> json.append('[').append("1,".repeat(30_000)).append("1]");
            case 2 -> json.append("{\"").append("k".repeat(random.nextBoolean() ? 50_001 : 60_000)).append("\":1}");
            default -> {
                ObjectNode body = draft.body instanceof ObjectNode o ? o.deepCopy() : NODES.objectNode();
                ArrayNode lines = body.putArray(random.nextBoolean() ? "lines" : "items");
                for (int i = 0; i < 101 + random.nextInt(500); i++) {
                    lines.addObject().put("sku", "FZ-" + i).put("quantity", 1);
                }
                json.append(Draft.json(body));
            }
        }
        draft.rawBody = json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void duplicateKeys(Draft draft, Random random) {
        ObjectNode body = draft.body instanceof ObjectNode o ? o : NODES.objectNode().put("sku", "x");
        String json = Draft.json(body);
        String firstKey = body.fieldNames().hasNext() ? body.fieldNames().next() : "sku";
        String duplicate = "\"" + firstKey + "\":" + any(List.of("null", "1", "\"other\"", "[]", "{}"), random) + ",";
        draft.rawBody = json.replaceFirst("^\\{", java.util.regex.Matcher.quoteReplacement("{" + duplicate)).replace(",}", "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void rawBody(Draft draft, Random random) {
        String json = draft.body == null ? "{}" : Draft.json(draft.body);
        List<byte[]> bodies = List.of(
                json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8),
                json.replaceFirst(":\"", ":\"\u0000").getBytes(StandardCharsets.UTF_8),
                concat(json.substring(0, Math.max(1, json.length() - 1)).getBytes(StandardCharsets.UTF_8), new byte[] {0, '}'}),
                concat(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"'}, new byte[] {'}'}),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json.getBytes(StandardCharsets.UTF_8)),
                "null".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8), "\"x\"".getBytes(StandardCharsets.UTF_8),
                new byte[0], " ".getBytes(StandardCharsets.UTF_8), "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8),
                "{'sku': 'single quotes'}".getBytes(StandardCharsets.UTF_8), "{\"a\":NaN}".getBytes(StandardCharsets.UTF_8),
                ("{\"s\":\"" + "\\u0000".repeat(10) + "\"}").getBytes(StandardCharsets.UTF_8));
        draft.rawBody = any(bodies, random);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void contentType(Draft draft, Random random) {
        if (random.nextInt(4) == 0) {
            draft.headers.remove("Content-Type");
        } else {
            draft.headers.put("Content-Type", any(CONTENT_TYPES, random));
        }
        if (!draft.hasBody() && random.nextBoolean()) {
            draft.rawBody = "sku=x&quantity=1".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void pathValue(Draft draft, Random random) {
        if (draft.pathValues.isEmpty()) {
            draft.query.add(Map.entry(any(List.of("limit", "quantity", "id"), random), any(HOSTILE_STRINGS, random)));
            return;
        }
        String name = any(new ArrayList<>(draft.pathValues.keySet()), random);
        draft.pathValues.put(name, any(PATH_VALUES, random));
        draft.preEncoded.put(name, true);
    }

    private static void queryValue(Draft draft, Random random) {
        List<String> names = draft.operation.in("query").stream().map(p -> p.getName()).toList();
        String name = names.isEmpty() ? any(List.of("limit", "quantity", "after"), random) : any(names, random);
        String value = random.nextBoolean() ? any(HOSTILE_STRINGS, random) : any(EXTREME_NUMBERS, random);
        draft.query.add(Map.entry(name, value));
        if (random.nextBoolean()) {
            draft.query.add(Map.entry(name, any(EXTREME_NUMBERS, random)));
        }
    }

    private static void idempotencyKey(Draft draft, Random random) {
        List<String> keys = List.of("", " ", "k".repeat(255), "k".repeat(256), "k".repeat(5000), "\tkey", "a b c", "' OR 1=1 --",
                "%00", "key-" + random.nextInt(3));
        draft.headers.put("Idempotency-Key", any(keys, random));
    }

    private static void wrongMethod(Draft draft, Random random) {
        draft.method = any(List.of("PUT", "DELETE", "PATCH", draft.method.equals("GET") ? "POST" : "GET"), random);
    }

    private static void wrongApiKey(Draft draft, Random random) {
        List<String> values = List.of("", "Bearer", "Bearer ", "Bearer wrong", "Basic dGVzdA==", "Bearer " + "x".repeat(8000));
        int pick = random.nextInt(values.size() + 1);
        if (pick == values.size()) {
            draft.headers.remove("Authorization");
        } else {
            draft.headers.put("Authorization", values.get(pick));
        }
    }
}
