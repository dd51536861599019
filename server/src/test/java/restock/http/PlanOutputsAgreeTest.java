package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import restock.cli.PlanCommand;
import restock.planning.PlanFigures;
import restock.planning.Planner;
import restock.service.PlanCsv;
import restock.web.PlanWords;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One SKU's plan said four ways (an outside tester's check on 22492): the CSV gave 71.181 units a day and a reorder point of
 * 2943, the CLI's JSON 2942.9, the console 71.2 a day, the API 71.18; and the JSON lacked the CSV's incoming, next_receipt
 * and lead_time_days. Every output now gives each figure rounded by {@link PlanFigures}, and the JSON every CSV column.
 */
class PlanOutputsAgreeTest {
    private static final Planner.SkuPlan PLAN = new Planner.SkuPlan("22492", "Mini Paint Set", "Kyoto Fans Ltd", 71.18149, 2942.94,
            412.0449, 3441.2104, 1200, 2300, Optional.of(LocalDate.of(2026, 12, 9)), "position 1200 is at or below the reorder point 2942",
            16.85714, true, 9048, Optional.of(LocalDate.of(2026, 12, 12)), 38.3333, 4488);

    @Test
    void the_csv_the_cli_json_the_api_and_the_console_give_the_same_figures_for_a_sku() throws Exception {
        CSVRecord csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(PlanCsv.write(List.of(PLAN)).substring(1))).getRecords().get(0);
        JsonNode json = new ObjectMapper().readTree(PlanCommand.json(List.of(PLAN))).get(0);
        JsonNode api = new ObjectMapper().valueToTree(PlanViews.bySupplier(List.of(PLAN))).get(0).get("lines").get(0);

        assertThat(csv.get("daily_demand")).isEqualTo("71.18");
        assertThat(csv.get("reorder_point")).isEqualTo("2942.9");
        assertThat(csv.get("order_up_to")).isEqualTo("3441.2");
        for (PlanFigures.Field field : PlanFigures.fields(PLAN)) {
            assertThat(json.has(field.json())).as("the CLI's JSON has %s, the CSV's %s", field.json(), field.csv()).isTrue();
            String csvText = csv.get(field.csv());
            String jsonText = json.get(field.json()).isNull() ? "" : json.get(field.json()).isNumber()
                    ? PlanFigures.text(json.get(field.json()).asDouble()) : json.get(field.json()).asText();
            assertThat(jsonText).as("%s in the JSON and the CSV", field.json()).isEqualTo(csvText);
            if (!field.json().equals("supplier")) {
                assertThat(api.get(field.json()).asText()).as("%s in the API and the CLI's JSON", field.json()).isEqualTo(json.get(field.json()).asText());
            }
        }
        // The console's pages: units a day to a hundredth, levels to a tenth, thousands grouped.
        assertThat(PlanWords.unitsADay(PLAN.dailyDemand())).isEqualTo("71.18");
        assertThat(PlanWords.level(PLAN.reorderPoint())).isEqualTo("2,942.9");
        Map<String, Object> stockOut = PlanViews.stockOuts(List.of(PLAN)).get(0);
        assertThat(stockOut).containsEntry("dailyDemand", 71.18).containsEntry("daysOfCover", 16.9);
        assertThat(restock.insight.Alerts.stockOuts(List.of(PLAN), LocalDate.of(2026, 12, 7), 1).get(0).unitsPerDay()).isEqualTo(71.18);
    }

    @Test
    void the_csv_names_its_columns_in_the_order_of_the_plan_figures() {
        String header = PlanCsv.write(List.of()).substring(1).trim();
        assertThat(header).isEqualTo(String.join(",", PlanFigures.fields(PLAN).stream().map(PlanFigures.Field::csv).toList()));
    }

    /** The API planned anew and the console showed a stored plan, neither saying so: the API names its moment and the stored plan. */
    @Test
    void the_apis_suggestions_say_when_they_were_planned_and_which_stored_plan_the_console_shows() {
        try (restock.support.RunningApi api = new restock.support.RunningApi(restock.support.TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"16014\",\"name\":\"Ribbon Reel\",\"priceMinor\":165,\"currency\":\"GBP\"}");
            long run = new restock.service.PlanningQueries(api.restock()).runAndStore(0.95, PlanCsv::write,
                    restock.planning.PlanningRun.MadeBy.CONSOLE, done -> { });

            JsonNode body = api.client().get("/api/planning/suggestions").json();

            assertThat(java.time.Instant.parse(body.get("plannedAt").asText())).isAfterOrEqualTo(api.restock().read(restock.store.SqlPlanningRuns::latest)
                    .orElseThrow().ranAt());
            assertThat(body.get("storedPlan").get("id").asLong()).isEqualTo(run);
            assertThat(body.get("storedPlan").get("madeBy").asText()).isEqualTo("console");
            assertThat(api.client().get("/api/planning/runs/latest").json().get("madeBy").asText()).isEqualTo("console");
        }
    }
}
