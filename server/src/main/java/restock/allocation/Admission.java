package restock.allocation;

import restock.promise.AvailabilityStatus;
import restock.promise.Promise;

import java.util.Optional;

/**
 * What an order for some units of a SKU gets: reserved now, waiting in the queue (with the promise, when confirmed
 * supply covers the waiting units), refused (with the reason), and what a shop may therefore say about it. For refused
 * units that confirmed supply covers all the same ({@code moreDue}: a policy that lets none wait, a cap reached), when
 * that supply is due, with the confidence of a promise; it promises nothing to this order.
 */
public record Admission(int reserved, int waiting, Optional<Promise> promise, int refused, Optional<String> refusalReason,
                        AvailabilityStatus status, Optional<Promise> moreDue) {
    public Admission {
        if (reserved < 0 || waiting < 0 || refused < 0) {
            throw new IllegalStateException("admission quantities must not be negative: " + reserved + "/" + waiting + "/" + refused);
        }
        if ((refused > 0) != refusalReason.isPresent()) {
            throw new IllegalStateException("a refusal carries a reason and only a refusal does");
        }
        if (promise.isPresent() && waiting == 0) {
            throw new IllegalStateException("only waiting units are promised");
        }
        if (moreDue.isPresent() && refused == 0) {
            throw new IllegalStateException("only refused units have more due");
        }
        if (status != statusOf(waiting, refused, promise.isPresent(), status)) {
            throw new IllegalStateException(status + " does not describe " + reserved + " reserved, " + waiting + " waiting, " + refused + " refused");
        }
    }

    /**
     * The statuses consistent with the quantities: refused units mean the request cannot be met as asked; units that
     * wait are a backorder only with a promise (confirmed supply covers them), else out of stock to say.
     */
    private static AvailabilityStatus statusOf(int waiting, int refused, boolean promised, AvailabilityStatus claimed) {
        if (refused > 0) {
            return claimed == AvailabilityStatus.DISCONTINUED ? claimed : AvailabilityStatus.OUT_OF_STOCK;
        }
        if (waiting > 0) {
            return claimed == AvailabilityStatus.PREORDER ? claimed : promised ? AvailabilityStatus.BACKORDER : AvailabilityStatus.OUT_OF_STOCK;
        }
        return AvailabilityStatus.IN_STOCK;
    }

    public int quantity() {
        return reserved + waiting + refused;
    }

    /** Every unit reserved now. */
    public static Admission inStock(int quantity) {
        return new Admission(quantity, 0, Optional.empty(), 0, Optional.empty(), AvailabilityStatus.IN_STOCK, Optional.empty());
    }

    /** The whole line refused because another line of an order that may not be accepted in part was. */
    public static Admission refusedWhole(int quantity, String reason) {
        return new Admission(0, 0, Optional.empty(), quantity, Optional.of(reason), AvailabilityStatus.OUT_OF_STOCK, Optional.empty());
    }
}
