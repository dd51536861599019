package restock.service;

import restock.orders.CancellationChannel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import restock.notify.Branding;
import restock.notify.EventGaps;
import restock.notify.Message;
import restock.notify.Notice;
import restock.notify.MailTemplates;
import restock.notify.ToldPromise;
import restock.engagement.OfferRule;
import restock.orders.OrderEventKind;
import restock.promise.FirstPromise;
import restock.promise.Promise;
import restock.payments.PaymentEventKind;
import restock.store.SqlNotices;
import restock.store.SqlOffers;
import restock.store.SqlOutbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the order and payment event logs into outbox messages: an email to the customer and a signed webhook to
 * each endpoint. The events were written in the same transaction as the change; the relay reads them in order
 * and writes the messages and its new place in one transaction, so nothing is lost or produced twice.
 */
public final class NoticeRelay {
    /** Events turned into messages per pass. */
    public static final int BATCH = 500;
    private static final String SAVEPOINT = "outbox_message";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NoticeRelay.class);

    private final Restock restock;
    private final Offers offers;
    private final Branding branding;
    private final String payUrlTemplate;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The branding, whose public address links in mails start with. */
    public Branding branding() {
        return branding;
    }

    public NoticeRelay(Restock restock, Branding branding, String payUrlTemplate, Clock clock) {
        this.restock = restock;
        this.offers = restock.offers();
        this.branding = branding;
        this.payUrlTemplate = payUrlTemplate;
        this.clock = clock;
    }

    /** Relays what is new in both logs; returns how many events were read. */
    /**
     * Marks every event so far as told: a replayed history (the demo's year) happened before anyone was listening,
     * and its customers are not emailed for it now. Returns how many events were skipped.
     */
    public long skipEventsSoFar() {
        return restock.inTransaction(handle -> {
            long skipped = 0;
            for (String log : List.of("order_events", "payment_events")) {
                long after = SqlNotices.cursor(handle, log);
                long latest = SqlNotices.latestEventId(handle, log);
                if (latest > after) {
                    SqlNotices.advance(handle, log, latest);
                    skipped += latest - after;
                }
            }
            return skipped;
        });
    }

    public int runOnce() {
        return relay("order_events") + relay("payment_events");
    }

    /**
     * A gap the relay stopped at: every gap at or below {@code throughId} is final once the transactions in progress
     * at that read (those started before {@code readXmax}) have ended.
     */
    private record Horizon(String readXmax, long throughId) {
    }

    /** Per log, the gap the last pass stopped at; kept in memory (a new lease holder finds its own gaps again). */
    private final Map<String, Horizon> stoppedAt = new ConcurrentHashMap<>();

    private int relay(String log) {
        return restock.inTransaction(handle -> {
            long after = SqlNotices.cursor(handle, log);
            long finalThrough = after;
            Horizon stopped = stoppedAt.get(log);
            if (stopped != null && SqlNotices.endedBefore(handle, stopped.readXmax())) {
                finalThrough = Math.max(after, stopped.throughId());
                stopped = null;
            }
            SqlNotices.EventBatch read = log.equals("order_events")
                    ? SqlNotices.orderEvents(handle, after, BATCH) : SqlNotices.paymentEvents(handle, after, BATCH);
            int passable = EventGaps.passable(after, read.events().stream().mapToLong(SqlNotices.EventRow::eventId).toArray(),
                    finalThrough, read.nothingInProgress());
            List<SqlNotices.EventRow> events = read.events().subList(0, passable);
            if (passable < read.events().size()) {
                if (stopped == null) {
                    stoppedAt.put(log, new Horizon(read.readXmax(), read.events().get(read.events().size() - 1).eventId()));
                }
            } else if (stopped == null) {
                stoppedAt.remove(log);
            }
            List<restock.notify.WebhookEndpoint> endpoints = SqlOutbox.endpoints(handle);
            Map<Long, List<SqlNotices.EventRow>> waitingByOrder = waitingByOrder(log, events);
            for (SqlNotices.EventRow event : events) {
                Optional<Notice> notice = notice(handle, log, event);
                String cause = log + ":" + event.eventId();
                if (notice.isPresent() && notice.get() instanceof Notice.Waiting waiting && waitingByOrder.containsKey(event.orderId())) {
                    // One mail for the order's lines that began to wait together (told by its first line's event); a
                    // webhook per line as before.
                    List<SqlNotices.EventRow> together = waitingByOrder.get(event.orderId());
                    if (together.get(0).eventId() == event.eventId()) {
                        publishMail(handle, cause, waiting.withOthers(together.subList(1, together.size()).stream()
                                .map(other -> new Notice.WaitingLine(other.sku(), other.productName(), other.quantity(),
                                        Optional.ofNullable(other.promiseTo()))).toList()));
                    }
                    publishWebhooks(handle, cause, waiting, event, endpoints);
                } else if (notice.isPresent()) {
                    publish(handle, cause, notice.get(), event, endpoints);
                }
                if (log.equals("order_events")) {
                    offerFor(handle, event).ifPresent(offer -> publish(handle, "offer:" + log + ":" + event.eventId(), offer, event, endpoints));
                }
            }
            if (!events.isEmpty()) {
                SqlNotices.advance(handle, log, events.get(events.size() - 1).eventId());
            }
            return events.size();
        });
    }

    private Optional<Notice> notice(Handle handle, String log, SqlNotices.EventRow e) {
        if (log.equals("order_events")) {
            return switch (OrderEventKind.of(e.kind())) {
                case BACKORDERED -> {
                    SqlNotices.told(handle, e.lineId(), new ToldPromise(Optional.ofNullable(e.promiseTo())), clock.instant());
                    yield Optional.of(new Notice.Waiting(e.customerEmail(), e.orderId(), e.lineNumber(), e.sku(), e.productName(), e.quantity(),
                            Optional.ofNullable(e.promiseFrom()), Optional.ofNullable(e.promiseTo()), probability(e),
                            cancelUrl(handle, e.orderId()), e.paymentHeld()));
                }
                case CANCELLED -> e.sku() == null ? Optional.empty()
                        : Optional.of(new Notice.Cancelled(e.customerEmail(), e.orderId(), e.lineNumber(), e.sku(), e.productName(), e.quantity(),
                                e.cancelVia() == null ? null : CancellationChannel.of(e.cancelVia()).by().code(), e.cancelReason()));
                case PROMISE_CHANGED -> promiseChanged(handle, e);
                case FILLED -> Optional.of(new Notice.Filled(e.customerEmail(), e.orderId(), e.lineNumber(), e.sku(), e.productName(), e.quantity(),
                        e.waiting()));
                case SHIPPED -> Optional.of(new Notice.Shipped(e.customerEmail(), e.orderId(), e.lineNumber(), e.sku(), e.productName(), e.quantity()));
                default -> Optional.empty();
            };
        }
        return switch (PaymentEventKind.of(e.kind())) {
            case CHARGED -> Optional.of(new Notice.Charged(e.customerEmail(), e.orderId(), e.lineNumber(), e.sku(), e.productName(), e.amountMinor(),
                    e.currency()));
            case CHARGE_FAILED -> {
                // The hold PaymentRules gave the failed payment, from the failure: the mail's "within N hours" says the same.
                Duration hold = restock.paymentPolicy().chargeFailureHold();
                yield Optional.of(new Notice.ChargeFailed(e.customerEmail(), e.orderId(), e.lineNumber(), e.sku(), e.productName(), e.amountMinor(),
                        e.currency(), payUrlTemplate.replace("{token}", e.reference() == null ? "" : e.reference()), e.occurredAt().plus(hold), hold));
            }
            default -> Optional.empty();
        };
    }

    /** The probability of the line's promise as answers show it, when the promise has dates. */
    private static Optional<Double> probability(SqlNotices.EventRow e) {
        return e.promiseTo() == null || e.promiseProbability() == null ? Optional.empty()
                : Optional.of(Promise.shown(e.promiseProbability()));
    }

    /**
     * The line's promise as it stands, recorded as told, when the customer has not been told it yet; empty when
     * they have (the event's change was undone, or an earlier event of this pass already told it). The waiting mail
     * tells the first promise. What they were told before is read before it is overwritten, for "was ..., now ...".
     */
    private Optional<Notice> promiseChanged(Handle handle, SqlNotices.EventRow e) {
        if (e.waiting() == 0) {
            // Filled or cancelled since the change: nothing waits, so there is no promise to tell; the fill or the
            // cancellation is told by its own event (the notice said "0 units waiting" before).
            return Optional.empty();
        }
        ToldPromise now = new ToldPromise(Optional.ofNullable(e.promiseTo()));
        Optional<ToldPromise> before = SqlNotices.lastTold(handle, e.lineId());
        if (!ToldPromise.worthTelling(before, now)) {
            return Optional.empty();
        }
        SqlNotices.told(handle, e.lineId(), now, clock.instant());
        return Optional.of(new Notice.PromiseChanged(e.customerEmail(), e.orderId(), e.lineNumber(), e.sku(), e.productName(), e.waiting(),
                before.flatMap(ToldPromise::latest), Optional.ofNullable(e.promiseFrom()), now.latest(), probability(e),
                cancelUrl(handle, e.orderId()), e.paymentHeld()));
    }

    /** A signed link that cancels the order's waiting lines free of charge, from the public address. */
    private String cancelUrl(Handle handle, long orderId) {
        return branding.publicUrl() + "/cancel/" + restock.cancelLinks().create(handle, orderId).token();
    }

    /** Compensation when a line filled after its first promise; thanks when a long backorder ships. */
    private Optional<Notice> offerFor(Handle handle, SqlNotices.EventRow e) {
        if (OrderEventKind.of(e.kind()) == OrderEventKind.FILLED && e.waiting() == 0 && e.firstPromisedBy() != null) {
            long daysLate = FirstPromise.daysLate(e.firstPromisedBy(), e.occurredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    restock.books().settingsToday().handlingDays());
            return offers.issue(handle, "late_compensation", "late:" + e.lineId(), e.customerEmail(), daysLate)
                    .map(issued -> new Notice.Offer(e.customerEmail(), issued.code(), issued.percentOff(), issued.expiresAt(),
                            "because your order came later than we promised", offerOptOutUrl(e.orderId())));
        }
        if (OrderEventKind.of(e.kind()) == OrderEventKind.SHIPPED && e.placedAt() != null) {
            long waitedDays = Duration.between(e.placedAt(), e.occurredAt()).toDays();
            Optional<restock.engagement.ActiveOfferRule> rule = SqlOffers.active(handle, "long_wait_thanks");
            if (rule.isPresent() && waitedDays >= ((OfferRule.LongWaitThanks) rule.get().rule()).afterDays()) {
                return offers.issue(handle, "long_wait_thanks", "thanks:" + e.lineId(), e.customerEmail(), 0)
                        .map(issued -> new Notice.Offer(e.customerEmail(), issued.code(), issued.percentOff(), issued.expiresAt(),
                                "to thank you for waiting", offerOptOutUrl(e.orderId())));
            }
        }
        return Optional.empty();
    }

    private String offerOptOutUrl(long orderId) {
        return branding.publicUrl() + "/offers/unsubscribe/" + offers.optOutToken(restock.links(), Offers.OptOutFrom.ORDER, orderId);
    }

    /**
     * The lines of each order that began to wait in this pass, when there are several (in event order): their
     * customer gets one mail for them. Lines of one placement are written in one transaction, so one pass sees them
     * together, unless a pass ends between them (then each part gets its mail).
     */
    private static Map<Long, List<SqlNotices.EventRow>> waitingByOrder(String log, List<SqlNotices.EventRow> events) {
        Map<Long, List<SqlNotices.EventRow>> byOrder = new java.util.LinkedHashMap<>();
        if (log.equals("order_events")) {
            for (SqlNotices.EventRow event : events) {
                if (OrderEventKind.of(event.kind()) == OrderEventKind.BACKORDERED && event.sku() != null) {
                    byOrder.computeIfAbsent(event.orderId(), order -> new ArrayList<>()).add(event);
                }
            }
        }
        byOrder.values().removeIf(lines -> lines.size() < 2);
        return byOrder;
    }

    /** Writes the customer's email (when the notice is mailed) and one webhook per endpoint for a notice. */
    public void publish(Handle handle, String cause, Notice notice, SqlNotices.EventRow event, List<restock.notify.WebhookEndpoint> endpoints) {
        if (notice.mailed()) {
            publishMail(handle, cause, notice);
        }
        publishWebhooks(handle, cause, notice, event, endpoints);
    }

    /**
     * Renders and stores the customer's email; one that cannot be rendered is parked with the reason, and the pass
     * goes on (a product name with a line break, stored before names were checked, failed the relay's every pass and
     * held up every message behind it).
     */
    private void publishMail(Handle handle, String cause, Notice notice) {
        String customer = notice.customerEmail().toLowerCase(Locale.ROOT);
        java.util.UUID id = Message.idFor(cause, Message.Channel.EMAIL, customer);
        MailTemplates.Rendered rendered;
        try {
            rendered = MailTemplates.render(notice, branding);
        } catch (RuntimeException e) {
            log.error("message {} ({}) to {} parked: it could not be rendered", id, cause, notice.customerEmail(), e);
            SqlOutbox.park(handle, cause, new Message(id, Message.Channel.EMAIL, notice.topic(), notice.customerEmail(), null, null, null,
                    customer), "could not be rendered: " + e.getMessage(), clock.instant());
            return;
        }
        enqueue(handle, cause, new Message(id, Message.Channel.EMAIL, notice.topic(), notice.customerEmail(), rendered.subject(),
                rendered.text(), rendered.html(), customer, rendered.listUnsubscribe()));
    }

    private void publishWebhooks(Handle handle, String cause, Notice notice, SqlNotices.EventRow event,
                                 List<restock.notify.WebhookEndpoint> endpoints) {
        String customer = notice.customerEmail().toLowerCase(Locale.ROOT);
        for (restock.notify.WebhookEndpoint endpoint : endpoints) {
            java.util.UUID id = Message.idFor(cause, Message.Channel.WEBHOOK, endpoint.url());
            ObjectNode body = json.createObjectNode().put("id", id.toString()).put("topic", notice.topic())
                    .put("occurredAt", event == null ? clock.instant().toString() : event.occurredAt().toString());
            body.set("data", json.valueToTree(notice));
            enqueue(handle, cause, new Message(id, Message.Channel.WEBHOOK, notice.topic(), endpoint.url(), null, body.toString(), null,
                    "webhook:" + endpoint.url() + ":" + customer));
        }
    }

    /**
     * Stores one message under a savepoint: a message that cannot be stored is parked with the reason, and the
     * transaction goes on with the others (the relay's batch, the change that caused the notice) instead of
     * rolling them all back and failing the same way on every pass.
     */
    private void enqueue(Handle handle, String cause, Message message) {
        handle.savepoint(SAVEPOINT);
        try {
            SqlOutbox.enqueue(handle, message, clock.instant());
            handle.releaseSavepoint(SAVEPOINT);
        } catch (JdbiException e) {
            handle.rollbackToSavepoint(SAVEPOINT);
            log.error("message {} ({}) to {} parked: it could not be stored", message.messageId(), cause, message.recipient(), e);
            SqlOutbox.park(handle, cause, message, String.valueOf(e.getMessage()), clock.instant());
        }
    }
}
