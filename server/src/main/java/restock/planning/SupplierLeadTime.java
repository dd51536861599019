package restock.planning;

import java.util.List;
import java.util.Optional;

/**
 * The lead time a supplier's orders are planned with, and where it came from: the days its latest deliveries took when
 * there are any (what the supplier does), otherwise the days it states, otherwise {@link Planner#DEFAULT_LEAD_TIME_DAYS}.
 * The planning page said "about 39 days" (learned) while its "Order some" link expected the order in the 35 the
 * supplier states (a newcomer's check): the plan, its words and the purchase order form all read this one rule.
 *
 * @param statedDays    the lead time the supplier states, if it states one
 * @param deliveredDays the days each of its latest delivered lines took, from order to first receipt, newest first
 */
public record SupplierLeadTime(Optional<Integer> statedDays, List<Integer> deliveredDays) {
    /** No supplier, or one with neither a stated lead time nor deliveries. */
    public static final SupplierLeadTime UNKNOWN = new SupplierLeadTime(Optional.empty(), List.of());

    public SupplierLeadTime {
        deliveredDays = List.copyOf(deliveredDays);
    }

    /** The lead times the plan draws from: the deliveries' when there are any, else the stated one (none: the planner's default). */
    public List<Integer> planningSamplesDays() {
        return deliveredDays.isEmpty() ? statedDays.map(List::of).orElse(List.of()) : deliveredDays;
    }

    /** The lead time planned with, in whole days: the mean of {@link #planningSamplesDays} ({@link Planner#meanLeadTimeDays}). */
    public int plannedDays() {
        return (int) Math.round(Planner.meanLeadTimeDays(planningSamplesDays()));
    }

    /** The day an order placed on {@code orderedOn} is expected: {@link #plannedDays} after it. */
    public java.time.LocalDate expectedFrom(java.time.LocalDate orderedOn) {
        return orderedOn.plusDays(plannedDays());
    }

    /** The mean of the deliveries, in whole days, if there were any. */
    public Optional<Integer> learnedDays() {
        return deliveredDays.isEmpty() ? Optional.empty() : Optional.of((int) Math.round(Planner.meanLeadTimeDays(deliveredDays)));
    }

    /**
     * Which lead time is planned with and why, in a phrase: "35 days stated, 39 learned from deliveries: planned with 39",
     * "35 days stated, no deliveries yet: planned with 35", "none stated and no deliveries yet: planned with 14".
     */
    public String words() {
        String stated = statedDays.map(days -> days + (days == 1 ? " day" : " days") + " stated").orElse("none stated");
        String learned = learnedDays().map(days -> days + " learned from " + deliveredDays.size()
                + (deliveredDays.size() == 1 ? " delivery" : " deliveries")).orElse("no deliveries yet");
        return stated + ", " + learned + ": planned with " + plannedDays();
    }
}
