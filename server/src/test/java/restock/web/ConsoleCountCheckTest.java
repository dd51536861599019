package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.catalog.Sku;
import restock.inventory.StockLevel;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped count (510 for a shelf of 51) was recorded at once, and its phantom units filled waiting orders that no count
 * could then take back (an outside check): a count far from the record is asked about before it is recorded.
 */
class ConsoleCountCheckTest {
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CONFIRM = Pattern.compile("name=\"confirm-count\" id=\"confirm-count\" value=\"([0-9]+)\"");
    private static RunningApi api;
    private static ConsoleSession staff;

    @BeforeAll
    static void start() throws Exception {
        api = new RunningApi(TestDatabases.targets().get(0));
        staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static long product(String sku) {
        api.client().post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Popcorn Holder\",\"priceMinor\":85,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        api.client().post("/api/stock/" + sku + "/counts", "{\"countedQuantity\": 51, \"reason\": \"first count\"}");
        return api.client().post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":600}]}")
                .json().get("id").asLong();
    }

    private static HttpResponse<String> count(String sku, String page, String counted) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        form.put("counted", counted);
        form.put("reason", "");
        confirmation(page).ifPresent(value -> form.put("confirm-count", value));
        return staff.post("/console/skus/" + sku + "/count", form);
    }

    private static Optional<String> confirmation(String page) {
        Matcher matcher = CONFIRM.matcher(page);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static StockLevel level(String sku) {
        return api.restock().read(h -> api.restock().stock().level(h, Sku.of(sku)));
    }

    @Test
    void a_count_far_from_the_record_is_asked_about_and_recorded_only_when_pressed_again_with_the_same_number() throws Exception {
        product("POP-1");
        StockLevel before = level("POP-1");
        assertThat(before.onHand()).isEqualTo(51);
        assertThat(before.backordered()).isEqualTo(549);

        HttpResponse<String> asked = count("POP-1", staff.get("/console/skus/POP-1").body(), "510");

        assertThat(asked.statusCode()).isEqualTo(409);
        assertThat(asked.body()).contains("510 is far from the 51 on record; check the shelf, then press Record count again to record it")
                .contains("value=\"510\"");
        assertThat(confirmation(asked.body())).contains("510");
        assertThat(level("POP-1")).isEqualTo(before);

        HttpResponse<String> confirmed = count("POP-1", asked.body(), "510");

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(level("POP-1").onHand()).isEqualTo(510);
    }

    @Test
    void a_different_number_on_the_second_press_is_judged_again() throws Exception {
        product("POP-2");
        HttpResponse<String> asked = count("POP-2", staff.get("/console/skus/POP-2").body(), "510");

        HttpResponse<String> other = count("POP-2", asked.body(), "5100");

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("5,100 is far from the 51 on record");
        assertThat(confirmation(other.body())).contains("5100");
        assertThat(level("POP-2").onHand()).isEqualTo(51);
        // A count near the record is recorded at once, whatever the page carried.
        assertThat(count("POP-2", other.body(), "60").statusCode()).isEqualTo(303);
        assertThat(level("POP-2").onHand()).isEqualTo(60);
    }

    /**
     * The true count after a mistyped one was refused as "adjusting 84946 by -459 would leave 51 on hand, below the 510
     * units reserved ...": staff had typed a count, and nothing said which orders held the units or what to do.
     */
    @Test
    void a_count_below_what_is_reserved_names_the_orders_holding_the_units_and_what_staff_can_do() throws Exception {
        long order = product("POP-3");
        HttpResponse<String> asked = count("POP-3", staff.get("/console/skus/POP-3").body(), "510");
        count("POP-3", asked.body(), "510");
        assertThat(level("POP-3").reserved()).isEqualTo(510);

        HttpResponse<String> refused = count("POP-3", staff.get("/console/skus/POP-3").body(), "51");

        assertThat(refused.statusCode()).isEqualTo(409);
        String said = refused.body().replaceAll("\\s+", " ");
        assertThat(said).contains("The count was not recorded: a count of 51 is below the 510 units of POP-3 reserved for open orders")
                .contains("The units are reserved for <a href=\"/console/orders/" + order + "\">order " + order + "</a> line 1 (510).")
                .contains("ship the units that have already left the shelf, or cancel lines that cannot be filled (while 90 units wait for POP-3,"
                        + " units a cancel frees go to those orders first); then record the count again.")
                .doesNotContain("adjusting");
        assertThat(confirmation(refused.body())).isEmpty();
        assertThat(level("POP-3").onHand()).isEqualTo(510);
    }

    /** Pages print 1,000 and the count refused it ("must be a whole number ..., was '1,000'"). */
    @Test
    void a_count_typed_with_thousands_separators_is_taken_and_an_ambiguous_one_is_refused_saying_why() throws Exception {
        product("POP-4");
        HttpResponse<String> ambiguous = count("POP-4", staff.get("/console/skus/POP-4").body(), "1.000");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(ambiguous.body()).contains("Counted on the shelf must be a whole number of units from 0 to 1,000,000,000, was '1.000'; a comma may only group "
                + "digits by threes, as in 1,000 or 12,345, and a point is not taken (1.000 could be one or a thousand)");

        HttpResponse<String> asked = count("POP-4", staff.get("/console/skus/POP-4").body(), "1,000");
        assertThat(asked.body()).contains("1,000 is far from the 51 on record");

        assertThat(count("POP-4", asked.body(), "1,000").statusCode()).isEqualTo(303);
        assertThat(level("POP-4").onHand()).isEqualTo(1000);
    }
}
