package restock.web;

import io.javalin.http.Context;
import restock.common.InvalidInput;
import restock.common.TextLimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A creating form's one-time key ({@link Chrome#formKey}, sent as {@link Console#ONCE_FIELD}) and the hash of what the
 * form asked, for {@link restock.service.IdempotentCommands#run}: a form sent twice acts once.
 */
final class OnceKeys {
    private OnceKeys() {
    }

    /** The form's key; a form without one (an old page) acts each time it is sent. */
    static Optional<String> key(Context ctx) {
        Optional<String> key = Optional.ofNullable(ctx.formParam(Console.ONCE_FIELD)).map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > TextLimit.IDEMPOTENCY_KEY.maxLength()) {
            throw new InvalidInput(Console.ONCE_FIELD, "the form's key is longer than " + TextLimit.IDEMPOTENCY_KEY.maxLength() + " characters");
        }
        return key;
    }

    static String hash(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
