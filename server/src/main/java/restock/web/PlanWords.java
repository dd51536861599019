package restock.web;

import restock.planning.PlanFigures;
import restock.planning.Planner;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the planning page says of a SKU's plan, in the words staff use and with dates as the console writes them: run-out
 * rows repeated the planner's own reason ("Nothing suggested: nothing to order: the position 1759 (...) is above the
 * reorder point 1081; ... due 2026-12-15"), and a suggestion for a SKU that runs out before an order placed today could
 * come said nothing of it (a newcomer's check). The planner's full reason stays with the plan (the API's and the CLI's
 * {@code reason}); the page shows it under "How the planner reached it".
 */
public final class PlanWords {
    /** A date as the planner writes it into its reason (ISO, "2026-12-17"). */
    private static final Pattern PLANNER_DAY = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    /** A whole number of four digits or more in the planner's reason, not part of a date or of a decimal's fraction. */
    private static final Pattern PLANNER_COUNT = Pattern.compile("(?<![\\d.,-])\\d{4,18}(?![\\d-])");

    private PlanWords() {
    }

    /**
     * The planner's reason as the page shows it, with its dates and counts in the console's form: the page said "Runs out 17
     * Dec 2026" and, under it, "about 2026-12-17" (a newcomer's finding), and "12000" beside "12,000" (an outside tester's).
     * The plan keeps the planner's words for the API and the CLI.
     */
    public static String reason(Planner.SkuPlan plan) {
        // Counts grouped as the rest of the page writes them ("12,000", not "12000"); the API's reason is free text and keeps
        // the planner's own words. Counts first: a date written out ("17 Dec 2026") has a year that is no count.
        String counted = PLANNER_COUNT.matcher(plan.reason()).replaceAll(count -> Format.count(Long.parseLong(count.group())));
        return PLANNER_DAY.matcher(counted).replaceAll(day -> Format.day(LocalDate.parse(day.group())));
    }

    /** A level of stock as the page shows it: to a tenth ({@link PlanFigures#level}), thousands grouped. */
    public static String level(double units) {
        double rounded = PlanFigures.level(units);
        return rounded == Math.rint(rounded) ? Format.count((long) rounded) : String.format(java.util.Locale.UK, "%,.1f", rounded);
    }

    /**
     * Units a day as the pages show them: to a hundredth ({@link PlanFigures#unitsADay}), as the API and the CLI give them,
     * thousands grouped (the pages said 71.2 where the API said 71.18: an outside tester's check).
     */
    public static String unitsADay(double unitsADay) {
        java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(PlanFigures.unitsADay(unitsADay)).stripTrailingZeros();
        return String.format(java.util.Locale.UK, "%,." + Math.max(0, rounded.scale()) + "f", rounded);
    }

    /** What the planning page and the overview say of a run-out ordered since the plan was made: one rule, one phrase. */
    public static final String ORDERED_SINCE = "Ordered since this plan was made.";

    /**
     * Beside a SKU that will run out: whether it is suggested and, if not, why in a sentence, and what would help (an
     * outside check found 12 run-outs listed and 2 suggested, with nothing said of the other 10).
     */
    static String stockOutNote(Planner.SkuPlan plan, boolean orderedSince, boolean shown, LocalDate plannedOn, LocalDate today) {
        if (orderedSince) {
            return ORDERED_SINCE;
        }
        if (plan.suggestedQuantity() > 0) {
            return shown ? "Suggested below: " + Format.count(plan.suggestedQuantity()) + " units." : "Suggested ("
                    + Format.count(plan.suggestedQuantity()) + " units) but not among the suggestions shown; the whole plan is at "
                    + "GET /api/planning/runs/latest.";
        }
        return "Nothing suggested: " + covered(plan) + "." + supplyTooLate(plan, plannedOn, today);
    }

    /**
     * Whether the note beside a run-out ({@link #stockOutNote}) advises bringing the next delivery forward: the page then
     * links that delivery's purchase order, so the advice has a way to act on it (it had none, an outside tester's finding).
     */
    static boolean advisesBringingForward(Planner.SkuPlan plan, boolean orderedSince) {
        return !orderedSince && plan.suggestedQuantity() == 0 && plan.nextReceipt().isPresent();
    }

    /** Why a plan suggests no order, in a phrase: "stock and what is on order, less what customers wait for, come to 1,759, which covers ...". */
    static String covered(Planner.SkuPlan plan) {
        if (plan.dailyDemand() == 0) {
            return "no demand is forecast for it";
        }
        // Less what customers wait for: "stock and what is on order (1,759)" read oddly beside "what is on order (2,454)".
        return "stock and what is on order, less what customers wait for, come to " + Format.count(plan.inventoryPosition()) + ", which covers the "
                + "demand until the next order could arrive; reorder at " + level(plan.reorderPoint());
    }

    /**
     * Why a suggestion, in a sentence, and what the plan cannot mend by the quantity alone: a run-out before an order placed
     * today could arrive, and units on order that come after the run-out (the plan counts them as covering demand).
     */
    static String suggestion(Planner.SkuPlan plan, LocalDate plannedOn, LocalDate today) {
        // "less what customers wait for (8,469)" read as 8,469 units wanted while 471 waited (an outside tester's finding).
        return "Stock and what is on order, less what customers wait for, come to " + Format.count(plan.inventoryPosition())
                + ": at or below the reorder point (" + level(plan.reorderPoint()) + ")." + runsOutFirst(plan, plannedOn, today).map(words -> " " + words).orElse("");
    }

    /** "Runs out 12 Dec 2026; an order today arrives about 14 Jan 2027", when it runs out before such an order comes. */
    static Optional<String> runsOutFirst(Planner.SkuPlan plan, LocalDate plannedOn, LocalDate today) {
        Optional<LocalDate> runsOut = plan.runsOutOn(plannedOn);
        LocalDate arrives = plan.orderArrives(today);
        if (runsOut.isEmpty() || !runsOut.get().isBefore(arrives)) {
            return Optional.empty();
        }
        String out = plan.daysOfCover() == 0 ? "Out now" : "Runs out " + Format.day(runsOut.get());
        return Optional.of(out + "; an order today arrives about " + Format.day(arrives) + "." + dueAfter(plan, runsOut.get()));
    }

    /** " 1,200 on order, due after the run-out (from 20 Dec 2026).", when what is on order comes after the shelf empties. */
    private static String dueAfter(Planner.SkuPlan plan, LocalDate runsOut) {
        if (plan.incoming() == 0 || plan.nextReceipt().isEmpty() || !plan.nextReceipt().get().isAfter(runsOut)) {
            return "";
        }
        return " " + Format.count(plan.incoming()) + " on order, due after the run-out (from " + Format.day(plan.nextReceipt().get()) + ").";
    }

    /** For a run-out with nothing suggested: why what is on order does not help, and whether an order today would. */
    private static String supplyTooLate(Planner.SkuPlan plan, LocalDate plannedOn, LocalDate today) {
        LocalDate arrives = plan.orderArrives(today);
        String now = plan.daysOfCover() == 0 ? " Nothing is free now" : plan.runsOutOn(plannedOn).map(day -> " It runs out " + Format.day(day))
                .orElse(" It runs out");
        if (plan.nextReceipt().isEmpty()) {
            return now + ", before an order today could arrive (about " + Format.day(arrives) + ").";
        }
        LocalDate due = plan.nextReceipt().get();
        // "The first of what is on order (9,048) is due 12 Dec" read as all of it, when 4,488 came then and the rest nine days
        // later: a planner chasing the supplier asked for the wrong amount (an outside tester's check). The first delivery's own
        // units, and the total beside them when more is on order; a run stored before those units were kept names none.
        String first = plan.nextReceiptUnits() > 0 ? ", and the next delivery, " + Format.count(plan.nextReceiptUnits())
                + (plan.incoming() > plan.nextReceiptUnits() ? " of the " + Format.count(plan.incoming()) + " on order," : ",")
                + " is due " + Format.day(due) : ", and the next delivery is due " + Format.day(due);
        String onOrder = first + ": bring that delivery forward";
        return now + onOrder + (arrives.isBefore(due)
                ? "; an order today would arrive sooner, about " + Format.day(arrives) + "."
                : "; an order today would arrive later still, about " + Format.day(arrives) + ".");
    }
}
