package restock.allocation;

import restock.catalog.BackorderPolicy;
import restock.promise.AvailabilityStatus;
import restock.promise.Outlook;
import restock.promise.Promise;

import java.util.Optional;

/**
 * The one decision: what an order for some units of a SKU would get now. Placement applies it to the locked book;
 * the storefront's answer (single and batch), the Merchant feed and the schema.org offer present it. Nothing else
 * decides reserve, wait or refuse.
 */
public final class OrderDecision {
    private OrderDecision() {
    }

    /**
     * Reserves what is free (a customer's own waitlist hold included), lets wait what the policy allows — before
     * the release day the stock in the building first — and refuses the rest, saying why.
     */
    public static Admission decide(SkuPosition position, int quantity, int ownHoldUnits) {
        if (quantity <= 0 || ownHoldUnits < 0) {
            throw new IllegalStateException("a decision needs a positive quantity and a non-negative hold, had " + quantity + " and " + ownHoldUnits);
        }
        int usable = position.released() ? position.freeUnits() + Math.min(ownHoldUnits, position.heldUnits()) : 0;
        int reserved = Math.min(quantity, usable);
        int shortfall = quantity - reserved;
        if (shortfall == 0) {
            return Admission.inStock(reserved);
        }
        Staircase staircase = Staircase.of(position);
        int waiting = unitsAllowedToWait(position, shortfall, staircase);
        Optional<Promise> promise = waiting > 0 && staircase.outlookFor(waiting) instanceof Outlook.Promised promised
                ? Optional.of(promised.promise()) : Optional.empty();
        int refused = shortfall - waiting;
        Outlook forShortfall = staircase.outlookFor(shortfall);
        Optional<String> reason = refused > 0
                ? Optional.of(position.effectivePolicy().refusalReason(position.sku(), why(forShortfall), position.waitingUnits() + shortfall))
                : Optional.empty();
        // Units refused although confirmed supply covers them (the policy lets none wait, or its cap is reached): when
        // more is due, with the same confidence as a promise, so a shop says that instead of the usual cadence.
        Optional<Promise> moreDue = refused > 0 && forShortfall instanceof Outlook.Promised due ? Optional.of(due.promise()) : Optional.empty();
        return new Admission(reserved, waiting, promise, refused, reason, status(position, refused, promise), moreDue);
    }

    /**
     * Before the release day, units of the stock in the building may wait for it under any policy but a
     * discontinued product's; beyond those, the policy decides against the supply still unclaimed.
     */
    private static int unitsAllowedToWait(SkuPosition position, int shortfall, Staircase staircase) {
        BackorderPolicy policy = position.effectivePolicy();
        if (policy instanceof BackorderPolicy.Discontinued) {
            return 0;
        }
        int inTheBuilding = Math.max(0, position.unitsInTheBuilding() - position.waitingUnits());
        int fromTheBuilding = Math.min(shortfall, inTheBuilding);
        int beyond = policy.unitsAllowedToWait(shortfall - fromTheBuilding, position.waitingUnits() + fromTheBuilding,
                units -> staircase.unitsPromisable(fromTheBuilding + units) - fromTheBuilding);
        return fromTheBuilding + Math.max(0, beyond);
    }

    /**
     * What a shop may say: "backorder" only when confirmed supply covers the units that wait ({@code promise}); an
     * {@code always} product's order waits all the same without one, and is out of stock to say (it answered
     * "backorder" with no date while its feed row and offer said out of stock: a storefront developer's check).
     */
    private static AvailabilityStatus status(SkuPosition position, int refused, Optional<Promise> promise) {
        if (refused > 0) {
            return position.lifecycle().discontinued() ? AvailabilityStatus.DISCONTINUED : AvailabilityStatus.OUT_OF_STOCK;
        }
        if (!position.released()) {
            return AvailabilityStatus.PREORDER;
        }
        return promise.isPresent() ? AvailabilityStatus.BACKORDER : AvailabilityStatus.OUT_OF_STOCK;
    }

    private static String why(Outlook outlook) {
        return outlook instanceof Outlook.Unconfirmed unconfirmed ? unconfirmed.reason() : "supply is confirmed";
    }
}
