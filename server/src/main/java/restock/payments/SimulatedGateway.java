package restock.payments;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A deterministic, seeded payment gateway for development, the demo and tests, with the faults real gateways
 * have: declines, timeouts (some after the money moved), expiring authorizations and requests delivered twice.
 * It keeps its own ledger so tests can check that no money moved twice.
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
    private final Map<String, GatewayResult> answered = new HashMap<>();
    private final Map<String, Long> authorizations = new HashMap<>();
    private final Map<String, Long> captured = new HashMap<>();
    private final Map<String, Long> refunded = new HashMap<>();
    private int sequence;
    private int moneyMovements;
    private int requestsReceived;

    public SimulatedGateway(long seed, Faults faults, Clock clock) {
        this.random = new Random(seed);
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    public synchronized GatewayResult authorize(String key, String token, long amountMinor, String currency) {
        return deliver(key, () -> {
            if (token.equals(DECLINING_TOKEN)) {
                return new GatewayResult.Declined("card_declined");
            }
            String id = "auth_" + (++sequence);
            authorizations.put(id, amountMinor);
            return new GatewayResult.Succeeded(id, Optional.of(clock.instant().plus(faults.authorizationLifetime())));
        });
    }

    @Override
    public synchronized GatewayResult capture(String key, String authorizationId, long amountMinor) {
        return deliver(key, () -> {
            Long held = authorizations.remove(authorizationId);
            if (held == null) {
                return new GatewayResult.Declined("authorization " + authorizationId + " is not open (expired, voided or captured)");
            }
            if (amountMinor > held) {
                return new GatewayResult.Declined("capture of " + amountMinor + " exceeds the authorized " + held);
            }
            return moved("ch_" + (++sequence), amountMinor);
        });
    }

    @Override
    public synchronized GatewayResult charge(String key, String token, long amountMinor, String currency) {
        return deliver(key, () -> token.equals(DECLINING_TOKEN) ? new GatewayResult.Declined("card_declined")
                : moved("ch_" + (++sequence), amountMinor));
    }

    @Override
    public synchronized GatewayResult voidAuthorization(String key, String authorizationId) {
        return deliver(key, () -> {
            authorizations.remove(authorizationId);
            return new GatewayResult.Succeeded("void_" + (++sequence), Optional.empty());
        });
    }

    @Override
    public synchronized GatewayResult refund(String key, String chargeId, long amountMinor) {
        return deliver(key, () -> {
            Long charged = captured.get(chargeId);
            long already = refunded.getOrDefault(chargeId, 0L);
            if (charged == null || already + amountMinor > charged) {
                return new GatewayResult.Declined("refund exceeds what charge " + chargeId + " took");
            }
            refunded.put(chargeId, already + amountMinor);
            return new GatewayResult.Succeeded("re_" + (++sequence), Optional.empty());
        });
    }

    @Override
    public synchronized GatewayResult prepareSavedPaymentMethod(String key) {
        return deliver(key, () -> new GatewayResult.Succeeded("seti_" + (++sequence) + "_secret_simulated", Optional.empty()));
    }

    @Override
    public synchronized Optional<GatewayResult> lookup(String key) {
        return Optional.ofNullable(answered.get(key));
    }

    /** Money captured or charged, less refunds, over all calls: what the customer really paid. */
    public synchronized long netTakenMinor() {
        return captured.values().stream().mapToLong(Long::longValue).sum() - refunded.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many captures and charges moved money; a repeated key must never add one. */
    public synchronized int moneyMovements() {
        return moneyMovements;
    }

    /** Requests that reached the gateway, duplicates included. */
    public synchronized int requestsReceived() {
        return requestsReceived;
    }

    /** Authorizations still holding funds that have passed their expiry: nobody attended to them. */
    public synchronized int openAuthorizations() {
        return authorizations.size();
    }

    private GatewayResult moved(String id, long amountMinor) {
        captured.put(id, amountMinor);
        moneyMovements++;
        return new GatewayResult.Succeeded(id, Optional.empty());
    }

    private GatewayResult deliver(String key, java.util.function.Supplier<GatewayResult> operation) {
        requestsReceived++;
        GatewayResult earlier = answered.get(key);
        if (earlier != null) {
            return earlier;
        }
        if (random.nextDouble() < faults.timeoutRate()) {
            if (random.nextBoolean()) {
                answered.put(key, decideOrDecline(operation));
            }
            return new GatewayResult.Unknown("timeout");
        }
        GatewayResult result = decideOrDecline(operation);
        answered.put(key, result);
        if (random.nextDouble() < faults.duplicateDeliveryRate()) {
            // The same request arrives again (a retry racing the answer); it goes through the same door as any request.
            return deliver(key, operation);
        }
        return result;
    }

    private GatewayResult decideOrDecline(java.util.function.Supplier<GatewayResult> operation) {
        if (random.nextDouble() < faults.declineRate()) {
            return new GatewayResult.Declined("card_declined");
        }
        return operation.get();
    }
}
