package restock.service;

import restock.orders.CancellationChannel;
import org.jdbi.v3.core.Handle;
import restock.common.InvalidInput;
import restock.common.SignedLinks;
import restock.orders.LineState;
import restock.orders.Order;
import restock.orders.OrderLine;
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

    /** What a customer who opens a link sees, or what using it did. */
    public sealed interface View {
        /** An unused link to an order with lines waiting for stock, to cancel. */
        record Open(Order order) implements View {
        }

        /** The link worked once already (before this request). */
        record AlreadyUsed(Order order) implements View {
        }

        /**
         * This use cancelled the waiting lines: the order before and after, so the page can say how many units of
         * each line this use cancelled and what remains.
         */
        record Cancelled(Order before, Order after) implements View {
            /** The units of a line this use cancelled (the line's cancelled units after, less those before). */
            public int cancelledUnits(OrderLine line) {
                int earlier = before.lines().stream().filter(b -> b.id() == line.id()).mapToInt(b -> b.quantities().cancelled())
                        .findFirst().orElse(0);
                return line.quantities().cancelled() - earlier;
            }
        }

        /** Nothing in the order waits for stock any more: nothing was cancelled and the link stays unused. */
        record NothingWaiting(Order order) implements View {
        }

        record Expired() implements View {
        }

        /** Forged, mangled or for something else. */
        record Invalid() implements View {
        }
    }

    /**
     * A link asked for by staff or a storefront: only for an order with something waiting, since the link cancels
     * waiting items only (an outside check got a link for an order that never waited, and a page saying nothing
     * waited "any more"). Notices make theirs with {@link #create}, for lines they know wait.
     */
    public Link createForWaitingItems(Handle handle, long orderId) {
        Order order = orders.find(handle, orderId);
        if (order.lines().stream().noneMatch(line -> line.quantities().waiting() > 0)) {
            throw new restock.common.Conflict("id", "order " + orderId + " has nothing waiting for stock: a cancel link cancels waiting items only");
        }
        return create(handle, orderId);
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
        if (SqlCancelLinks.used(handle, hash(token))) {
            return new View.AlreadyUsed(order);
        }
        return anyWaiting(order) ? new View.Open(order) : new View.NothingWaiting(order);
    }

    /**
     * Cancels the order's waiting lines once; a second use, an expired or forged link, or an order with nothing
     * waiting changes nothing (the last leaves the link unused).
     */
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
        OrderCommands.Cancelled cancelled = orders.cancelWaiting(handle, open.order().id(), reason, CancellationChannel.CANCEL_LINK);
        return new View.Cancelled(cancelled.before(), cancelled.after());
    }

    private static boolean anyWaiting(Order order) {
        return order.lines().stream().anyMatch(line -> line.state() instanceof LineState.Waiting);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
