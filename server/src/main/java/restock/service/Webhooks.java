package restock.service;

import org.jdbi.v3.core.Handle;
import restock.store.SqlOutbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook endpoints and the record of what was sent to whom (the outbox), as the API and the relay see them. */
public final class Webhooks {
    private static final int SECRET_BYTES = 24;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(Clock clock) {
        this.clock = clock;
    }

    /** A new endpoint with a signing secret of its own (the caller has checked the URL is one we may call). */
    public restock.notify.WebhookEndpoint add(Handle handle, String url) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return SqlOutbox.addEndpoint(handle, url, "whsec_" + HexFormat.of().formatHex(secret), clock.instant());
    }

    /** Puts a dead-lettered message back in the queue; false if there is no such parked message. */
    public boolean replay(Handle handle, long messageId) {
        return SqlOutbox.replay(handle, messageId, clock.instant());
    }

    /** What was sent (or is still to be sent) to a recipient, newest first. */
    public List<Map<String, Object>> sentTo(Handle handle, String recipient, int limit) {
        return SqlOutbox.sentTo(handle, recipient, limit);
    }

    /** The signing secret of the active endpoint at this URL. */
    public Optional<String> secretFor(Handle handle, String url) {
        return SqlOutbox.endpointSecret(handle, url);
    }
}
