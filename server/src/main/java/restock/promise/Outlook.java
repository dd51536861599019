package restock.promise;

/** Whether units that are not on hand can be promised: a promise, or why not. */
public sealed interface Outlook {
    /** Confirmed supply covers the units with at least the threshold probability. */
    record Promised(Promise promise) implements Outlook {
    }

    /** No promise: the best probability reachable within the allowed slip, and why. */
    record Unconfirmed(double probability, String reason) implements Outlook {
    }
}
