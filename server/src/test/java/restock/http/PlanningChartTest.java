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

/** A planning chart, the forecast and the plan read the days a product has had, not the ones before it existed. */
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
    @Test
    void a_product_that_sold_steadily_for_its_three_weeks_is_planned_at_that_rate_not_from_the_months_before_it_existed() {
        // A newcomer's check: a product created three weeks ago was planned from 182 days of which 161 were zeros it
        // never could have sold, so its steady 10 a day read as intermittent demand and its reorder point as 347, not 140.
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            created(client, "NEW-21");
            LocalDate today = api.restock().books().today();
            LocalDate createdOn = today.minusDays(24);
            api.restock().inTransaction(h -> {
                h.createUpdate("update products set created_at = cast(:day as date) at time zone 'UTC' where sku = 'NEW-21'")
                        .bind("day", createdOn).execute();
                for (LocalDate day = createdOn; day.isBefore(today); day = day.plusDays(1)) {
                    h.createUpdate("""
                                    insert into waitlist (sku, email, quantity, consent_at, created_at)
                                    values ('NEW-21', :email, 10, cast(:day as date) at time zone 'UTC', cast(:day as date) at time zone 'UTC' + interval '9 hours')""")
                            .bind("email", "steady-" + day + "@example.com").bind("day", day).execute();
                }
                return null;
            });

            JsonNode forecast = client.get("/api/planning/forecast/NEW-21").json();
            JsonNode line = client.get("/api/planning/suggestions").json().path("suppliers").get(0).path("lines").get(0);

            assertThat(forecast.path("periods").get(0).path("mean").asDouble()).as(forecast.toString()).isCloseTo(70, org.assertj.core.data.Offset.offset(3.5));
            assertThat(line.path("sku").asText()).isEqualTo("NEW-21");
            assertThat(line.path("dailyDemand").asDouble()).as(line.toString()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.5));
            // 14 days (no supplier yet) of a steady 10 a day: 140, with little spread.
            assertThat(line.path("reorderPoint").asDouble()).as(line.toString()).isBetween(135.0, 165.0);
        }
    }
}
