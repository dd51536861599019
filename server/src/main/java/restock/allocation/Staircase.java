package restock.allocation;

import restock.common.Counts;
import restock.promise.Outlook;
import restock.promise.Promise;
import restock.promise.Promising;
import restock.promise.SupplyPortion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What can be promised beyond the units free now: the supply that waiting lines have not claimed, in arrival order.
 * Before a release day the stock in the building comes first, certain, on that day. The outlook for a request of
 * some units is the one a line of that many units placed now gets: it takes exactly those units, in the same order,
 * as the book pegs them ({@link SkuBook#linePromises}).
 *
 * <p>It used to give a request in the middle of a purchase order line the outlook of the whole unclaimed rest of
 * that line. Where a supplier sometimes delivers short, needing more of a line is less likely, so the shop said "no
 * confirmed date" (or refused) while the order placed got a promise; the model-based test found it.
 */
public final class Staircase {
    /** Open purchase order lines beyond this many are not worth showing a shopper. */
    public static final int MAX_STEPS = 50;

    /** The unclaimed part of one open purchase order line: {@code before} units of it are claimed by waiting lines. */
    private record Leftover(IncomingSupply line, int before, int units) {
    }

    /** Units in the building before a release that no waiting line claims: certain, on the release day. */
    private final int inTheBuilding;
    private final Optional<LocalDate> release;
    private final List<Leftover> leftovers;
    /** All the units that can wait on something: the building's before a release, then the unclaimed supply. */
    private final int promisableAtMost;
    /** Units on open purchase order lines, claimed or not: why nothing can be promised depends on it. */
    private final int incomingUnits;
    private final restock.promise.PromiseSettings settings;

    private Staircase(int inTheBuilding, Optional<LocalDate> release, List<Leftover> leftovers, int incomingUnits,
                      restock.promise.PromiseSettings settings) {
        this.inTheBuilding = inTheBuilding;
        this.release = release;
        this.leftovers = List.copyOf(leftovers);
        this.promisableAtMost = inTheBuilding + leftovers.stream().mapToInt(Leftover::units).sum();
        this.incomingUnits = incomingUnits;
        this.settings = settings;
    }

    public static Staircase of(SkuPosition position) {
        int claimed = position.waitingUnits();
        Optional<LocalDate> release = position.released() ? Optional.empty() : position.lifecycle().releaseDate();
        int inTheBuilding = Math.max(0, position.unitsInTheBuilding() - claimed);
        claimed = Math.max(0, claimed - position.unitsInTheBuilding());
        List<Leftover> leftovers = new ArrayList<>();
        int incoming = 0;
        for (IncomingSupply line : position.supply()) {
            incoming += line.openQuantity();
            int before = Math.min(claimed, line.openQuantity());
            claimed -= before;
            int leftover = line.openQuantity() - before;
            if (leftover > 0 && leftovers.size() < MAX_STEPS) {
                leftovers.add(new Leftover(line, before, leftover));
            }
        }
        return new Staircase(inTheBuilding, release, leftovers, incoming, position.settings());
    }

    /** The outlook for a shortfall (units beyond what is free), exactly as a line of that many units gets it. */
    public Outlook outlookFor(int shortfall) {
        if (shortfall <= 0) {
            throw new IllegalArgumentException("an outlook is for a shortfall of at least one unit, was " + shortfall);
        }
        if (shortfall <= inTheBuilding) {
            LocalDate day = release.orElseThrow();
            return new Outlook.Promised(new Promise(day, day, 1.0, Optional.empty()));
        }
        if (shortfall > promisableAtMost) {
            // Staff and shoppers read these (a refusal's reason): "units of incoming supply" was a developer's phrase.
            if (!leftovers.isEmpty()) {
                return new Outlook.Unconfirmed(0, "only " + Counts.grouped(promisableAtMost - inTheBuilding)
                        + " of the units on order are not already promised to the orders waiting before this one");
            }
            return new Outlook.Unconfirmed(0, incomingUnits == 0 ? "nothing is on order from a supplier"
                    : "all " + Counts.grouped(incomingUnits) + " units on order are already promised to the orders waiting before this one");
        }
        int needed = shortfall - inTheBuilding;
        List<SupplyPortion> portions = new ArrayList<>();
        for (Leftover leftover : leftovers) {
            int take = Math.min(needed, leftover.units());
            IncomingSupply line = leftover.line();
            portions.add(new SupplyPortion(line.purchaseOrderLineId(), line.expectedDate(), line.openQuantity(), leftover.before(), take, line.odds()));
            needed -= take;
            if (needed == 0) {
                break;
            }
        }
        Outlook outlook = Promising.promise(portions, 0, settings);
        return release.map(day -> notBefore(day, outlook)).orElse(outlook);
    }

    private static Outlook notBefore(LocalDate release, Outlook outlook) {
        if (outlook instanceof Outlook.Promised promised) {
            Promise p = promised.promise();
            return new Outlook.Promised(new Promise(later(p.from(), release), later(p.to(), release), p.probability(), p.purchaseOrderLineId()));
        }
        return outlook;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The most units of a shortfall that can wait with a promise. Within one purchase order line's unclaimed units the
     * promise only gets less likely as more are needed (the same lines, a larger share of the last), so the promisable
     * units there are a prefix, found by bisection; across lines it need not be so (a later line lengthens the horizon
     * a promise may reach), so every line is looked at.
     */
    public int unitsPromisable(int shortfall) {
        if (shortfall <= 0) {
            return 0;
        }
        if (outlookFor(shortfall) instanceof Outlook.Promised) {
            return shortfall;
        }
        int best = Math.min(shortfall, inTheBuilding);
        int low = inTheBuilding;
        for (Leftover leftover : leftovers) {
            int high = Math.min(low + leftover.units(), shortfall - 1);
            if (high > low && promised(low + 1)) {
                int yes = low + 1;
                int no = high + 1;
                while (no - yes > 1) {
                    int mid = (yes + no) >>> 1;
                    if (promised(mid)) {
                        yes = mid;
                    } else {
                        no = mid;
                    }
                }
                best = Math.max(best, yes);
            }
            low += leftover.units();
            if (low >= shortfall) {
                break;
            }
        }
        return best;
    }

    private boolean promised(int units) {
        return outlookFor(units) instanceof Outlook.Promised;
    }
}
