package restock.notify;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One outbox message as the outbox list shows it: what it is, to whom, how its delivery went and what happens next.
 * {@code id} is the one POST /api/outbox/{id}/replay and /retry take; {@code messageId} the one receivers de-duplicate on.
 * A webhook names the endpoint registered at its URL ({@code endpointId}; absent for a mail). A message the worker
 * will try can be held ({@code held}): its time has come, yet it waits behind an earlier one, or for its paused
 * endpoint to be resumed.
 */
public record OutboxEntry(long id, UUID messageId, Message.Channel channel, String topic, String recipient, Optional<Long> endpointId,
                          DeliveryStatus status, int attempts, Optional<String> lastError, Optional<Instant> nextAttemptAt,
                          Instant createdAt, Optional<Instant> deliveredAt, Optional<Hold> held) {
    /** Why a message the worker will try waits although its time has come, with what to do about it. */
    public sealed interface Hold {
        /** Why the message is held, and what to do about it, in words for a person. */
        String reason();

        /** The earlier message it waits for, if that is why. */
        default Optional<Long> behind() {
            return Optional.empty();
        }

        /**
         * The earlier message a waiting one is held behind: messages to one recipient about one customer are delivered in
         * id order, so none is tried while an older one of them is still pending or retrying. This is the oldest of them.
         */
        record Behind(long id, DeliveryStatus status, Instant nextAttemptAt) implements Hold {
            public Behind {
                if (!status.willBeTried()) {
                    throw new IllegalStateException("outbox message " + id + " holds another back while " + status.code());
                }
            }

            @Override
            public Optional<Long> behind() {
                return Optional.of(id);
            }

            @Override
            public String reason() {
                String when = status == DeliveryStatus.RETRYING ? "next attempt at " + nextAttemptAt : "due at " + nextAttemptAt;
                return "messages to one recipient about one customer are delivered in order: this one waits for message " + id
                        + ", which is " + status.code() + " (" + when + "; POST /api/outbox/" + id + "/retry tries it now)";
            }
        }

        /** The webhook endpoint it is for is paused: its messages are kept, in order, until it is resumed. */
        record EndpointPaused(long endpointId) implements Hold {
            @Override
            public String reason() {
                return "webhook endpoint " + endpointId + " is paused: its messages are kept and go, in order, once POST /api/webhooks/"
                        + endpointId + "/resume resumes it";
            }
        }
    }

    public OutboxEntry {
        if (attempts < 0) {
            throw new IllegalStateException("outbox message " + id + " has " + attempts + " attempts");
        }
        if (status.willBeTried() && !waitsForResume(held) != nextAttemptAt.isPresent()) {
            throw new IllegalStateException("outbox message " + id + " is " + status.code() + (waitsForResume(held) ? ", held by its paused endpoint," : "")
                    + " and has " + (nextAttemptAt.isPresent() ? "a" : "no") + " next attempt time");
        }
        if ((status == DeliveryStatus.DELIVERED) != deliveredAt.isPresent()) {
            throw new IllegalStateException("outbox message " + id + " is " + status.code() + " and has "
                    + (deliveredAt.isPresent() ? "a" : "no") + " delivery time");
        }
        if (held.isPresent() && (!status.willBeTried() || held.get().behind().orElse(-1L) >= id)) {
            throw new IllegalStateException("outbox message " + id + " is " + status.code() + " and held (" + held.get().reason() + ")");
        }
        if (held.orElse(null) instanceof Hold.EndpointPaused && channel != Message.Channel.WEBHOOK) {
            throw new IllegalStateException("outbox message " + id + " is a " + channel.code() + " and held by a paused webhook endpoint");
        }
        if (endpointId.isPresent() && channel != Message.Channel.WEBHOOK) {
            throw new IllegalStateException("outbox message " + id + " is a " + channel.code() + " and names webhook endpoint " + endpointId.get());
        }
    }

    /**
     * Whether a message waits for its paused endpoint to be resumed: it has no next attempt until then (it listed its
     * creation time as its next attempt, though nothing is tried before the resume; an outside check).
     */
    public static boolean waitsForResume(Optional<Hold> held) {
        return held.orElse(null) instanceof Hold.EndpointPaused;
    }

    /**
     * Why a replay may not put this message back in the queue, or empty when it may: only a parked message is
     * replayed; one still being tried, or delivered, is refused with where it stands and what to do instead.
     */
    public Optional<String> replayRefusal() {
        return switch (status) {
            case PARKED -> Optional.empty();
            case PENDING, RETRYING -> Optional.of("outbox message " + id + " " + standing() + "; it is tried again by itself (POST /api/outbox/"
                    + id + "/retry tries it now), and only a parked message is replayed");
            case DELIVERED -> Optional.of("outbox message " + id + " " + standing() + ": there is nothing to replay");
        };
    }

    /**
     * Why its next attempt may not be made due now, or empty when it may: only a message the worker will try again
     * has a next attempt; a parked one is replayed instead, a delivered one has nothing left to try, and one held by
     * its paused endpoint goes when the endpoint is resumed (a retry answered 200 and the message still waited).
     */
    public Optional<String> retryRefusal() {
        return switch (status) {
            case PENDING, RETRYING -> held.filter(Hold.EndpointPaused.class::isInstance)
                    .map(paused -> "outbox message " + id + " " + standing() + ": " + paused.reason());
            case PARKED -> Optional.of("outbox message " + id + " " + standing() + ", so it has no next attempt: POST /api/outbox/" + id
                    + "/replay puts it back in the queue with its tries reset");
            case DELIVERED -> Optional.of("outbox message " + id + " " + standing() + ": there is nothing to try again");
        };
    }

    /** When a message the worker will try is tried next: at its time, or once its paused endpoint is resumed. */
    private String nextAttemptWords(String atWords) {
        return nextAttemptAt.map(at -> atWords + at).orElseGet(() -> "waiting until webhook endpoint "
                + ((Hold.EndpointPaused) held.orElseThrow()).endpointId() + " is resumed");
    }

    /** Where the message stands, in words for a person: its status and what its times and last error say. */
    String standing() {
        String lastFailure = lastError.map(error -> " (last error: " + error + ")").orElse("");
        return switch (status) {
            case PENDING -> "is pending: not tried yet, " + nextAttemptWords("due at ");
            case RETRYING -> "is retrying: " + attempts + (attempts == 1 ? " try" : " tries") + " failed" + lastFailure
                    + "; " + nextAttemptWords("next attempt at ");
            case DELIVERED -> "was delivered at " + deliveredAt.orElseThrow();
            case PARKED -> "is parked after " + attempts + (attempts == 1 ? " try" : " tries") + lastFailure;
        };
    }
}
