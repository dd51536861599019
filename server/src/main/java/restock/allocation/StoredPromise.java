package restock.allocation;

import restock.promise.Promise;

import java.util.Optional;

/** A waiting line's promise as last stored: what it was told (empty: no confirmed date) and the probability. */
public record StoredPromise(Optional<Promise> promise, double probability) {
    /** Whether the line was told something else than {@code now} (dates or supply line): a change worth telling. */
    boolean commitmentDiffers(Optional<Promise> now) {
        if (promise.isEmpty() || now.isEmpty()) {
            return promise.isPresent() != now.isPresent();
        }
        return !promise.get().sameCommitment(now.get());
    }
}
