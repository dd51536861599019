package restock.store;

import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.time.Instant;

/** Secrets Restock generates for itself and keeps across restarts. */
public final class SqlSecrets {
    private static final int SECRET_BYTES = 32;

    private SqlSecrets() {
    }

    /** The named secret, created on first use; concurrent first uses agree on one. */
    public static byte[] getOrCreate(Handle handle, String name, Instant now) {
        byte[] candidate = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(candidate);
        handle.createUpdate("insert into secrets (name, value, created_at) values (:name, :value, :at) on conflict do nothing")
                .bind("name", name).bind("value", candidate).bind("at", SqlPurchasing.utc(now)).execute();
        return handle.createQuery("select value from secrets where name = :name").bind("name", name).mapTo(byte[].class).one();
    }
}
