package restock.notify;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One message to deliver: an email to a customer or a webhook to a shop's endpoint. The message id is derived
 * from what caused it, so producing it twice yields one message, and receivers de-duplicate on it.
 */
public record Message(UUID messageId, Channel channel, String topic, String recipient, String subject, String bodyText,
                      String bodyHtml, String orderingKey, String listUnsubscribe) {
    /** A message without a one-click unsubscribe address. */
    public Message(UUID messageId, Channel channel, String topic, String recipient, String subject, String bodyText, String bodyHtml,
                   String orderingKey) {
        this(messageId, channel, topic, recipient, subject, bodyText, bodyHtml, orderingKey, null);
    }

    /** How a message travels. */
    public enum Channel {
        EMAIL, WEBHOOK;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static UUID idFor(String cause, Channel channel, String recipient) {
        return UUID.nameUUIDFromBytes((cause + "|" + channel.code() + "|" + recipient).getBytes(StandardCharsets.UTF_8));
    }
}
