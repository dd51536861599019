package restock.web;

import org.junit.jupiter.api.Test;
import restock.service.ConsoleQueries;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's cards as staff read them. */
class ConsoleOverviewCardsTest {
    /** The demo read "1 orders today": each card's noun agrees with its figure. */
    @Test
    void each_card_says_its_noun_in_the_singular_for_one() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/suppliers", "{\"name\":\"Kyoto Fans Ltd\",\"leadTimeDays\":14,\"currency\":\"GBP\"}");
            api.client().post("/api/products", "{\"sku\":\"POP-1\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\","
                    + "\"backorderPolicy\":\"always\"}");
            api.client().post("/api/purchase-orders", "{\"supplier\":\"Kyoto Fans Ltd\",\"lines\":[{\"sku\":\"POP-1\",\"quantity\":48,"
                    + "\"expectedDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}]}");
            api.client().post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"POP-1\",\"quantity\":1}]}");

            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/overview").body();

            assertThat(page).contains("<b id=\"orders-today\">1</b> order today")
                    .contains("<b id=\"waiting-lines\">1</b> line waiting (1 unit)")
                    .contains("<b id=\"open-pos\">1</b> open purchase order<")
                    .contains("<b id=\"out-of-stock\">1</b> SKU with none free")
                    .doesNotContain("1</b> orders today");
        }
    }

    /**
     * With nothing to look at, the overview's alerts said one sentence, and with some, each kind without any vanished, so
     * staff could not tell what the overview watches for (an outside check). A shop with no alerts says "No alerts", and
     * every kind keeps its heading with a line saying it has none.
     */
    @Test
    void with_no_alerts_the_overview_says_so_and_keeps_every_kind_under_its_heading() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/overview").body().replaceAll("\\s+", " ");

            String alerts = page.substring(page.indexOf("<section class=\"panel\" id=\"alerts\">"), page.indexOf("</section>",
                    page.indexOf("<section class=\"panel\" id=\"alerts\">")));
            assertThat(alerts).contains("<p id=\"no-alerts\">No alerts: ");
            for (String heading : java.util.List.of("Will run out before the next receipt", "Suppliers slipping", "Late or overdue supply",
                    "Promises at risk")) {
                assertThat(alerts).contains("<h3>" + heading + "</h3>");
            }
            assertThat(alerts).contains("id=\"no-stock-outs\">None: ").contains("id=\"no-suppliers-slipping\">None: ")
                    .contains("id=\"no-late-supply\">None: ").contains("id=\"no-promises-at-risk\">None: ");
            assertThat(page).contains("<b id=\"late-lines\">0</b> purchase order lines late or overdue");
        }
    }

    /**
     * The charts' axes read ISO dates ("2026-12-07") where every page of the console says "7 Dec 2026" (an outside
     * check): each chart's data carries its axis labels in the console's words, the year on the first.
     */
    @Test
    void the_charts_label_their_days_and_weeks_as_the_console_writes_dates() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"POP-1\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\"}");
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

            var trend = json.readTree(staff.get("/console/overview/trend.json").body());
            assertThat(trend.path("labels").size()).isEqualTo(trend.path("days").size()).isEqualTo(ConsoleQueries.TREND_DAYS);
            assertThat(trend.path("labels").get(0).asText()).isEqualTo(Format.day(LocalDate.parse(trend.path("days").get(0).path("day").asText())));
            for (String chart : java.util.List.of("/console/overview/trend.json", "/console/overview/kpis.json", "/console/overview/causes.json",
                    "/console/skus/POP-1/chart.json")) {
                var labels = json.readTree(staff.get(chart).body()).path("labels");
                assertThat(labels.isArray()).as(chart).isTrue();
                labels.forEach(label -> assertThat(label.asText()).as(chart).matches("[0-9]{1,2} [A-Z][a-z]{2,3}( [0-9]{4})?"));
            }
            var causes = json.readTree(staff.get("/console/overview/causes.json").body());
            assertThat(causes.path("labels").size()).isEqualTo(causes.path("weeks").size()).isPositive();
        }
    }
}
