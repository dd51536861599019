package restock.allocation;

import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Sku;
import restock.promise.PromiseSettings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the decision needs to know about one SKU at one moment: what is free, what is held, how many units
 * already wait, and the open supply in the order it is expected to arrive. The locked book and the storefront's
 * read build it the same way ({@link #of}), so an order and an answer about it are decided on the same facts.
 */
public record SkuPosition(Sku sku, BackorderPolicy policy, Lifecycle lifecycle, int freeUnits, int heldUnits, int waitingUnits,
                          List<IncomingSupply> supply, PromiseSettings settings) {
    public SkuPosition {
        if (freeUnits < 0 || heldUnits < 0 || waitingUnits < 0) {
            throw new IllegalStateException(sku + " has a negative position: free=" + freeUnits + " held=" + heldUnits
                    + " waiting=" + waitingUnits);
        }
        if (freeUnits > 0 && waitingUnits > 0 && released(lifecycle, settings.today())) {
            throw new IllegalStateException(sku + " has " + freeUnits + " units free while " + waitingUnits + " units wait");
        }
        List<IncomingSupply> sorted = new ArrayList<>(supply);
        sorted.sort(IncomingSupply.arrivalOrder(settings.today(), settings.threshold()));
        supply = List.copyOf(sorted);
    }

    /**
     * From the stored figures. Units that became free (a lapsed hold, a release day) go to the queue first, as
     * the locked book does when it loads, so a read sees what the next write will make of them.
     */
    public static SkuPosition of(Sku sku, BackorderPolicy policy, Lifecycle lifecycle, int onHand, int reserved, int heldUnits,
                                 int waitingUnits, List<IncomingSupply> supply, PromiseSettings settings) {
        int held = Math.min(heldUnits, onHand - reserved);
        int free = onHand - reserved - held;
        int waiting = waitingUnits;
        if (released(lifecycle, settings.today())) {
            int filled = Math.min(free, waiting);
            free -= filled;
            waiting -= filled;
        }
        return new SkuPosition(sku, policy, lifecycle, free, held, waiting, supply, settings);
    }

    /**
     * The position after an order line got {@code decision} here: as the locked book stands once it admitted the line
     * (its reserved units no longer free, a customer's own held units first beyond them; its waiting units claiming the
     * building's stock before a release, then supply, behind every earlier line). A cart that names a SKU twice is
     * answered line by line on it, as the order would be placed.
     */
    public SkuPosition after(Admission decision) {
        int fromFree = Math.min(freeUnits, decision.reserved());
        int fromHeld = decision.reserved() - fromFree;
        if (fromHeld > heldUnits) {
            throw new IllegalStateException(sku + ": " + decision.reserved() + " reserved, but only " + freeUnits + " free and " + heldUnits + " held");
        }
        return new SkuPosition(sku, policy, lifecycle, freeUnits - fromFree, heldUnits - fromHeld, waitingUnits + decision.waiting(), supply, settings);
    }

    /** Whether the product may be shipped today: no release date, or it has come. */
    public boolean released() {
        return released(lifecycle, settings.today());
    }

    static boolean released(Lifecycle lifecycle, LocalDate today) {
        return lifecycle.releaseDate().map(release -> !release.isAfter(today)).orElse(true);
    }

    /** The policy that applies today: a discontinued product lets nothing more wait, whatever it was sold under. */
    public BackorderPolicy effectivePolicy() {
        return lifecycle.discontinued() ? new BackorderPolicy.Discontinued() : policy;
    }

    /** Before the release day, the free stock is supply that arrives on that day. */
    public int unitsInTheBuilding() {
        return released() ? 0 : freeUnits;
    }

    public int incomingUnits() {
        return supply.stream().mapToInt(IncomingSupply::openQuantity).sum();
    }
}
