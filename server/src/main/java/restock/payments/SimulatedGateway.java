package restock.payments;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;

/**
 * A deterministic, seeded payment gateway for development, the demo and tests, with the faults real gateways
 * have: declines, timeouts (some after the money moved), expiring authorizations and requests delivered twice.
 * It keeps its books in a {@link GatewayLedger} so tests can check that no money moved twice: in memory, or in
 * the database, where every Restock instance sharing it sees one gateway.
 */
public final class SimulatedGateway implements PaymentGateway {
    /** How often each fault happens, from 0 to 1. */
    public record Faults(double declineRate, double timeoutRate, double duplicateDeliveryRate, Duration authorizationLifetime) {
        public static final Faults NONE = new Faults(0, 0, 0, Duration.ofDays(7));
    }

    /** Card tokens that always decline, for demos and tests. */
    public static final String DECLINING_TOKEN = "pm_card_declined";

    private final Random random;
    private final Faults faults;
    private final Clock clock;
    private final GatewayLedger ledger;
    private int requestsReceived;

    public SimulatedGateway(long seed, Faults faults, Clock clock) {
        this(seed, faults, clock, GatewayLedger.inMemory());
    }

    public SimulatedGateway(long seed, Faults faults, Clock clock, GatewayLedger ledger) {
        this.random = new Random(seed);
        this.faults = faults;
        this.clock = clock;
        this.ledger = ledger;
    }

    @Override
    public synchronized GatewayResult authorize(String key, String token, long amountMinor, String currency) {
        return deliver(key, books -> {
            if (token.equals(DECLINING_TOKEN)) {
                return new GatewayResult.Declined("card_declined");
            }
            String id = books.newId("auth");
            books.openAuthorization(id, amountMinor);
            return new GatewayResult.Succeeded(id, Optional.of(clock.instant().plus(faults.authorizationLifetime())));
        });
    }

    @Override
    public synchronized GatewayResult capture(String key, String authorizationId, long amountMinor) {
        return deliver(key, books -> {
            OptionalLong held = books.closeAuthorization(authorizationId);
            if (held.isEmpty()) {
                return new GatewayResult.Declined("authorization " + authorizationId + " is not open (expired, voided or captured)");
            }
            if (amountMinor > held.getAsLong()) {
                return new GatewayResult.Declined("capture of " + amountMinor + " exceeds the authorized " + held.getAsLong());
            }
            return moved(books, amountMinor);
        });
    }

    @Override
    public synchronized GatewayResult charge(String key, String token, long amountMinor, String currency) {
        return deliver(key, books -> token.equals(DECLINING_TOKEN) ? new GatewayResult.Declined("card_declined") : moved(books, amountMinor));
    }

    @Override
    public synchronized GatewayResult voidAuthorization(String key, String authorizationId) {
        return deliver(key, books -> {
            books.closeAuthorization(authorizationId);
            return new GatewayResult.Succeeded(books.newId("void"), Optional.empty());
        });
    }

    @Override
    public synchronized GatewayResult refund(String key, String chargeId, long amountMinor) {
        return deliver(key, books -> {
            OptionalLong charged = books.charged(chargeId);
            long already = books.refunded(chargeId);
            if (charged.isEmpty() || already + amountMinor > charged.getAsLong()) {
                return new GatewayResult.Declined("refund exceeds what charge " + chargeId + " took");
            }
            books.recordRefund(chargeId, amountMinor);
            return new GatewayResult.Succeeded(books.newId("re"), Optional.empty());
        });
    }

    @Override
    public synchronized GatewayResult prepareSavedPaymentMethod(String key) {
        return deliver(key, books -> new GatewayResult.Succeeded(books.newId("seti") + "_secret_simulated", Optional.empty()));
    }

    @Override
    public synchronized Optional<GatewayResult> lookup(String key) {
        return Optional.ofNullable(ledger.exclusively(key, books -> books.answered(key).orElse(null)));
    }

    /** Money captured or charged, less refunds, over all calls: what the customers really paid. */
    public long netTakenMinor() {
        return ledger.netTakenMinor();
    }

    /** How many captures and charges moved money; a repeated key must never add one. */
    public int moneyMovements() {
        return ledger.moneyMovements();
    }

    /** Requests that reached this gateway instance, duplicates included. */
    public synchronized int requestsReceived() {
        return requestsReceived;
    }

    /** Authorizations still holding funds: nobody voided or captured them. */
    public int openAuthorizations() {
        return ledger.openAuthorizations();
    }

    private static GatewayResult moved(GatewayLedger.Books books, long amountMinor) {
        String id = books.newId("ch");
        books.recordCharge(id, amountMinor);
        return new GatewayResult.Succeeded(id, Optional.empty());
    }

    private GatewayResult deliver(String key, Function<GatewayLedger.Books, GatewayResult> operation) {
        requestsReceived++;
        boolean timesOut = random.nextDouble() < faults.timeoutRate();
        boolean movesBeforeTimeout = random.nextBoolean();
        boolean declines = random.nextDouble() < faults.declineRate();
        boolean[] decidedNow = {false};
        GatewayResult result = ledger.exclusively(key, books -> {
            Optional<GatewayResult> earlier = books.answered(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            decidedNow[0] = true;
            if (timesOut && !movesBeforeTimeout) {
                return new GatewayResult.Unknown("timeout");
            }
            GatewayResult decided = declines ? new GatewayResult.Declined("card_declined") : operation.apply(books);
            books.answer(key, decided);
            return timesOut ? new GatewayResult.Unknown("timeout") : decided;
        });
        if (decidedNow[0] && !(result instanceof GatewayResult.Unknown) && random.nextDouble() < faults.duplicateDeliveryRate()) {
            // The same request arrives again (a retry racing the answer); it goes through the same door as any request.
            return deliver(key, operation);
        }
        return result;
    }
}
