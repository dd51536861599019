package restock.payments;

import java.time.Instant;
import java.util.Optional;

/** What a payment gateway answered: done (with its id), declined, or unknown (a timeout: it may or may not have happened). */
public sealed interface GatewayResult {
    /** Done; authorizations carry their expiry. */
    record Succeeded(String reference, Optional<Instant> expiresAt) implements GatewayResult {
    }

    /** Refused by the gateway or the card issuer, with its reason. */
    record Declined(String reason) implements GatewayResult {
    }

    /** No answer in time: the reconciliation job asks the gateway later what happened. */
    record Unknown(String reason) implements GatewayResult {
    }
}
