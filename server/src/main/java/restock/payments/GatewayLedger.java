package restock.payments;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Where the simulated gateway keeps its books: answers by idempotency key, open authorizations, charges and
 * refunds. In memory for one process, or in the database so that several Restock instances talk to one gateway
 * and agree (restock.store.SqlGatewayLedger).
 */
public interface GatewayLedger {
    /**
     * Runs work holding the idempotency key exclusively against every gateway sharing this ledger, on one
     * consistent view of the books; what the work records is kept only when it returns.
     */
    GatewayResult exclusively(String idempotencyKey, Function<Books, GatewayResult> work);

    /** Money captured or charged, less refunds, over all calls. */
    long netTakenMinor();

    /** Captures and charges that moved money. */
    int moneyMovements();

    /** Authorizations still holding funds. */
    int openAuthorizations();

    /** The books as one call sees them. */
    interface Books {
        Optional<GatewayResult> answered(String idempotencyKey);

        void answer(String idempotencyKey, GatewayResult result);

        /** A new id for an authorization, charge, refund or setup, unique across the ledger. */
        String newId(String prefix);

        void openAuthorization(String id, long amountMinor);

        /** Closes an open authorization and returns its amount; empty when it is not open. */
        OptionalLong closeAuthorization(String id);

        void recordCharge(String id, long amountMinor);

        /** What a charge took; empty when there is no such charge. */
        OptionalLong charged(String id);

        long refunded(String chargeId);

        void recordRefund(String chargeId, long amountMinor);
    }

    /** One process's books, kept in memory. */
    static GatewayLedger inMemory() {
        return new InMemoryGatewayLedger();
    }
}
