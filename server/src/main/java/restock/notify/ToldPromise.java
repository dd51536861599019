package restock.notify;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a customer was told of a waiting line's promise: the latest date it ships by, or nothing when no date was
 * confirmed. A promise change is worth a mail only when what the customer would be told now differs from this: a
 * promise that moved and moved back, or moved several times before the relay ran, is told once, as it stands.
 */
public record ToldPromise(Optional<LocalDate> latest) {
    public ToldPromise {
        Objects.requireNonNull(latest, "latest");
    }

    /** Whether a customer last told {@code lastTold} (nothing: never told) should hear of the promise {@code now}. */
    public static boolean worthTelling(Optional<ToldPromise> lastTold, ToldPromise now) {
        return lastTold.map(told -> !told.equals(now)).orElse(true);
    }
}
