package restock.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import restock.planning.Planner;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's JSON gives the figures the console shows (units a day, the order-up-to level), rounded as it shows them:
 * it lacked both and printed the planner's doubles as they were, 0.30000000000000004 among them (an outside check).
 */
class PlanViewsTest {
    private static final Planner.SkuPlan PLAN = new Planner.SkuPlan("22423", "Regency Cakestand 3 Tier", "Cake Stands Ltd", 0.1 + 0.2,
            12.345678, 0.1 + 0.7, 12.345678 + 7 * (0.1 + 0.2), 4, 12, Optional.of(LocalDate.of(2026, 12, 9)), "why", 13.3333333, true);

    @Test
    void a_suggestion_gives_units_a_day_and_the_order_up_to_level_rounded_as_the_console_shows_them() throws Exception {
        Map<String, Object> line = firstLine(PlanViews.bySupplier(List.of(PLAN)));

        assertThat(line).containsEntry("dailyDemand", 0.3).containsEntry("reorderPoint", 12.3).containsEntry("safetyStock", 0.8)
                .containsEntry("orderUpTo", 14.4).containsEntry("inventoryPosition", 4).containsEntry("quantity", 12);
        String json = new ObjectMapper().writeValueAsString(PlanViews.bySupplier(List.of(PLAN)));
        assertThat(json).contains("\"dailyDemand\":0.3,").contains("\"reorderPoint\":12.3,").contains("\"safetyStock\":0.8,")
                .contains("\"orderUpTo\":14.4,").doesNotContain("0000");
    }

    @Test
    void a_stock_out_gives_days_of_cover_to_a_tenth_and_units_a_day_to_a_hundredth() throws Exception {
        String json = new ObjectMapper().writeValueAsString(PlanViews.stockOuts(List.of(PLAN)));
        assertThat(json).contains("\"daysOfCover\":13.3").contains("\"dailyDemand\":0.3").doesNotContain("0000");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(List<Map<String, Object>> suppliers) {
        return ((List<Map<String, Object>>) suppliers.get(0).get("lines")).get(0);
    }
}
