package restock.notify;

/** Delivers one message over its channel; throws when it was not delivered (the outbox retries, or parks it). */
public interface MessageSender {
    void send(Message message) throws DeliveryFailed;

    /** A delivery that did not happen, with the reason for the outbox's record and whether trying again may help. */
    final class DeliveryFailed extends Exception {
        private final boolean retryable;

        /** A failure that may pass (no answer, a 5xx): the outbox tries again later. */
        public DeliveryFailed(String reason, Throwable cause) {
            this(reason, cause, true);
        }

        private DeliveryFailed(String reason, Throwable cause, boolean retryable) {
            super(reason, cause);
            this.retryable = retryable;
        }

        /** A message no retry can deliver (its address cannot be sent to): the outbox parks it at once. */
        public static DeliveryFailed permanently(String reason) {
            return new DeliveryFailed(reason, null, false);
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
