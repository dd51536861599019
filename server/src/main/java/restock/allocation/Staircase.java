package restock.allocation;

import restock.promise.Outlook;
import restock.promise.Promise;
import restock.promise.Promising;
import restock.promise.SupplyPortion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What can be promised beyond the units free now: the supply that waiting lines have not claimed, in arrival order,
 * cumulatively, each step with the outlook for a request that needs up to that many units. Before a release day the
 * stock in the building is the first step, certain, on that day. A request in the middle of a step gets the step's
 * (slightly cautious) outlook.
 */
public final class Staircase {
    /** Steps beyond this many open purchase order lines are not worth showing a shopper. */
    public static final int MAX_STEPS = 50;

    /** Up to {@code cumulativeUnits} units beyond what is free can be promised as {@code outlook} says. */
    public record Step(int cumulativeUnits, Outlook outlook) {
    }

    private final List<Step> steps;
    /** Units on open purchase order lines, claimed or not: why nothing can be promised depends on it. */
    private final int incomingUnits;

    private Staircase(List<Step> steps, int incomingUnits) {
        this.steps = List.copyOf(steps);
        this.incomingUnits = incomingUnits;
    }

    public static Staircase of(SkuPosition position) {
        List<Step> steps = new ArrayList<>();
        int claimed = position.waitingUnits();
        int cumulative = 0;
        Optional<LocalDate> release = position.released() ? Optional.empty() : position.lifecycle().releaseDate();
        int inTheBuilding = position.unitsInTheBuilding();
        if (inTheBuilding > claimed) {
            cumulative = inTheBuilding - claimed;
            LocalDate day = release.orElseThrow();
            steps.add(new Step(cumulative, new Outlook.Promised(new Promise(day, day, 1.0, Optional.empty()))));
        }
        claimed = Math.max(0, claimed - inTheBuilding);
        List<SupplyPortion> portions = new ArrayList<>();
        int incoming = 0;
        for (IncomingSupply line : position.supply()) {
            incoming += line.openQuantity();
            int before = Math.min(claimed, line.openQuantity());
            claimed -= before;
            int leftover = line.openQuantity() - before;
            if (leftover == 0 || steps.size() == MAX_STEPS) {
                continue;
            }
            portions.add(new SupplyPortion(line.purchaseOrderLineId(), line.expectedDate(), line.openQuantity(), before, leftover, line.odds()));
            cumulative += leftover;
            Outlook outlook = Promising.promise(List.copyOf(portions), 0, position.settings());
            steps.add(new Step(cumulative, release.map(day -> notBefore(day, outlook)).orElse(outlook)));
        }
        return new Staircase(steps, incoming);
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

    /** The outlook for a shortfall (units beyond what is free). */
    public Outlook outlookFor(int shortfall) {
        for (Step step : steps) {
            if (step.cumulativeUnits() >= shortfall) {
                return step.outlook();
            }
        }
        if (!steps.isEmpty()) {
            return new Outlook.Unconfirmed(0, "only " + steps.get(steps.size() - 1).cumulativeUnits()
                    + " units of incoming supply are not already promised to earlier orders");
        }
        return new Outlook.Unconfirmed(0, incomingUnits == 0 ? "no confirmed incoming supply"
                : "all " + incomingUnits + " units of incoming supply are already promised to earlier orders");
    }

    /** The most units of a shortfall that can wait with a promise. */
    public int unitsPromisable(int shortfall) {
        if (outlookFor(shortfall) instanceof Outlook.Promised) {
            return shortfall;
        }
        int best = 0;
        for (Step step : steps) {
            if (step.cumulativeUnits() < shortfall && step.outlook() instanceof Outlook.Promised) {
                best = step.cumulativeUnits();
            }
        }
        return best;
    }

    public List<Step> steps() {
        return steps;
    }
}
