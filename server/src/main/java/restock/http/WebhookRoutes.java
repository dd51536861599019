package restock.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import restock.common.InvalidInput;
import restock.notify.DeliveryStatus;
import restock.notify.ListedWebhookEndpoint;
import io.javalin.config.RoutesConfig;
import restock.notify.OutboxEntry;
import restock.notify.OutboxQuery;
import restock.notify.SentMessage;
import restock.notify.UnstoredMessage;
import restock.service.Restock;
import restock.service.Webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Managing webhook endpoints: list, pause and resume, delete, rotate the signing secret (operations keys); and the
 * outbox they are sent from, listed so that a shop sees what failed, why, and which id replays it or tries it now.
 */
final class WebhookRoutes {
    private final Restock restock;
    private final HttpCommands commands;
    private final Webhooks endpoints;

    WebhookRoutes(Restock restock, HttpCommands commands) {
        this.restock = restock;
        this.commands = commands;
        this.endpoints = restock.webhooks();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/webhooks", ctx -> ctx.json(Map.of("items", restock.read(endpoints::list).stream().map(WebhookRoutes::view).toList())));
        routes.post("/api/webhooks/{id}/pause", ctx -> commands.commandWithoutBody(ctx, h -> view(endpoints.pause(h, HttpCommands.id(ctx), true))));
        routes.post("/api/webhooks/{id}/resume", ctx -> commands.commandWithoutBody(ctx, h -> view(endpoints.pause(h, HttpCommands.id(ctx), false))));
        // Not through the idempotency store: its answer holds the new secret, which must not be kept anywhere else.
        routes.post("/api/webhooks/{id}/rotate-secret", ctx -> {
            java.time.Duration grace = KeyRoutes.gracePeriod(ctx, commands, Webhooks.MAX_SECRET_GRACE);
            var rotated = restock.inTransaction(h -> endpoints.rotateSecret(h, HttpCommands.id(ctx), grace));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", rotated.id());
            answer.put("url", rotated.url());
            answer.put("secret", rotated.secret());
            rotated.previousSecretUntil().ifPresent(until -> answer.put("previousSecretUntil", until.toString()));
            ctx.json(answer);
        });
        routes.get("/api/outbox", this::outbox);
        routes.get("/api/outbox/unstored", this::unstored);
        routes.get("/api/messages", this::messages);
        routes.post("/api/outbox/{id}/replay", ctx -> commands.commandWithoutBody(ctx, h -> {
            endpoints.replay(h, HttpCommands.id(ctx));
            return Map.of("id", HttpCommands.id(ctx), "status", "pending");
        }));
        routes.post("/api/outbox/{id}/retry", ctx -> commands.commandWithoutBody(ctx, h ->
                OutboxEntryView.of(endpoints.retryNow(h, HttpCommands.id(ctx)))));
        routes.delete("/api/webhooks/{id}", ctx -> {
            restock.inTransaction(h -> {
                endpoints.delete(h, HttpCommands.id(ctx));
                return null;
            });
            ctx.status(204);
        });
    }

    static Map<String, Object> view(ListedWebhookEndpoint endpoint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", endpoint.id());
        view.put("url", endpoint.url());
        view.put("status", endpoint.status());
        view.put("createdAt", endpoint.createdAt().toString());
        endpoint.pausedAt().ifPresent(at -> view.put("pausedAt", at.toString()));
        endpoint.secretRotatedAt().ifPresent(at -> view.put("secretRotatedAt", at.toString()));
        endpoint.previousSecretUntil().ifPresent(at -> view.put("previousSecretUntil", at.toString()));
        return view;
    }

    private void outbox(Context ctx) {
        OutboxQuery query = new OutboxQuery(
                Optional.ofNullable(ctx.queryParam("channel")).map(code -> OutboxQuery.channel("channel", code)),
                Optional.ofNullable(ctx.queryParam("status")).map(code -> DeliveryStatus.parse("status", code)),
                queryId(ctx, "endpointId"), Optional.ofNullable(ctx.queryParam("topic")), queryId(ctx, "before"),
                HttpCommands.queryInt(ctx, "limit", OutboxQuery.DEFAULT_PAGE_SIZE));
        Webhooks.OutboxPage page = restock.read(h -> endpoints.outbox(h, query));
        ctx.json(new OutboxPageView(page.items().stream().map(OutboxEntryView::of).toList(), page.next().orElse(null)));
    }

    private void unstored(Context ctx) {
        Webhooks.UnstoredPage page = restock.read(h -> endpoints.unstored(h, queryId(ctx, "before"),
                HttpCommands.queryInt(ctx, "limit", OutboxQuery.DEFAULT_PAGE_SIZE)));
        ctx.json(new UnstoredPageView(page.items().stream().map(UnstoredMessageView::of).toList(), page.next().orElse(null)));
    }

    /**
     * A page of GET /api/messages unless {@code limit} says otherwise: the most a page may hold, as many as the list
     * gave before it had pages, so a client that reads one page reads what it read then.
     */
    static final int MESSAGES_DEFAULT_PAGE_SIZE = OutboxQuery.MAX_PAGE_SIZE;

    private void messages(Context ctx) {
        String recipient = ctx.queryParam("recipient");
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidInput("recipient", "recipient is required: an email address or a webhook URL");
        }
        Webhooks.SentPage page = restock.read(h -> endpoints.sentTo(h, recipient, queryId(ctx, "before"),
                HttpCommands.queryInt(ctx, "limit", MESSAGES_DEFAULT_PAGE_SIZE)));
        ctx.json(new SentPageView(page.items(), page.next().orElse(null)));
    }

    /** One page of a recipient's messages; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SentPageView(List<SentMessage> items, Long next) {
    }

    private static Optional<Long> queryId(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidInput(name, name + " must be a whole number (an id), was '" + value + "'");
            }
        });
    }

    /** One page of the outbox; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutboxPageView(List<OutboxEntryView> items, Long next) {
    }

    /** An outbox message as GET /api/outbox shows it; times absent when they do not apply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutboxEntryView(long id, String messageId, String channel, String topic, String recipient, Long endpointId, String status,
                           int attempts, String lastError, String nextAttemptAt, Long heldBehind, String heldReason, String createdAt,
                           String deliveredAt) {
        static OutboxEntryView of(OutboxEntry entry) {
            return new OutboxEntryView(entry.id(), entry.messageId().toString(), entry.channel().code(), entry.topic(), entry.recipient(),
                    entry.endpointId().orElse(null), entry.status().code(), entry.attempts(), entry.lastError().orElse(null),
                    entry.nextAttemptAt().map(Object::toString).orElse(null), entry.held().flatMap(OutboxEntry.Hold::behind).orElse(null),
                    entry.held().map(OutboxEntry.Hold::reason).orElse(null), entry.createdAt().toString(),
                    entry.deliveredAt().map(Object::toString).orElse(null));
        }
    }

    /** One page of messages the relay could not store; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnstoredPageView(List<UnstoredMessageView> items, Long next) {
    }

    record UnstoredMessageView(long id, String messageId, String channel, String topic, String recipient, String cause, String reason,
                               String unstoredAt) {
        static UnstoredMessageView of(UnstoredMessage message) {
            return new UnstoredMessageView(message.id(), message.messageId().toString(), message.channel().code(), message.topic(),
                    message.recipient(), message.cause(), message.reason(), message.unstoredAt().toString());
        }
    }
}
