package restock.service;

import restock.notify.ListedWebhookEndpoint;
import org.jdbi.v3.core.Handle;
import restock.common.NotFound;
import restock.store.SqlWebhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * A shop's webhook endpoints: listed without secrets, paused (no new messages; queued ones still go) and resumed,
 * deleted (queued messages dead-lettered), and their signing secret rotated (shown once).
 */
public final class WebhookEndpoints {
    /** Random bytes in a signing secret. */
    public static final int SECRET_BYTES = 24;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookEndpoints(Clock clock) {
        this.clock = clock;
    }

    /** A rotated endpoint: its URL and new secret. */
    public record Rotated(long id, String url, String secret) {
        @Override
        public String toString() {
            return "Rotated[id=" + id + ", url=" + url + "]";
        }
    }

    public List<ListedWebhookEndpoint> list(Handle handle) {
        return SqlWebhooks.list(handle);
    }

    public ListedWebhookEndpoint pause(Handle handle, long id, boolean paused) {
        if (!SqlWebhooks.setPaused(handle, id, paused, clock.instant())) {
            throw notFound(id);
        }
        return SqlWebhooks.find(handle, id).orElseThrow(() -> notFound(id));
    }

    public void delete(Handle handle, long id) {
        if (!SqlWebhooks.delete(handle, id, clock.instant())) {
            throw notFound(id);
        }
    }

    public Rotated rotateSecret(Handle handle, long id) {
        String secret = newSecret();
        String url = SqlWebhooks.rotateSecret(handle, id, secret, clock.instant()).orElseThrow(() -> notFound(id));
        return new Rotated(id, url, secret);
    }

    /** A new signing secret: whsec_ and 24 random bytes in hex. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private static NotFound notFound(long id) {
        return new NotFound("id", "no webhook endpoint with id " + id + " (deleted ones are not listed)");
    }
}
