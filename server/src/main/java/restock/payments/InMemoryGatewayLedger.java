package restock.payments;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** The simulated gateway's books in one process's memory; one lock serializes every call. */
final class InMemoryGatewayLedger implements GatewayLedger, GatewayLedger.Books {
    private final Map<String, GatewayResult> answered = new HashMap<>();
    private final Map<String, Long> authorizations = new HashMap<>();
    private final Map<String, Long> captured = new HashMap<>();
    private final Map<String, Long> refunded = new HashMap<>();
    private int sequence;
    private int moneyMovements;

    @Override
    public synchronized GatewayResult exclusively(String idempotencyKey, Function<Books, GatewayResult> work) {
        return work.apply(this);
    }

    @Override
    public synchronized long netTakenMinor() {
        return captured.values().stream().mapToLong(Long::longValue).sum() - refunded.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public synchronized int moneyMovements() {
        return moneyMovements;
    }

    @Override
    public synchronized int openAuthorizations() {
        return authorizations.size();
    }

    @Override
    public Optional<GatewayResult> answered(String idempotencyKey) {
        return Optional.ofNullable(answered.get(idempotencyKey));
    }

    @Override
    public void answer(String idempotencyKey, GatewayResult result) {
        answered.put(idempotencyKey, result);
    }

    @Override
    public String newId(String prefix) {
        return prefix + "_" + (++sequence);
    }

    @Override
    public void openAuthorization(String id, long amountMinor) {
        authorizations.put(id, amountMinor);
    }

    @Override
    public OptionalLong closeAuthorization(String id) {
        Long held = authorizations.remove(id);
        return held == null ? OptionalLong.empty() : OptionalLong.of(held);
    }

    @Override
    public void recordCharge(String id, long amountMinor) {
        captured.put(id, amountMinor);
        moneyMovements++;
    }

    @Override
    public OptionalLong charged(String id) {
        Long amount = captured.get(id);
        return amount == null ? OptionalLong.empty() : OptionalLong.of(amount);
    }

    @Override
    public long refunded(String chargeId) {
        return refunded.getOrDefault(chargeId, 0L);
    }

    @Override
    public void recordRefund(String chargeId, long amountMinor) {
        refunded.merge(chargeId, amountMinor, Long::sum);
    }
}
