package restock.notify;

/** A URL that receives Restock's events, signed with its own secret. */
public record WebhookEndpoint(long id, String url, String secret) {
}
