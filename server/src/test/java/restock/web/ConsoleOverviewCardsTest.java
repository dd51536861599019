package restock.web;

import org.junit.jupiter.api.Test;
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
}
