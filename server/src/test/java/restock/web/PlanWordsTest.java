package restock.web;

import org.junit.jupiter.api.Test;
import restock.catalog.Sku;
import restock.planning.Planner;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console says of a plan, in staff words. */
class PlanWordsTest {
    private static Planner.SkuPlan covered(double dailyDemand) {
        return new Planner.SkuPlan("DRUM-1", "Tin Drum", "Acme", dailyDemand, 1081.04, 20, 1151, 1759, 0, Optional.empty(),
                "nothing to order: the position 1759 (free stock and what is on order, less units waiting) is above the reorder point 1081",
                40, false);
    }

    /** "Order some" on a SKU the plan suggests none of said why in the planner's words ("the position 1759 (...)"). */
    @Test
    void the_order_form_says_why_no_units_in_staff_words() {
        assertThat(ConsolePages.quantityNote(Sku.of("DRUM-1"), Optional.of(covered(10))))
                .isEqualTo("No units filled in: the latest plan suggests none for DRUM-1: stock and what is on order, less what customers "
                        + "wait for, come to 1,759, which covers the demand until the next order could arrive; reorder at 1,081.");
        assertThat(ConsolePages.quantityNote(Sku.of("DRUM-1"), Optional.of(covered(0))))
                .isEqualTo("No units filled in: the latest plan suggests none for DRUM-1: no demand is forecast for it.");
    }

    @Test
    void levels_are_rounded_by_the_plans_rule_and_grouped() {
        assertThat(PlanWords.level(1081.04)).isEqualTo("1,081");
        assertThat(PlanWords.level(1234.56)).isEqualTo("1,234.6");
        assertThat(PlanWords.level(0.3)).isEqualTo("0.3");
    }

    /** The page said "Runs out 17 Dec 2026" and, under "How the planner reached it", "about 2026-12-17". */
    @Test
    void the_planners_reason_shows_its_dates_as_the_console_writes_them() {
        Planner.SkuPlan plan = new Planner.SkuPlan("DRUM-1", "Tin Drum", "Acme", 10, 1081.04, 20, 1151, 900, 300, Optional.empty(),
                "position 900 is at or below the reorder point 1081; free stock runs out about 2026-12-17, before an order placed now"
                        + " could arrive (about 2027-01-05)", 10, true);

        assertThat(PlanWords.reason(plan)).isEqualTo("position 900 is at or below the reorder point 1,081; free stock runs out about"
                + " 17 Dec 2026, before an order placed now could arrive (about 5 Jan 2027)");
    }

    /** "How the planner reached it" printed 12000 where the rest of the console writes 12,000. */
    @Test
    void the_planners_reason_groups_its_counts_as_the_console_does_and_leaves_the_plans_own_words() {
        String said = "position 12000 is at or below the reorder point 1081 (normal lead-time demand, mean 10500 over 14 days, 95.0% service"
                + " level, forecast in weeks); free stock runs out about 2026-12-17, and the 1200 on order are due from 2027-01-05, after it;"
                + " 1081.5 to a tenth";
        Planner.SkuPlan plan = new Planner.SkuPlan("DRUM-1", "Tin Drum", "Acme", 10, 1081.04, 20, 1151, 12000, 300, Optional.empty(), said, 10, true);

        assertThat(PlanWords.reason(plan)).isEqualTo("position 12,000 is at or below the reorder point 1,081 (normal lead-time demand, mean 10,500"
                + " over 14 days, 95.0% service level, forecast in weeks); free stock runs out about 17 Dec 2026, and the 1,200 on order are due"
                + " from 5 Jan 2027, after it; 1,081.5 to a tenth");
        assertThat(plan.reason()).as("the API's reason").isEqualTo(said);
    }

    /**
     * "The first of what is on order (9,048) is due 12 Dec" named everything on order (an outside tester's check): the first
     * delivery's own units, the total beside them; a run stored before the first delivery's units were kept names none.
     */
    @Test
    void a_run_out_names_the_first_deliverys_own_units_and_not_all_on_order_as_due_first() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 7);
        Planner.SkuPlan known = new Planner.SkuPlan("22492", "Mini Paint Set", "Yiwu", 71.19, 4640, 1865.2, 5138.3, 8469, 0, Optional.empty(),
                "", 0, true, 9048, Optional.of(java.time.LocalDate.of(2026, 12, 12)), 38.98, 4488);
        Planner.SkuPlan unknown = new Planner.SkuPlan("22492", "Mini Paint Set", "Yiwu", 71.19, 4640, 1865.2, 5138.3, 8469, 0, Optional.empty(),
                "", 0, true, 9048, Optional.of(java.time.LocalDate.of(2026, 12, 12)), 38.98);
        Planner.SkuPlan all = new Planner.SkuPlan("22492", "Mini Paint Set", "Yiwu", 71.19, 4640, 1865.2, 5138.3, 8469, 0, Optional.empty(),
                "", 0, true, 4488, Optional.of(java.time.LocalDate.of(2026, 12, 12)), 38.98, 4488);

        assertThat(PlanWords.stockOutNote(known, false, false, today, today))
                .contains("Nothing is free now, and the next delivery, 4,488 of the 9,048 on order, is due 12 Dec 2026: bring that delivery forward")
                .doesNotContain("(9,048)");
        assertThat(PlanWords.stockOutNote(unknown, false, false, today, today))
                .contains("Nothing is free now, and the next delivery is due 12 Dec 2026: bring that delivery forward").doesNotContain("9,048");
        assertThat(PlanWords.stockOutNote(all, false, false, today, today)).contains("and the next delivery, 4,488, is due 12 Dec 2026");
    }
}
