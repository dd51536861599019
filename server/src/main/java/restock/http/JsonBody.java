package restock.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import restock.common.CalendarLimits;
import restock.common.InvalidInput;
import restock.common.TextLimit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Reads fields from a JSON request body, naming the field and what was expected when one is wrong. */
final class JsonBody {
    /** Request bodies are a few levels deep; anything deeper is refused before it is built. */
    static final int MAX_NESTING_DEPTH = 32;
    /** Digits in one JSON number: a long has 19. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Characters in one JSON field name: ours have under 30. */
    static final int MAX_NAME_LENGTH = 200;

    private JsonBody() {
    }

    /** A JSON factory that refuses bodies past the limits above while parsing, with a reason instead of a crash. */
    static JsonFactory boundedFactory() {
        // A field named twice is refused: with the last one winning, {"allowPartial":false,"allowPartial":true} was read as true.
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH).maxNameLength(MAX_NAME_LENGTH).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /**
     * Refuses a field the request does not have: a typo must not look like success with the default in its place
     * (an outside check sent {@code allowpartial: false} and got an order filled in part).
     */
    static JsonNode requireKnownFields(JsonNode object, String path, java.util.Set<String> known) {
        for (java.util.Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String meant = meant(name, known).map(field -> " send it as '" + path + field + "';").orElse("");
                throw new InvalidInput(path + name, "unknown field '" + path + name.substring(0, Math.min(name.length(), 64))
                        + "';" + meant + " the fields are " + new java.util.TreeSet<>(known));
            }
        }
        return object;
    }

    /**
     * Names one request calls what another calls otherwise: an order's {@code lines} are a cart's {@code items}, and an
     * order sent with {@code items} was told only that the field is unknown (an outside check).
     */
    private static final List<Set<String>> SAME_THING = List.of(Set.of("lines", "items", "orderLines", "line"),
            Set.of("customerEmail", "email"), Set.of("quantity", "qty", "units"));

    /** Most letters a misspelled field name may have wrong, missing or extra and still be taken for a known one. */
    private static final int MAX_TYPO_EDITS = 2;

    /**
     * The known field an unknown one most likely meant: the same name in other capitals, another name for it, or one a
     * typo or two away ({@code quantiy}); none when that is not one field.
     */
    static Optional<String> meant(String name, Set<String> known) {
        Optional<String> capitals = known.stream().filter(field -> field.equalsIgnoreCase(name)).findFirst();
        if (capitals.isPresent()) {
            return capitals;
        }
        Optional<String> other = SAME_THING.stream().filter(names -> names.contains(name)).findFirst()
                .flatMap(names -> known.stream().filter(names::contains).findFirst());
        if (other.isPresent() || name.length() < 4 || name.length() > MAX_NAME_LENGTH) {
            return other;
        }
        List<String> near = known.stream().filter(field -> edits(name.toLowerCase(java.util.Locale.ROOT),
                field.toLowerCase(java.util.Locale.ROOT)) <= MAX_TYPO_EDITS).toList();
        return near.size() == 1 ? Optional.of(near.get(0)) : Optional.empty();
    }

    /** Letters to change, add or remove to make {@code a} into {@code b} (Levenshtein distance). */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    /**
     * Jackson's message without what only Jackson's users can act on: its reference to its input ("(start marker at
     * [Source: REDACTED (`StreamReadFeature...` disabled)..."), the parser feature that would allow a non-standard
     * token ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"), the comment feature.
     */
    static String plainReason(String message) {
        return message.replaceFirst("\\s*\\([^()]*\\[Source:.*$", "")
                .replaceFirst(": enable `[^`]*` to allow.*$", " (JSON has no such number)")
                .replaceFirst("\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", " (JSON has no comments)");
    }

    /**
     * One text for equal JSON: every object's fields sorted by name, no whitespace; strings and numbers as parsed
     * ({@code 1} and {@code 1.0} stay apart, as the commands read them apart). Nesting is bounded by the parser.
     */
    static String canonical(ObjectMapper mapper, JsonNode json) {
        try {
            return mapper.writeValueAsString(sorted(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write parsed JSON back as JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode json) {
        if (json.isObject()) {
            ObjectNode sorted = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            java.util.List<String> names = new java.util.ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> sorted.set(name, sorted(json.get(name))));
            return sorted;
        }
        if (json.isArray()) {
            var elements = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            json.forEach(element -> elements.add(sorted(element)));
            return elements;
        }
        return json;
    }

    static ObjectNode parseObject(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidInput("body", "the request body is past a limit: JSON may nest at most " + MAX_NESTING_DEPTH
                    + " levels, numbers may have at most " + MAX_NUMBER_LENGTH + " digits and field names at most " + MAX_NAME_LENGTH
                    + " characters");
        } catch (JsonProcessingException e) {
            // Jackson gives no location for some errors; the message must not depend on one.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw new InvalidInput("body", "the request body must be one JSON object, with nothing after it" + where);
            }
            throw new InvalidInput("body", "the request body is not valid JSON: " + plainReason(e.getOriginalMessage()) + where);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidInput("body", "the request body must be a JSON object");
        }
        return object;
    }

    static String requiredText(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInput(path + field, path + field + " is required");
        }
        return text(value, path, field);
    }

    private static String text(JsonNode value, String path, String field) {
        if (!value.isTextual()) {
            throw new InvalidInput(path + field, path + field + " must be a string");
        }
        if (TextLimit.hasControlCharacter(value.asText())) {
            throw new InvalidInput(path + field, path + field + " must not hold control characters such as NUL");
        }
        if (hasUnpairedSurrogate(value.asText())) {
            // JSON's \\uD800 escapes name half a character; PostgreSQL's UTF-8 cannot hold it and it was stored as '?'.
            throw new InvalidInput(path + field, path + field + " must be Unicode text: it holds half of a character "
                    + "(an unpaired surrogate such as \\uD800)");
        }
        return value.asText();
    }

    /** Whether the text holds a UTF-16 surrogate without its other half (only a JSON escape can make one). */
    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static String optionalText(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(value, path, field);
    }

    static long requiredLong(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInput(path + field, path + field + " is required");
        }
        if (!value.isNumber()) {
            throw new InvalidInput(path + field, wholeNumber(path, field) + ", was " + value);
        }
        if (!value.isIntegralNumber()) {
            // Jackson reads 1e3 as 1000.0, so the value as sent cannot be shown; what is wrong with it can.
            throw new InvalidInput(path + field, wholeNumber(path, field) + ", written in digits only: a number with an exponent or a "
                    + "decimal point (1e3, 1000.0) is not taken");
        }
        if (!value.canConvertToLong()) {
            throw new InvalidInput(path + field, path + field + " is too large, was " + value);
        }
        return value.asLong();
    }

    /** What a whole-number field takes, in its unit when its name ends in one (a price's {@code Minor}). */
    private static String wholeNumber(String path, String field) {
        return path + field + (field.endsWith("Minor") ? " must be a whole number of minor units (pence, cents), such as 1000 for 10.00"
                : " must be a whole number, such as 12");
    }

    /** An int field; values outside the int range are reported with the caller's own limit message. */
    static int requiredInt(JsonNode node, String path, String field, long min, long max) {
        long value = requiredLong(node, path, field);
        if (value < min || value > max) {
            throw new InvalidInput(path + field, path + field + " must be between " + min + " and " + max + ", was " + value);
        }
        return (int) value;
    }

    static Integer optionalInt(JsonNode node, String path, String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return requiredInt(node, path, field, min, max);
    }

    static boolean optionalBoolean(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InvalidInput(field, field + " must be true or false");
        }
        return value.asBoolean();
    }

    static LocalDate requiredDate(JsonNode node, String path, String field) {
        String text = requiredText(node, path, field);
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(path + field, path + field + " must be a date as YYYY-MM-DD, was '" + text + "'");
        }
        return CalendarLimits.require(path + field, date);
    }

    /** Maps each element of a required array, passing the element and its field path prefix ("lines[2]."). */
    static <T> List<T> requiredArray(JsonNode node, String field, int maxSize, BiFunction<JsonNode, String, T> element) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInput(field, field + " is required");
        }
        if (!value.isArray()) {
            throw new InvalidInput(field, field + " must be an array");
        }
        if (value.isEmpty()) {
            throw new InvalidInput(field, field + " must have at least one element");
        }
        if (value.size() > maxSize) {
            throw new InvalidInput(field, field + " may have at most " + maxSize + " elements, has " + value.size());
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String path = field + "[" + i + "].";
            if (!item.isObject()) {
                throw new InvalidInput(field + "[" + i + "]", field + "[" + i + "] must be an object");
            }
            result.add(element.apply(item, path));
        }
        return result;
    }
}
