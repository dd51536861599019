package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.InvalidInput;
import restock.common.SignedLinks;
import restock.orders.LineState;
import restock.orders.Order;
import restock.store.SqlCancelLinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One-click cancellation for customers: a signed, expiring link per order, usable once, that cancels the lines
 * still waiting for stock. Before capture that voids the authorization (no refund); after, it refunds.
 */
public final class CancelLinks {
    public static final String PURPOSE = "cancel-order";
    public static final Duration LIFETIME = Duration.ofDays(60);
    public static final List<String> REASONS = List.of("waited too long", "found it elsewhere", "no longer needed",
            "ordered by mistake", "other");

    private final SignedLinks links;
    private final Clock clock;
    private final OrderCommands orders;

    public CancelLinks(SignedLinks links, Clock clock, OrderCommands orders) {
        this.links = links;
        this.clock = clock;
        this.orders = orders;
    }

    /** A link's token and until when it works. */
    public record Link(String token, Instant expiresAt) {
    }

    /** What a customer who opens a link sees. */
    public sealed interface View {
        /** The order, with its waiting lines to cancel. */
        record Open(Order order) implements View {
        }

        /** The link worked once already. */
        record AlreadyUsed(Order order) implements View {
        }

        record Expired() implements View {
        }

        /** Forged, mangled or for something else. */
        record Invalid() implements View {
        }
    }

    public Link create(Handle handle, long orderId) {
        orders.find(handle, orderId);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        return new Link(links.sign(PURPOSE, orderId, expiresAt), expiresAt);
    }

    public View view(Handle handle, String token) {
        Instant now = clock.instant();
        Optional<SignedLinks.Grant> grant = links.verify(token, PURPOSE, now);
        if (grant.isEmpty()) {
            return links.expired(token, PURPOSE, now) ? new View.Expired() : new View.Invalid();
        }
        Order order = orders.find(handle, grant.get().id());
        return SqlCancelLinks.used(handle, hash(token)) ? new View.AlreadyUsed(order) : new View.Open(order);
    }

    /** Cancels the order's waiting lines once; a second use, an expired or forged link changes nothing. */
    public View use(Handle handle, String token, String reason) {
        if (!REASONS.contains(reason)) {
            throw new InvalidInput("reason", "reason must be one of " + REASONS);
        }
        View view = view(handle, token);
        if (!(view instanceof View.Open open)) {
            return view;
        }
        if (!SqlCancelLinks.markUsed(handle, hash(token), open.order().id(), clock.instant())) {
            return new View.AlreadyUsed(open.order());
        }
        boolean anyWaiting = open.order().lines().stream().anyMatch(line -> line.state() instanceof LineState.Waiting);
        Order after = anyWaiting ? orders.cancelWaiting(handle, open.order().id(), reason, "cancel-link") : open.order();
        return new View.AlreadyUsed(after);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
