package restock.service;

import org.jdbi.v3.core.Handle;
import restock.access.ApiKey;
import restock.access.KeySecret;
import restock.access.Scope;
import restock.common.Conflict;
import restock.common.NotFound;
import restock.store.SqlApiKeys;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scoped API keys: created (the secret shown once), listed, rotated and revoked; and the check of a presented key.
 * Active keys are held in memory by the hash of their secret and reloaded every few seconds, so a request costs no
 * database round trip and a key revoked on another instance stops working within {@link #RELOAD_EVERY}.
 * RESTOCK_API_KEY, when set, is one more operations key that lives only in the environment.
 */
public final class ApiKeys {
    public static final Duration RELOAD_EVERY = Duration.ofSeconds(5);
    /** Presented keys longer than this are refused unhashed: ours have 50 characters. */
    public static final int MAX_PRESENTED_LENGTH = 200;
    public static final String ENVIRONMENT_KEY_NAME = "RESTOCK_API_KEY";

    private final Restock restock;
    private final Clock clock;
    private final Optional<ApiKey> environmentKey;
    private final byte[] environmentHash;
    private final SecureRandom random = new SecureRandom();
    private volatile Loaded loaded = new Loaded(Map.of(), Instant.MIN);

    private record Loaded(Map<ByteBuffer, ApiKey> byHash, Instant at) {
    }

    /** A key just made: the stored key, and its secret, shown once and never again. */
    public record Created(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Created[" + key + "]";
        }
    }

    public ApiKeys(Restock restock, Optional<String> environmentKey) {
        this.restock = restock;
        this.clock = restock.clock();
        this.environmentKey = environmentKey.filter(key -> !key.isBlank()).map(key -> new ApiKey(0, ENVIRONMENT_KEY_NAME, Scope.OPERATIONS,
                "(environment)", Scope.OPERATIONS.defaultRequestsPerMinute(), clock.instant(), "environment", Optional.empty(), Optional.empty()));
        this.environmentHash = environmentKey.filter(key -> !key.isBlank()).map(KeySecret::sha256).orElse(new byte[0]);
    }

    /** The key a request presents, if it is active; compared by the SHA-256 of its exact bytes. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented.isEmpty() || presented.length() > MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = KeySecret.sha256(presented);
        if (environmentKey.isPresent() && MessageDigest.isEqual(hash, environmentHash)) {
            return environmentKey;
        }
        Instant now = clock.instant();
        return Optional.ofNullable(current(now).get(ByteBuffer.wrap(hash))).filter(key -> key.activeAt(now));
    }

    private Map<ByteBuffer, ApiKey> current(Instant now) {
        Loaded snapshot = loaded;
        if (snapshot.at().plus(RELOAD_EVERY).isAfter(now)) {
            return snapshot.byHash();
        }
        synchronized (this) {
            if (loaded.at().plus(RELOAD_EVERY).isAfter(now)) {
                return loaded.byHash();
            }
            Map<ByteBuffer, ApiKey> byHash = new HashMap<>();
            restock.read(h -> SqlApiKeys.active(h, now)).forEach(stored -> byHash.put(ByteBuffer.wrap(stored.sha256()), stored.key()));
            loaded = new Loaded(Map.copyOf(byHash), now);
            return loaded.byHash();
        }
    }

    /** Forgets the loaded keys, so a change made here counts at once. */
    private void reloadNextTime() {
        loaded = new Loaded(Map.of(), Instant.MIN);
    }

    public Created create(Handle handle, String name, Scope scope, Optional<Integer> requestsPerMinute, String createdBy) {
        KeySecret secret = KeySecret.generate(scope, random);
        ApiKey key = SqlApiKeys.insert(handle, ApiKey.requireName(name), scope, secret,
                ApiKey.requireRate(requestsPerMinute.orElse(scope.defaultRequestsPerMinute())), createdBy, clock.instant());
        reloadNextTime();
        return new Created(key, secret.secret());
    }

    public List<ApiKey> list(Handle handle) {
        return SqlApiKeys.all(handle);
    }

    /** Stops a key at once; revoking a revoked key is a no-op. */
    public ApiKey revoke(Handle handle, String prefix) {
        ApiKey key = find(handle, prefix);
        SqlApiKeys.revoke(handle, key.id(), clock.instant());
        reloadNextTime();
        return find(handle, prefix);
    }

    /**
     * A new key with the same name, scope and rate; the old one keeps working for the grace period (zero: stops now),
     * so a client can switch without a gap.
     */
    public Created rotate(Handle handle, String prefix, Duration grace, String createdBy) {
        ApiKey old = find(handle, prefix);
        if (!old.activeAt(clock.instant())) {
            throw new Conflict("prefix", "key " + prefix + " is revoked or expired; create a new key instead");
        }
        if (grace.isNegative() || grace.compareTo(MAX_ROTATION_GRACE) > 0) {
            throw new restock.common.InvalidInput("graceMinutes", "the grace period must be between 0 and " + MAX_ROTATION_GRACE.toMinutes()
                    + " minutes");
        }
        Created replacement = create(handle, old.name(), old.scope(), Optional.of(old.requestsPerMinute()), createdBy);
        if (grace.isZero()) {
            SqlApiKeys.replace(handle, old.id(), replacement.key().id(), Optional.empty());
            SqlApiKeys.revoke(handle, old.id(), clock.instant());
        } else {
            SqlApiKeys.replace(handle, old.id(), replacement.key().id(), Optional.of(clock.instant().plus(grace)));
        }
        reloadNextTime();
        return replacement;
    }

    public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(7);

    private static ApiKey find(Handle handle, String prefix) {
        return SqlApiKeys.lock(handle, prefix).orElseThrow(() -> new NotFound("prefix", "no API key with prefix '" + prefix
                + "'; `restock keys list` shows them"));
    }

    /**
     * The first operations key, made when no operations key is active and none comes from the environment: returned
     * once, for the caller to show; later starts find one and make none.
     */
    public Optional<Created> bootstrap() {
        if (environmentKey.isPresent()) {
            return Optional.empty();
        }
        return restock.inTransaction(h -> {
            SqlApiKeys.lockForBootstrap(h);
            if (SqlApiKeys.anyActive(h, Scope.OPERATIONS, clock.instant())) {
                return Optional.<Created>empty();
            }
            return Optional.of(create(h, "first operations key", Scope.OPERATIONS, Optional.empty(), "first start"));
        });
    }

    public boolean hasEnvironmentKey() {
        return environmentKey.isPresent();
    }
}
