package restock.notify;

/** One message as GET /api/messages lists it: what was sent (or is still to be sent) to a recipient, and how it went. */
public record SentMessage(long id, String messageId, String channel, String topic, String subject, String status, int attempts,
                          String createdAt, String sentAt, String lastError) {
}
