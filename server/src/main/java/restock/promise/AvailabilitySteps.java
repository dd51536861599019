package restock.promise;

import java.util.List;

/**
 * A SKU's availability as a staircase, kept current with each write: units available now, then for each open
 * purchase order line (in arrival order) the units not yet claimed by waiting orders, cumulatively, with the
 * outlook for a request that needs up to that many. The shop's answer and an order's admission both read it,
 * so they never differ.
 */
public record AvailabilitySteps(int available, List<Step> steps) {
    /** Up to {@code cumulativeUnits} units beyond what is available can be promised as {@code outlook} says. */
    public record Step(int cumulativeUnits, Outlook outlook) {
    }

    public AvailabilitySteps {
        steps = List.copyOf(steps);
    }

    /** The outlook for a shortfall (units beyond what is available). */
    public Outlook outlookFor(int shortfall) {
        for (Step step : steps) {
            if (step.cumulativeUnits() >= shortfall) {
                return step.outlook();
            }
        }
        return new Outlook.Unconfirmed(0, steps.isEmpty() ? "no confirmed incoming supply"
                : "only " + steps.get(steps.size() - 1).cumulativeUnits() + " units of incoming supply are not already promised to earlier orders");
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
}
