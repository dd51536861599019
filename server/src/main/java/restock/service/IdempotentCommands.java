package restock.service;

import org.jdbi.v3.core.Handle;
import restock.store.SqlIdempotency;

import java.util.Optional;
import java.util.function.Function;

/**
 * Commands that carry an idempotency key: the first answer is stored in the command's own transaction, a retry
 * with the same request gets it again, and a different request under the same key is refused.
 */
public final class IdempotentCommands {
    private final Restock restock;

    IdempotentCommands(Restock restock) {
        this.restock = restock;
    }

    /** The answer a command gave (or gives now): its status and body. */
    /** A command's answer; {@code repeated} when it is the stored answer of an earlier request under the same key. */
    public record Answer(int status, String body, boolean repeated) {
    }

    /** A key already used for a request with another body. */
    public static final class KeyReused extends RuntimeException {
        public KeyReused(String key) {
            super("Idempotency-Key '" + key + "' was already used with a different request body; use a new key for a new request");
        }
    }

    /**
     * For a command that runs inside a larger transaction under a key of its own (an import's purchase order or
     * order, keyed by its reference): the answer stored for the key, if any, with the key locked until the
     * transaction ends. {@link #remember} stores the answer after the command ran.
     */
    public Optional<Remembered> find(Handle handle, String scope, String key) {
        return SqlIdempotency.lockAndFind(handle, scope, key).map(stored -> new Remembered(stored.requestHash(), stored.responseBody()));
    }

    /** What a command under a key was asked (its request's hash) and answered. */
    public record Remembered(String requestHash, String answer) {
    }

    /** Stores the answer of a command {@link #find} found no answer for, in the same transaction. */
    public void remember(Handle handle, String scope, String key, String requestHash, String answer) {
        SqlIdempotency.store(handle, scope, key, requestHash, 200, answer, restock.clock().instant());
    }

    /**
     * Runs the command in one transaction; with a key, requests under the same key and scope run one after the
     * other (an advisory lock in the transaction), and only the first one runs the command.
     */
    public Answer run(String scope, Optional<String> key, String requestHash, int successStatus, Function<Handle, String> command) {
        return run(scope, key, requestHash, requestHash, successStatus, command);
    }

    /**
     * As {@link #run(String, Optional, String, int, Function)}, where a request is also the same as one stored under
     * the hash of its exact bytes ({@code exactHash}): answers stored before the API hashed JSON bodies in a canonical
     * form keep answering retries with the same bytes.
     */
    public Answer run(String scope, Optional<String> key, String requestHash, String exactHash, int successStatus,
                      Function<Handle, String> command) {
        return restock.inTransaction(handle -> {
            if (key.isPresent()) {
                Optional<SqlIdempotency.StoredAnswer> stored = SqlIdempotency.lockAndFind(handle, scope, key.get());
                if (stored.isPresent()) {
                    String storedHash = stored.get().requestHash();
                    if (!storedHash.equals(requestHash) && !storedHash.equals(exactHash)) {
                        throw new KeyReused(key.get());
                    }
                    return new Answer(stored.get().statusCode(), stored.get().responseBody(), true);
                }
            }
            String body = command.apply(handle);
            key.ifPresent(k -> SqlIdempotency.store(handle, scope, k, requestHash, successStatus, body, restock.clock().instant()));
            return new Answer(successStatus, body, false);
        });
    }
}
