package restock.web;

import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import restock.common.Conflict;
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

/**
 * A form's one-time key ({@link Chrome#formKey}, sent as {@link Console#ONCE_FIELD}) and the hash of what the form
 * asked, for {@link restock.service.IdempotentCommands#run}: a form sent twice acts once. The forms whose repeat would
 * act twice carry one: those that create (a purchase order, a product) and those that move stock (a receipt, a count);
 * the question before a cancel carries one too, so a double click on its button shows what was done, not a refusal.
 */
final class OnceKeys {
    private OnceKeys() {
    }

    /**
     * The form's key. A form without one (a page from before the form had one, a script that did not read the page) is
     * refused: it would act each time it is sent, and a receipt sent twice by a script was received twice (an outside check).
     */
    static String key(Context ctx) {
        String key = Optional.ofNullable(ctx.formParam(Console.ONCE_FIELD)).map(String::strip).orElse("");
        if (key.isEmpty()) {
            throw new InvalidInput(Console.ONCE_FIELD, "this form has no one-time key, so a second send could act twice; nothing was "
                    + "changed. Reload the page and send the form from it");
        }
        if (key.length() > TextLimit.IDEMPOTENCY_KEY.maxLength()) {
            throw new InvalidInput(Console.ONCE_FIELD, "the form's key is longer than " + TextLimit.IDEMPOTENCY_KEY.maxLength() + " characters");
        }
        // Checked here, where it enters, as the API's Idempotency-Key is: a NUL in the demo shop's key reached the
        // database and answered 500 (the form fuzzer; the console's forms refuse it earlier, in FormInput).
        if (TextLimit.hasControlCharacter(key)) {
            throw new InvalidInput(Console.ONCE_FIELD, "the form's key has a control character, which a page's key never has; nothing was "
                    + "changed. Reload the page and send the form from it");
        }
        return key;
    }

    /**
     * Runs a form's command once per key, in one transaction: a send with the same key and the same values gets the answer
     * the first one stored (sends at the same moment wait for each other), so the page shows what was done, once. The same
     * key with other values is a conflict: {@code again} says what to do instead ("reload the page to receive more").
     *
     * @param scope   what the command is and who sent it ("console receipt ops"): keys are unique within it
     * @param request what the form asked, in full (a record's text): its hash tells a resend from another request
     * @param command the command, returning the answer to keep (the sentence the page shows, an id)
     */
    static String once(Restock restock, Context ctx, String scope, String request, String again, Function<Handle, String> command) {
        return run(restock, ctx, scope, request, again, command).body();
    }

    /** What a resent form's page says before the first send's answer: nothing was done again. */
    static final String SENT_BEFORE = "This form was sent before, and nothing more was done: ";

    /**
     * As {@link #once}, for a form whose answer is the sentence the page shows: a resend's sentence says it was a
     * resend, before what the first send did (a newcomer saw the same "100 units received" twice and could not tell
     * whether 200 had arrived).
     */
    static String onceSaid(Restock restock, Context ctx, String scope, String request, String again, Function<Handle, String> command) {
        IdempotentCommands.Answer answer = run(restock, ctx, scope, request, again, command);
        return answer.repeated() ? SENT_BEFORE + answer.body() : answer.body();
    }

    private static IdempotentCommands.Answer run(Restock restock, Context ctx, String scope, String request, String again,
                                                 Function<Handle, String> command) {
        try {
            return restock.idempotent().run(scope, Optional.of(key(ctx)), hash(request), 200, command);
        } catch (IdempotentCommands.KeyReused e) {
            throw new Conflict(Console.ONCE_FIELD, "this form was already sent with other values; " + again);
        }
    }

    static String hash(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
