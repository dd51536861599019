package restock.cli;

import org.junit.jupiter.api.Test;
import restock.planning.Planner;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code restock plan --format json} gives the API's figures, rounded the same way (it printed 0.30000000000000004 too). */
class PlanJsonTest {
    @Test
    void the_plan_as_json_gives_units_a_day_and_the_order_up_to_level_rounded() throws Exception {
        Planner.SkuPlan plan = new Planner.SkuPlan("22423", "Regency Cakestand 3 Tier", "Cake Stands Ltd", 0.1 + 0.2, 12.345678, 0.1 + 0.7,
                12.345678 + 7 * (0.1 + 0.2), 4, 12, Optional.of(LocalDate.of(2026, 12, 9)), "why", 13.3333333, true);

        String json = PlanCommand.json(List.of(plan));

        assertThat(json).contains("\"dailyDemand\" : 0.3,").contains("\"reorderPoint\" : 12.3,").contains("\"safetyStock\" : 0.8,")
                .contains("\"orderUpTo\" : 14.4,").contains("\"daysOfCover\" : 13.3,").doesNotContain("0000");
    }
}
