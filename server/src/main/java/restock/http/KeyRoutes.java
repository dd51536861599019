package restock.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.access.ApiKey;
import restock.access.Scope;
import restock.service.ApiKeys;
import restock.service.Restock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * API keys for operations keys (RouteScopes lists none of these for other scopes): create, list, rotate, revoke.
 * A new secret is in the answer once and stored nowhere, so these routes keep no idempotent answer: a retried
 * create makes a second key, which can be revoked.
 */
final class KeyRoutes {
    private final Restock restock;
    private final ApiKeys keys;
    private final HttpCommands commands;

    KeyRoutes(Restock restock, ApiKeys keys, HttpCommands commands) {
        this.restock = restock;
        this.keys = keys;
        this.commands = commands;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/keys", ctx -> ctx.json(Map.of("items", restock.read(keys::list).stream().map(this::view).toList())));
        routes.post("/api/keys", ctx -> {
            var body = JsonBody.parseObject(commands.mapper(), ctx.body());
            JsonBody.requireKnownFields(body, "", Requests.KEY_FIELDS);
            String name = JsonBody.requiredText(body, "", "name");
            Scope scope = Scope.parse("scope", JsonBody.requiredText(body, "", "scope"));
            Optional<Integer> rate = Optional.ofNullable(JsonBody.optionalInt(body, "", "requestsPerMinute", 1, ApiKey.MAX_REQUESTS_PER_MINUTE));
            created(ctx, restock.inTransaction(h -> keys.create(h, name, scope, rate, createdBy(ctx))));
        });
        routes.post("/api/keys/{prefix}/rotate", ctx -> {
            Duration gracePeriod = gracePeriod(ctx, commands, ApiKeys.MAX_ROTATION_GRACE);
            created(ctx, restock.inTransaction(h -> keys.rotate(h, ctx.pathParam("prefix"), gracePeriod, createdBy(ctx))));
        });
        routes.post("/api/keys/{prefix}/revoke", ctx -> ctx.json(view(restock.inTransaction(h -> keys.revoke(h, ctx.pathParam("prefix"))))));
    }

    /** How long a rotated key (or webhook secret) keeps working unless told otherwise: time to deploy the new one. */
    static final int DEFAULT_GRACE_MINUTES = 60;

    /**
     * A rotation's grace period: the body's {@code graceMinutes} (0 to {@code max}), {@link #DEFAULT_GRACE_MINUTES}
     * without a body or without the field. API keys and webhook secrets are rotated alike.
     */
    static Duration gracePeriod(Context ctx, HttpCommands commands, Duration max) {
        String raw = ctx.body();
        Integer grace = raw == null || raw.isBlank() ? null
                : JsonBody.optionalInt(JsonBody.requireKnownFields(JsonBody.parseObject(commands.mapper(), raw), "", Requests.ROTATION_FIELDS), "",
                "graceMinutes", 0, max.toMinutes());
        return Duration.ofMinutes(grace == null ? DEFAULT_GRACE_MINUTES : grace);
    }

    private void created(Context ctx, ApiKeys.Created created) {
        Map<String, Object> answer = view(created.key());
        answer.put("secret", created.secret());
        ctx.status(201).json(answer);
    }

    private static String createdBy(Context ctx) {
        return "api:" + Authentication.key(ctx).prefix();
    }

    private Map<String, Object> view(ApiKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id());
        view.put("name", key.name());
        view.put("scope", key.scope().code());
        view.put("prefix", key.prefix());
        view.put("requestsPerMinute", key.requestsPerMinute());
        view.put("createdAt", key.createdAt().toString());
        view.put("createdBy", key.createdBy());
        key.expiresAt().ifPresent(at -> view.put("expiresAt", at.toString()));
        key.revokedAt().ifPresent(at -> view.put("revokedAt", at.toString()));
        view.put("active", key.activeAt(restock.clock().instant()));
        return view;
    }
}
