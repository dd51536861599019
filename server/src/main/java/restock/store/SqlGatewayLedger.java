package restock.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import restock.payments.GatewayLedger;
import restock.payments.GatewayResult;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The simulated gateway's books in PostgreSQL (tables gateway_*), so every Restock instance on one database
 * talks to one gateway. Each call is one transaction holding an advisory lock on its idempotency key, like a
 * real gateway's own database: it commits whatever happens to the caller's transaction.
 *
 * <p>Give it a Jdbi of its own (a small pool): a gateway call is made while the caller's transaction holds a
 * payment row, and a second connection from the caller's pool could wait on the pool forever under load.
 */
public final class SqlGatewayLedger implements GatewayLedger {
    private final Jdbi jdbi;
    private final Clock clock;

    public SqlGatewayLedger(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public GatewayResult exclusively(String idempotencyKey, Function<Books, GatewayResult> work) {
        return jdbi.inTransaction(handle -> {
            handle.createQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended('gateway ' || :key, 0))) as locked")
                    .bind("key", idempotencyKey).mapTo(Integer.class).one();
            return work.apply(new TransactionBooks(handle, clock.instant()));
        });
    }

    @Override
    public long netTakenMinor() {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(sum(amount_minor - refunded_minor), 0) from gateway_charges")
                .mapTo(Long.class).one());
    }

    @Override
    public int moneyMovements() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from gateway_charges").mapTo(Integer.class).one());
    }

    @Override
    public int openAuthorizations() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from gateway_authorizations where open").mapTo(Integer.class).one());
    }

    /** The books inside one call's transaction. */
    private record TransactionBooks(Handle handle, Instant now) implements Books {
        @Override
        public Optional<GatewayResult> answered(String key) {
            return handle.createQuery("select outcome, reference, expires_at, reason from gateway_requests where idempotency_key = :key")
                    .bind("key", key)
                    .map((rs, ctx) -> switch (rs.getString("outcome")) {
                        case "succeeded" -> (GatewayResult) new GatewayResult.Succeeded(rs.getString("reference"),
                                Optional.ofNullable(rs.getObject("expires_at", java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant));
                        case "declined" -> new GatewayResult.Declined(rs.getString("reason"));
                        default -> throw new IllegalStateException("gateway request " + key + " has outcome " + rs.getString("outcome"));
                    })
                    .findOne();
        }

        @Override
        public void answer(String key, GatewayResult result) {
            var insert = handle.createUpdate("""
                            insert into gateway_requests (idempotency_key, outcome, reference, expires_at, reason, answered_at)
                            values (:key, :outcome, :reference, :expires, :reason, :at)""")
                    .bind("key", key).bind("at", SqlPurchasing.utc(now))
                    .bind("reference", (String) null).bind("expires", (java.time.OffsetDateTime) null).bind("reason", (String) null);
            if (result instanceof GatewayResult.Succeeded succeeded) {
                insert.bind("outcome", "succeeded").bind("reference", succeeded.reference())
                        .bind("expires", succeeded.expiresAt().map(SqlPurchasing::utc).orElse(null));
            } else if (result instanceof GatewayResult.Declined declined) {
                insert.bind("outcome", "declined").bind("reason", declined.reason());
            } else {
                throw new IllegalArgumentException("a gateway keeps only decided answers, not " + result);
            }
            insert.execute();
        }

        @Override
        public String newId(String prefix) {
            return prefix + "_" + handle.createQuery("select nextval('gateway_ids')").mapTo(Long.class).one();
        }

        @Override
        public void openAuthorization(String id, long amountMinor) {
            handle.createUpdate("insert into gateway_authorizations (id, amount_minor, open, created_at) values (:id, :amount, true, :at)")
                    .bind("id", id).bind("amount", amountMinor).bind("at", SqlPurchasing.utc(now)).execute();
        }

        @Override
        public OptionalLong closeAuthorization(String id) {
            return handle.createQuery("update gateway_authorizations set open = false where id = :id and open returning amount_minor")
                    .bind("id", id).mapTo(Long.class).findOne().map(OptionalLong::of).orElse(OptionalLong.empty());
        }

        @Override
        public void recordCharge(String id, long amountMinor) {
            handle.createUpdate("insert into gateway_charges (id, amount_minor, refunded_minor, created_at) values (:id, :amount, 0, :at)")
                    .bind("id", id).bind("amount", amountMinor).bind("at", SqlPurchasing.utc(now)).execute();
        }

        @Override
        public OptionalLong charged(String id) {
            return handle.createQuery("select amount_minor from gateway_charges where id = :id").bind("id", id)
                    .mapTo(Long.class).findOne().map(OptionalLong::of).orElse(OptionalLong.empty());
        }

        @Override
        public long refunded(String chargeId) {
            return handle.createQuery("select coalesce(max(refunded_minor), 0) from gateway_charges where id = :id").bind("id", chargeId)
                    .mapTo(Long.class).one();
        }

        @Override
        public void recordRefund(String chargeId, long amountMinor) {
            handle.createUpdate("update gateway_charges set refunded_minor = refunded_minor + :amount where id = :id")
                    .bind("id", chargeId).bind("amount", amountMinor).execute();
        }
    }
}
