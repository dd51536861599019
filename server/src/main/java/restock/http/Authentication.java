package restock.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import restock.access.ApiKey;
import restock.access.TokenBucket;
import restock.service.ApiKeys;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Who calls the API: the bearer key (scheme case-insensitive per RFC 9110, key compared by the hash of its exact
 * bytes), then its rate limit, then, once the route is matched, its scope against the route.
 */
final class Authentication {
    static final String REALM = "restock";
    /** Storefronts pass their shopper's address here, so that limits per client count shoppers, not the shop. */
    static final String CLIENT_IP_HEADER = "Restock-Client-IP";
    private static final String KEY_ATTRIBUTE = "restock.apiKey";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final ApiKeys keys;
    private final Clock clock;
    private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();

    Authentication(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Before every /api route: a valid key within its rate limit, or 401 / 429. */
    void authenticate(Context ctx) {
        String token = bearerToken(ctx.header("Authorization")).orElseThrow(() -> unauthorized(
                "send the API key as 'Authorization: Bearer <key>'" + feedKeyHint(ctx), "Bearer realm=\"" + REALM + "\""));
        ApiKey key = keys.authenticate(token).orElseThrow(() -> unauthorized("the API key is not valid (revoked, expired or mistyped; "
                + "keys are case-sensitive)", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""));
        ctx.attribute(KEY_ATTRIBUTE, key);
        limit(key);
    }

    /** A feed asked for with its key in the query (?key=), as some fetchers take it: where a key in the URL goes instead. */
    private static String feedKeyHint(Context ctx) {
        if (!ctx.path().startsWith("/api/feeds/") || ctx.queryParam("key") == null) {
            return "";
        }
        return "; a feeds key in the URL goes in its path, not its query: " + ctx.path().replace("/api/feeds/", "/feeds/{key}/");
    }

    /**
     * A feed fetched with its key in the URL: the key must be active and of the feeds scope (any other key in a URL
     * is refused, so an operations key pasted there opens nothing), within its rate limit. Unknown keys get a 404,
     * as a wrong address would.
     */
    void authenticateFeed(Context ctx, String presented) {
        Optional<ApiKey> key = keys.authenticate(presented).filter(found -> found.scope() == restock.access.Scope.FEEDS);
        if (key.isEmpty()) {
            throw new restock.common.NotFound("key", "no feed at this address: the key in it is unknown, revoked, expired or not a feeds "
                    + "key (create one with 'restock keys create --scope feeds')");
        }
        ctx.attribute(KEY_ATTRIBUTE, key.get());
        limit(key.get());
    }

    private void limit(ApiKey key) {
        TokenBucket bucket = buckets.computeIfAbsent(key.id(), id -> new TokenBucket(key.requestsPerMinute(), clock.instant()));
        if (bucket.take(clock.instant()) instanceof TokenBucket.Decision.Limited limited) {
            throw new ProblemException(429, "Too many requests", "this key may make " + key.requestsPerMinute()
                    + " requests a minute; try again in " + limited.retryAfter().toSeconds() + " s", null,
                    Map.of("Retry-After", Long.toString(limited.retryAfter().toSeconds())));
        }
    }

    /** Once the route is known: the key's scope must allow it, or 403. */
    void authorize(Context ctx) {
        ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (key == null || endpoint == null) {
            return;
        }
        if (!RouteScopes.allows(key.scope(), endpoint.method.name(), endpoint.path)) {
            throw new ProblemException(403, "Forbidden", "a " + key.scope().code() + " key may not call " + endpoint.method.name() + " "
                    + endpoint.path + "; use a key of a scope that may (openapi.yaml lists them per operation)", "Authorization");
        }
    }

    /** The caller's key (present on every /api route after authentication). */
    static ApiKey key(Context ctx) {
        ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
        if (key == null) {
            throw new IllegalStateException("no API key on " + ctx.path() + "; authentication runs before every /api route");
        }
        return key;
    }

    /** The client, for limits per client: the key and the shopper's address the storefront passed, or the peer's. */
    static String client(Context ctx) {
        String forwarded = ctx.header(CLIENT_IP_HEADER);
        String address = forwarded != null && IP_LITERAL.matcher(forwarded).matches() ? forwarded : ctx.ip();
        return key(ctx).prefix() + "@" + address;
    }

    /** The token of a Bearer credential: scheme in any case, one or more spaces, then a token without spaces. */
    static Optional<String> bearerToken(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer", 0, 6) || header.charAt(6) != ' ') {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() || token.chars().anyMatch(Character::isWhitespace) ? Optional.empty() : Optional.of(token);
    }

    private static ProblemException unauthorized(String detail, String challenge) {
        return new ProblemException(401, "Unauthorized", detail, "Authorization", Map.of("WWW-Authenticate", challenge));
    }
}
