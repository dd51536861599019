package restock.chaos;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import restock.support.Invariants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What must hold after a chaos run, read straight from the tables and the webhook receiver. */
final class ChaosChecks {
    /** How long the background jobs get to finish what the load left (payments, notices, then deliveries). */
    static final Duration SETTLE_WITHIN = Duration.ofSeconds(180);

    private ChaosChecks() {
    }

    /** The run's outcome: figures for docs/BENCHMARKS.md and every violation found. */
    record Outcome(Map<String, Long> figures, List<String> violations) {
    }

    /**
     * Waits until no payment call is outstanding and the notice relay has read every event, then gives the delivery
     * worker what is left of the time to empty the outbox; false if payments or the relay did not settle in time.
     */
    static boolean settle(Jdbi jdbi) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + SETTLE_WITHIN.toNanos();
        int polls = 0;
        boolean settled = false;
        int stableFor = 0;
        while (System.nanoTime() < deadline) {
            long outstanding = jdbi.withHandle(h -> h.createQuery("""
                    select (select count(*) from payment_operations where status in ('pending', 'in_flight', 'unknown'))
                        + (select coalesce(max(id), 0) from order_events) - (select last_id from relay_cursors where name = 'order_events')
                        + (select coalesce(max(id), 0) from payment_events) - (select last_id from relay_cursors where name = 'payment_events')""")
                    .mapTo(Long.class).one());
            long queued = jdbi.withHandle(h -> h.createQuery("select count(*) from outbox where status = 'pending'").mapTo(Long.class).one());
            if (++polls % 20 == 1) {
                System.out.printf("chaos: settling, %.0f s: payment calls and unrelayed events %,d, messages queued %,d%n",
                        (System.nanoTime() - started) / 1e9, outstanding, queued);
            }
            stableFor = outstanding == 0 ? stableFor + 1 : 0;
            settled = stableFor >= 3;
            if (settled && queued == 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return settled;
    }

    static Outcome check(Jdbi jdbi, ChaosLoad load, WebhookReceiver receiver, int allowedRedeliveries) {
        List<String> violations = new ArrayList<>();
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> {
            try {
                Invariants.check(h);
            } catch (AssertionError e) {
                violations.add("stock invariants: " + e.getMessage());
            }
            orders(h, load, figures, violations);
            payments(h, figures, violations);
            messages(h, receiver, allowedRedeliveries, figures, violations);
        });
        figures.put("commands", (long) load.commands.get());
        figures.put("commands resent after no answer or a 5xx", (long) load.resent.get());
        figures.put("acknowledged commands", (long) load.acknowledged.size());
        figures.put("retries of acknowledged commands checked", (long) load.retriesChecked.get());
        figures.put("retries answered differently", (long) load.retryMismatches.size());
        load.retryMismatches.stream().limit(5).forEach(m -> violations.add("retry got another answer: " + m));
        load.givenUp.stream().limit(5).forEach(g -> violations.add("never answered: " + g));
        return new Outcome(figures, violations);
    }

    private static void orders(Handle h, ChaosLoad load, Map<String, Long> figures, List<String> violations) {
        List<Long> acknowledged = load.acknowledgedOrders.stream().distinct().toList();
        long found = h.createQuery("select count(*) from orders where id = any(:ids)").bind("ids", acknowledged.toArray(new Long[0]))
                .mapTo(Long.class).one();
        long orders = h.createQuery("select count(*) from orders").mapTo(Long.class).one();
        long keyed = h.createQuery("select count(*) from idempotent_requests where scope = 'POST /api/orders'").mapTo(Long.class).one();
        figures.put("acknowledged orders", (long) acknowledged.size());
        figures.put("acknowledged orders lost", acknowledged.size() - found);
        figures.put("orders stored", orders);
        if (found != acknowledged.size()) {
            violations.add((acknowledged.size() - found) + " acknowledged orders are missing");
        }
        if (orders != keyed) {
            violations.add(orders + " orders stored for " + keyed + " order keys: some order was placed twice or without its key");
        }
    }

