package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import static org.assertj.core.api.Assertions.assertThat;

/** A planning chart draws the weeks a product has had, not the ones before it existed. */
class PlanningChartTest {
    private static void created(ApiClient client, String sku) {
        var answer = client.post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Lamp " + sku + "\",\"priceMinor\":100,\"currency\":\"GBP\"}");
        assertThat(answer.status()).as(answer.responseBody()).isEqualTo(201);
    }

    @Test
    void a_product_created_today_has_no_weeks_of_history_not_26_out_of_stock() {
        // An outside check: a product created today showed 26 weeks of history, every one marked out of stock.
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            created(client, "NEW-1");

            JsonNode chart = client.get("/api/planning/chart/NEW-1").json();

            assertThat(chart.path("history").size()).as(chart.toString()).isZero();
            assertThat(chart.path("forecast").size()).isEqualTo(12);
        }
    }

    @Test
    void a_product_created_three_weeks_ago_draws_its_weeks_from_the_one_it_was_created_in() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            created(client, "NEW-3");
            LocalDate today = api.restock().books().today();
            LocalDate createdOn = today.minusWeeks(3);
            api.restock().inTransaction(h -> h.createUpdate("update products set created_at = cast(:day as date) at time zone 'UTC' where sku = 'NEW-3'")
                    .bind("day", createdOn).execute());

            JsonNode history = client.get("/api/planning/chart/NEW-3").json().path("history");

            assertThat(history.size()).as(history.toString()).isEqualTo(3);
            assertThat(history.get(0).path("week").asText()).isEqualTo(createdOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
        }
    }
}
