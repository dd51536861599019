package restock.http;

import restock.notify.ListedWebhookEndpoint;
import io.javalin.config.RoutesConfig;
import restock.service.Restock;
import restock.service.Webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/** Managing webhook endpoints: list, pause and resume, delete, rotate the signing secret (operations keys). */
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
            var rotated = restock.inTransaction(h -> endpoints.rotateSecret(h, HttpCommands.id(ctx)));
            ctx.json(Map.of("id", rotated.id(), "url", rotated.url(), "secret", rotated.secret()));
        });
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
        return view;
    }
}
