package restock.web;

import io.javalin.http.Context;
import restock.common.InvalidInput;
import restock.common.TextLimit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the console takes from a request, decided here for every console page and form before any of them reads a
 * field: a body sent as a form, in UTF-8; fields that are UTF-8 text (judged on the bytes as sent, since a decoded
 * value shows U+FFFD for bytes that were not) and that hold no control character the API refuses (NUL among them).
 * The query is held to the same, as a search box is a form too.
 */
final class FormInput {
    /** How a browser sends a form: the console's pages and htmx send the first, a page with files would send the second. */
    static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data");

    /** Longest field name a refusal repeats back (a field sent twice, one not readable); longer ones are cut with an ellipsis. */
    static final int MAX_FIELD_NAME_SHOWN = 60;

    private FormInput() {
    }

    /** A field whose value cannot be taken as sent: its name, which of its values (from 0), and what is wrong, said after its name. */
    record Unreadable(String field, int occurrence, String problem) {
    }

    /** Why the body is not a console form (its media type or charset), or nothing when it is one or there is no body. */
    static Optional<String> notAForm(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (mediaType.isEmpty() && ctx.bodyAsBytes().length == 0) {
            // Nothing to misread: a button's POST with its token in a header.
            return Optional.empty();
        }
        if (!FORM_TYPES.contains(mediaType)) {
            return Optional.of("This was sent as " + (mediaType.isEmpty() ? "no Content-Type" : "'" + mediaType + "'") + ", and the console takes "
                    + "forms only, sent as application/x-www-form-urlencoded (as its pages send them) or multipart/form-data. Nothing was changed.");
        }
        Optional<String> charset = parameter(type, "charset");
        if (charset.isPresent() && !charset.get().equals("utf-8")) {
            return Optional.of("This form was sent in " + charset.get() + ", and the console takes forms in UTF-8 (as its pages send them). "
                    + "Nothing was changed.");
        }
        return Optional.empty();
    }

    /**
     * Why a form-encoded body cannot be decoded at all (a '%' without two hex digits after it, which the decoder that
     * reads forms throws on), or nothing. It is asked before anything reads the form, even its security token.
     */
    static Optional<String> undecodable(Context ctx) {
        if (ctx.isMultipartFormData() || escapesWellFormed(ctx.bodyAsBytes())) {
            return Optional.empty();
        }
        return Optional.of("This form could not be read: it holds a '%' that is not followed by two hex digits (a browser sends a "
                + "percent sign as %25). Nothing was changed.");
    }

    /** The first field of the query, then of the body, that is not UTF-8 text or holds a control character. */
    static Optional<Unreadable> unreadable(Context ctx) {
        byte[] query = Optional.ofNullable(ctx.queryString()).orElse("").getBytes(StandardCharsets.ISO_8859_1);
        if (!escapesWellFormed(query)) {
            return Optional.of(new Unreadable(null, 0, "the address's query holds a '%' that is not followed by two hex digits"));
        }
        Optional<Unreadable> inQuery = firstUnreadable(urlEncoded(query));
        if (inQuery.isPresent() || !ctx.method().name().equals("POST")) {
            return inQuery;
        }
        return firstUnreadable(ctx.isMultipartFormData() ? parts(ctx) : urlEncoded(ctx.bodyAsBytes()));
    }

    private static boolean escapesWellFormed(byte[] encoded) {
        for (int i = 0; i < encoded.length; i++) {
            if (encoded[i] == '%' && (i + 2 >= encoded.length || hex(encoded[i + 1]) < 0 || hex(encoded[i + 2]) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** A field that cannot be read, named as its form names it so the form shows the reason at the field. */
    static InvalidInput refusal(Context ctx, ConsoleForm form, Unreadable unreadable) {
        Optional<String> name = Optional.ofNullable(unreadable.field()).flatMap(field -> form.refusedName(ctx, field, unreadable.occurrence()));
        return name.map(field -> new InvalidInput(field, field + " " + unreadable.problem()))
                .orElseGet(() -> new InvalidInput(null, words(unreadable)));
    }

    /** What is wrong with a field no form shows: "The field 'back' must not hold ...". */
    static String words(Unreadable unreadable) {
        if (unreadable.field() == null) {
            return "This form could not be read: " + unreadable.problem() + ". Nothing was changed.";
        }
        return "The field '" + shownName(unreadable.field()) + "' " + unreadable.problem() + ". Nothing was changed.";
    }

    /** A field's name as a page repeats it: it is the sender's, so a long one is cut. */
    static String shownName(String field) {
        return field.length() > MAX_FIELD_NAME_SHOWN ? field.substring(0, MAX_FIELD_NAME_SHOWN) + "…" : field;
    }

    /** A field as sent: its name and value as bytes, before they are taken as text. */
    private record Sent(byte[] name, byte[] value) {
    }

    private static Optional<Unreadable> firstUnreadable(List<Sent> fields) {
        Map<String, Integer> seen = new HashMap<>();
        for (Sent field : fields) {
            Optional<String> name = utf8(field.name());
            if (name.isEmpty() || TextLimit.hasControlCharacter(name.get())) {
                return Optional.of(new Unreadable(null, 0, "a field's name is not UTF-8 text without control characters"));
            }
            int occurrence = seen.merge(name.get(), 1, Integer::sum) - 1;
            Optional<String> value = utf8(field.value());
            if (value.isEmpty()) {
                // Java's decoder refuses an encoded surrogate (%ED%A0%80) as it refuses a stray byte (%FF): both were stored as U+FFFD.
                return Optional.of(new Unreadable(name.get(), occurrence, "must be text in UTF-8: it held bytes that are not (such as %FF), "
                        + "or half of a character (such as %ED%A0%80); type it again"));
            }
            if (TextLimit.hasControlCharacter(value.get())) {
                return Optional.of(new Unreadable(name.get(), occurrence, "must not hold control characters such as NUL"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The fields of a form-encoded body or query (its escapes well formed), percent-escapes and '+' turned into the bytes they stand for. */
    private static List<Sent> urlEncoded(byte[] body) {
        List<Sent> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int equals = start;
                    while (equals < i && body[equals] != '=') {
                        equals++;
                    }
                    fields.add(new Sent(unescape(body, start, equals), unescape(body, Math.min(equals + 1, i), i)));
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private static byte[] unescape(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                bytes.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                bytes.write(b == '+' ? ' ' : b);
            }
        }
        return bytes.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xFF), 16);
    }

    /** The text fields of a multipart body, as sent (a file part is not read: no console form has one). */
    private static List<Sent> parts(Context ctx) {
        // Javalin reads the parts when the form is first read; this makes sure they are, before asking for them.
        ctx.formParamMap();
        List<Sent> fields = new ArrayList<>();
        try {
            for (var part : ctx.req().getParts()) {
                if (part.getSubmittedFileName() == null) {
                    try (InputStream in = part.getInputStream()) {
                        fields.add(new Sent(part.getName().getBytes(StandardCharsets.UTF_8), in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the form's parts could not be read", e);
        } catch (jakarta.servlet.ServletException e) {
            throw new IllegalStateException("the form's parts could not be read", e);
        }
        return fields;
    }

    /** A parameter of a Content-Type, lower case and unquoted ("charset" of "...; charset=UTF-8" is "utf-8"). */
    private static Optional<String> parameter(String contentType, String name) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equals(name)) {
                return Optional.of(pair[1].strip().replace("\"", ""));
            }
        }
        return Optional.empty();
    }
}
