package restock.service;

import restock.notify.Backoff;
import restock.notify.Message;
import restock.notify.MessageSender;
import restock.store.SqlOutbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Delivers outbox messages at least once. Each message is claimed with FOR UPDATE SKIP LOCKED and sent inside
 * that transaction, so two workers (or two Restock instances) never send the same message at the same time, and
 * a worker killed mid-delivery leaves it pending for the next one. Failures are retried with exponential
 * backoff and jitter, then dead-lettered for a person to replay.
 */
public final class DeliveryWorker {
    /** Messages sent per pass, so one pass stays short. */
    public static final int PER_PASS = 100;

    private final Restock restock;
    private final Map<Message.Channel, MessageSender> senders;
    private final Clock clock;
    private final Random random;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeliveryWorker.class);

    public DeliveryWorker(Restock restock, Map<Message.Channel, MessageSender> senders, Clock clock, long seed) {
        this.restock = restock;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
        this.random = new Random(seed);
    }

    /** Delivers what is due; returns how many messages it handled (sent or failed). */
    public int runOnce() {
        int handled = 0;
        while (handled < PER_PASS) {
            Boolean didOne = restock.inTransaction(handle -> {
                Optional<SqlOutbox.Claimed> claimed = SqlOutbox.claimNext(handle, clock.instant());
                if (claimed.isEmpty()) {
                    return false;
                }
                deliver(handle, claimed.get());
                return true;
            });
            if (!didOne) {
                break;
            }
            handled++;
        }
        return handled;
    }

    /**
     * Delivers pass after pass while the passes come back full, until the queue is empty or the time budget is
     * spent: a backlog (a burst of notices, a receiver that was down) drains at the senders' speed, not one pass a
     * second. Returns how many messages it handled.
     */
    public int drain(java.time.Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int total = 0;
        int handled;
        do {
            handled = runOnce();
            total += handled;
        } while (handled == PER_PASS && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted());
        return total;
    }

    private void deliver(org.jdbi.v3.core.Handle handle, SqlOutbox.Claimed claimed) {
        Instant now = clock.instant();
        try {
            MessageSender sender = senders.get(claimed.message().channel());
            if (sender == null) {
                throw new MessageSender.DeliveryFailed("no sender configured for " + claimed.message().channel().code(), null);
            }
            sender.send(claimed.message());
            SqlOutbox.markSent(handle, claimed.id(), now);
        } catch (MessageSender.DeliveryFailed e) {
            int failures = claimed.attempts() + 1;
            Instant retryAt = now.plus(Backoff.delayAfter(failures, random));
            boolean parked = !e.retryable() || Backoff.exhausted(failures);
            log.warn("outbox message {} ({} {}) not delivered on try {}: {}{}; {}", claimed.id(), claimed.message().channel().code(),
                    claimed.message().topic(), failures, e.getMessage(), e.getCause() == null ? "" : " (" + causeWords(e.getCause()) + ")",
                    parked ? "parked" : "next attempt at " + retryAt);
            SqlOutbox.markFailed(handle, claimed.id(), e.getMessage(), retryAt, parked);
        } catch (RuntimeException e) {
            // A sender that throws meets a message it cannot handle (or has a bug): retrying would fail the same way
            // at the head of every pass, so the message is parked with the reason and the others go on.
            log.error("outbox message {} parked: its sender failed", claimed.id(), e);
            SqlOutbox.markFailed(handle, claimed.id(), "parked: the sender failed (" + e.getClass().getSimpleName()
                    + "); the server log has the details", now, true);
        }
    }

    /** Most causes a failure's log line names, outermost first. */
    private static final int MAX_CAUSES_LOGGED = 4;
    /** An address in an error's words: what follows its host (a path, a query, a user) may hold a token, and is cut. */
    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)(?:[^/\\s@]*@)?([^/\\s?#@]+)[^\\s]*");

    /**
     * What a failure's cause says, for the log: each cause's kind and its words ("ConnectException: Connection
     * refused"), beside the outbox's record, which says what happened in the shop's words (WebhookSender). The JDK's HTTP client throws a ConnectException without words for a refused connection, so the log
     * said "java.net.ConnectException" and no more; the kinds down the chain say what happened. Addresses are cut to
     * their host: a webhook's path may be its secret.
     */
    static String causeWords(Throwable cause) {
        List<String> words = new ArrayList<>();
        for (Throwable t = cause; t != null && words.size() < MAX_CAUSES_LOGGED; t = t.getCause()) {
            String said = t.getMessage() != null ? ADDRESS.matcher(t.getMessage()).replaceAll("$1$2/...")
                    : t instanceof java.net.ConnectException ? "no connection (refused, or no route to the host)" : null;
            String word = t.getClass().getSimpleName() + (said == null ? "" : ": " + said);
            if (words.isEmpty() || !words.get(words.size() - 1).equals(word)) {
                words.add(word);
            }
        }
        return String.join(", caused by ", words);
    }
}
