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
                throw new InvalidInput(path + name, "unknown field '" + path + name.substring(0, Math.min(name.length(), 64))
                        + "'; the fields are " + new java.util.TreeSet<>(known));
            }
        }
        return object;
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
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidInput(path + field, path + field + " must be a whole number, was " + value);
        }
        return value.asLong();
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
