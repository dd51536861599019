package restock.notify;

/** Delivers one message over its channel; throws when it was not delivered (the outbox retries). */
public interface MessageSender {
    void send(Message message) throws DeliveryFailed;

    /** A delivery that did not happen, with the reason for the outbox's record. */
    final class DeliveryFailed extends Exception {
        public DeliveryFailed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