    private static void payments(Handle h, Map<String, Long> figures, List<String> violations) {
        long gatewayNet = h.createQuery("select coalesce(sum(amount_minor - refunded_minor), 0) from gateway_charges").mapTo(Long.class).one();
        long restockNet = h.createQuery("select coalesce(sum(captured_minor - refunded_minor), 0) from line_payments").mapTo(Long.class).one();
        figures.put("charges (gateway)", h.createQuery("select count(*) from gateway_charges").mapTo(Long.class).one());
        figures.put("net taken, minor units (gateway)", gatewayNet);
        if (gatewayNet != restockNet) {
            violations.add("the gateway took " + gatewayNet + " net, Restock's books say " + restockNet);
        }
        String charges = """
                from gateway_charges c join gateway_requests r on r.reference = c.id
                join payment_operations o on o.idempotency_key = r.idempotency_key join order_lines l on l.id = o.order_line_id""";
        long twice = h.createQuery("select count(*) from (select l.id " + charges + " group by l.id having count(*) > 1) x").mapTo(Long.class).one();
        long withoutFill = h.createQuery("select count(*) " + charges + " where c.amount_minor > c.refunded_minor and l.reserved + l.shipped = 0")
                .mapTo(Long.class).one();
        long unknown = h.createQuery("""
                select count(*) from gateway_charges c where not exists (select 1 from gateway_requests r
                    join payment_operations o on o.idempotency_key = r.idempotency_key where r.reference = c.id)""").mapTo(Long.class).one();
        figures.put("lines charged twice", twice);
        figures.put("charges kept without a fill", withoutFill);
        figures.put("charges Restock does not know of", unknown);
        if (twice + withoutFill + unknown > 0) {
            violations.add(twice + " lines charged twice, " + withoutFill + " charges kept without a fill, " + unknown + " unknown charges");
        }
    }

    /**
     * Events that always make a notice (a line waiting, filled or cancelled; a charge made or failed) which the relay
     * has passed (at or below its cursor) without the webhook message derived from the event: a notice nobody got.
     */
    private static long eventsWithoutTheirWebhook(Handle h, String endpoint, java.util.Set<String> written) {
        long skipped = 0;
        for (String log : List.of("order_events", "payment_events")) {
            String kinds = log.equals("order_events")
                    ? "kind in ('backordered', 'filled') or (kind = 'cancelled' and order_line_id is not null)"
                    : "kind in ('charged', 'charge_failed')";
            List<Long> passed = h.createQuery("select id from " + log + " where id <= (select last_id from relay_cursors where name = :log) and ("
                    + kinds + ")").bind("log", log).mapTo(Long.class).list();
            skipped += passed.stream()
                    .filter(id -> !written.contains(restock.notify.Message.idFor(log + ":" + id, restock.notify.Message.Channel.WEBHOOK, endpoint).toString()))
                    .count();
        }
        return skipped;
    }

    private static void messages(Handle h, WebhookReceiver receiver, int allowedRedeliveries, Map<String, Long> figures, List<String> violations) {
        // Delivery goes on while the checks run, so the order of the reads matters: what was marked sent before the
        // first read was received before it (a send precedes its commit), and what was received before the second
        // read was written before it. Read the receiver first and a message sent in between counts as lost.
        java.util.Set<String> sent = new java.util.HashSet<>(h.createQuery(
                "select message_id::text from outbox where channel = 'webhook' and status = 'sent'").mapTo(String.class).list());
        Map<String, Integer> received = receiver.deliveries();
        java.util.Set<String> written = new java.util.HashSet<>(h.createQuery(
                "select message_id::text from outbox where channel = 'webhook'").mapTo(String.class).list());
        long dead = h.createQuery("select count(*) from outbox where status = 'dead'").mapTo(Long.class).one();
        long queued = h.createQuery("select count(*) from outbox where status = 'pending'").mapTo(Long.class).one();
        long lost = sent.stream().filter(id -> !received.containsKey(id)).count();
        long phantom = received.keySet().stream().filter(id -> !written.contains(id)).count();
        long redelivered = received.values().stream().mapToLong(count -> count - 1).sum();
        long skipped = eventsWithoutTheirWebhook(h, receiver.url(), written);
        figures.put("events the relay passed without writing their webhook", skipped);
        if (skipped > 0) {
            violations.add(skipped + " events that always make a notice were passed by the relay without their webhook");
        }
        figures.put("messages in the outbox", h.createQuery("select count(*) from outbox").mapTo(Long.class).one());
        figures.put("messages delivered", h.createQuery("select count(*) from outbox where status = 'sent'").mapTo(Long.class).one());
        figures.put("messages still queued at the end (not lost: waiting in the outbox)", queued);
        figures.put("messages dead-lettered", dead);
        figures.put("webhooks marked sent", (long) sent.size());
        figures.put("webhooks marked sent but never received (lost)", lost);
        figures.put("webhook deliveries repeated (same message id)", redelivered);
        if (dead + lost + phantom > 0) {
            violations.add(dead + " messages dead-lettered, " + lost + " webhooks marked sent but never received, " + phantom
                    + " received that were never written");
        }
        if (redelivered > allowedRedeliveries) {
            violations.add(redelivered + " repeated webhook deliveries, more than the " + allowedRedeliveries
                    + " a kill or restart can cause (one message in flight per instance each)");
        }
        if (receiver.unsigned() > 0) {
            violations.add(receiver.unsigned() + " webhooks arrived unsigned");
        }
    }
}
