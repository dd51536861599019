package restock.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import restock.catalog.CatalogAudit;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.TextLimit;
import restock.service.IdempotentCommands;
import restock.service.Restock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/** How routes run commands: one transaction each, idempotent with a key, JSON out; and how they read paths and queries. */
final class HttpCommands {
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = HttpApi.MAX_IDEMPOTENCY_KEY_LENGTH;

    private final Restock restock;
    private final ObjectMapper mapper;

    HttpCommands(Restock restock, ObjectMapper mapper) {
        this.restock = restock;
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A command with a JSON body. */
    void command(Context ctx, int successStatus, CommandBody action) {
        String body = ctx.body();
        runCommand(ctx, successStatus, body, requestHash(body), handle -> action.run(handle, JsonBody.parseObject(mapper, body)));
    }

    /** A command whose body may hold only {@code fields}: any other is refused before anything runs. */
    void command(Context ctx, int successStatus, java.util.Set<String> fields, CommandBody action) {
        command(ctx, successStatus, (handle, body) -> {
            JsonBody.requireKnownFields(body, "", fields);
            return action.run(handle, body);
        });
    }

    void commandWithoutBody(Context ctx, Function<Handle, Object> action) {
        runCommand(ctx, 200, "", sha256(""), action);
    }

    /**
     * Runs a command in one transaction. With an Idempotency-Key, the first answer is stored in that same
     * transaction, and a retry with the same request gets it again; a different request under the same key is refused.
     */
    private void runCommand(Context ctx, int successStatus, String body, String requestHash, Function<Handle, Object> action) {
        IdempotentCommands.Answer answer;
        try {
            answer = restock.idempotent().run(ctx.method().name() + " " + ctx.path(), idempotencyKey(ctx), requestHash, sha256(body),
                    successStatus, handle -> toJson(action.apply(handle)));
        } catch (IdempotentCommands.KeyReused reused) {
            throw new ProblemException(422, "Idempotency key reused", reused.getMessage(), "Idempotency-Key");
        }
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
    }

    /** A command that reads a parsed JSON body. */
    @FunctionalInterface
    interface CommandBody {
        Object run(Handle handle, JsonNode body);
    }

    static Optional<String> idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || TextLimit.hasControlCharacter(key)) {
            throw new InvalidInput("Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters without control characters");
        }
        return Optional.of(key);
    }

    /** The longest If-Match header read: one ETag as this API gives them is 18 characters with its quotes. */
    static final int MAX_IF_MATCH_LENGTH = 100;

    /**
     * The version an edit is made against, from its If-Match header (the ETag a GET gave, quoted or not); empty
     * without the header or with {@code *} (any version). A weak or listed tag is refused: edits compare one exact version.
     */
    static Optional<String> readVersion(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.strip().equals("*")) {
            return Optional.empty();
        }
        String tag = header.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (header.length() > MAX_IF_MATCH_LENGTH || !CatalogAudit.isVersion(tag)) {
            throw new InvalidInput("If-Match", "If-Match takes the one ETag a GET of this record answered (such as \"3f2a9c0d1e4b5a6f\"), or *");
        }
        return Optional.of(tag);
    }

    /** An ETag header value for a record's version. */
    static String etag(String version) {
        return "\"" + version + "\"";
    }

    /** Query values are text stored or compared in SQL, which refuses NUL: every one is checked at the door. */
    /**
     * A request body is UTF-8 text: bytes that are not were decoded to U+FFFD and stored in a product's name (an
     * outside check); the CSV import already refused them.
     */
    static void refuseBodyNotUtf8(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            // A form or text body was read as JSON and failed with a parser message about its first character.
            throw new ProblemException(415, "Unsupported Media Type", "the request body must be JSON sent as Content-Type: "
                    + "application/json, was " + (mediaType.isEmpty() ? "no Content-Type" : "'" + mediaType + "'"), "Content-Type");
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInput("body", "the request body is not UTF-8 text; send JSON encoded as UTF-8");
        }
    }

    static void refuseControlCharactersInQuery(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            if (TextLimit.hasControlCharacter(name) || values.stream().anyMatch(TextLimit::hasControlCharacter)) {
                throw new InvalidInput(name, "query parameter " + name + " must not hold control characters such as NUL");
            }
        });
    }

    static int queryInt(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " must be a whole number, was '" + value + "'");
        }
    }


    /** A whole, non-negative query number (a cursor such as an id), or the fallback when it is absent. */
    static long queryLong(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " must be a whole number of at least 0, was '" + value + "'");
        }
    }

    static Optional<Double> queryNumber(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new InvalidInput(name, name + " must be a number such as 0.95, was '" + value + "'");
            }
        });
    }

    static Sku sku(Context ctx) {
        return Requests.sku("", ctx.pathParam("sku"));
    }

    static long id(Context ctx) {
        return pathNumber(ctx, "id");
    }

    static int lineNumber(Context ctx) {
        return (int) Math.min(pathNumber(ctx, "lineNumber"), Integer.MAX_VALUE);
    }

    private static long pathNumber(Context ctx, String name) {
        try {
            long value = Long.parseLong(ctx.pathParam(name));
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " must be a positive whole number, was '" + ctx.pathParam(name) + "'");
        }
    }

    String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * What a retry under the same Idempotency-Key must repeat: a JSON body as JSON (its fields in any order, any
     * whitespace: a storefront that rebuilt the same order with its fields in another order got a 422), any other
     * body by its bytes (a command refuses it anyway, and a refusal is not stored).
     */
    private String requestHash(String body) {
        JsonNode json;
        try {
            json = body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException notJson) {
            json = null;
        }
        return json == null ? sha256(body) : sha256(JsonBody.canonical(mapper, json));
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
