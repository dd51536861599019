package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.allocation.SkuBook;
import restock.catalog.Sku;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's stock count takes as many units as the API and {@code import stock} do, up to what on hand may hold
 * (an outside check: the console refused 1,000,000,000, which README and the import allow).
 */
class ConsoleCountLimitTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static ConsoleSession staff;

    @BeforeAll
    static void start() throws Exception {
        api = new RunningApi(TestDatabases.targets().get(0));
        api.client().post("/api/products", "{\"sku\":\"NAIL-1\",\"name\":\"Nail\",\"priceMinor\":1,\"currency\":\"GBP\"}");
        staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> count(String counted) throws Exception {
        HttpResponse<String> first = count(counted, staff.get("/console/skus/NAIL-1").body());
        // A count far from the record is asked about first (ConsoleCountCheckTest); these counts are meant, so they are confirmed.
        return first.statusCode() == 409 ? count(counted, first.body()) : first;
    }

    private static HttpResponse<String> count(String counted, String page) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", ConsoleSession.hidden(page, "_csrf"));
        // The count form acts once per page key (a resent count put an old count back).
        form.put("_once", ConsoleSession.hidden(page, "_once"));
        form.put("counted", counted);
        form.put("reason", "");
        java.util.regex.Matcher confirm = java.util.regex.Pattern.compile("name=\"confirm-count\" id=\"confirm-count\" value=\"([0-9]+)\"").matcher(page);
        if (confirm.find()) {
            form.put("confirm-count", confirm.group(1));
        }
        return staff.post("/console/skus/NAIL-1/count", form);
    }

    private static int onHand() {
        return api.restock().read(h -> api.restock().stock().level(h, Sku.of("NAIL-1"))).onHand();
    }

    @Test
    void a_count_up_to_the_on_hand_limit_is_recorded_and_one_past_it_is_refused_with_the_limit() throws Exception {
        assertThat(count(Integer.toString(SkuBook.MAX_UNITS_ON_HAND)).statusCode()).isLessThan(400);
        assertThat(onHand()).isEqualTo(SkuBook.MAX_UNITS_ON_HAND);

        for (String tooMany : new String[] {"1000000001", "99999999999"}) {
            HttpResponse<String> refused = count(tooMany);
            assertThat(refused.statusCode()).as(tooMany).isEqualTo(400);
            assertThat(refused.body()).as(tooMany).contains("must be a whole number of units from 0 to " + Format.count(SkuBook.MAX_UNITS_ON_HAND)).contains(tooMany);
        }
        assertThat(onHand()).isEqualTo(SkuBook.MAX_UNITS_ON_HAND);
    }

    /** The count's message said "13620 on hand (was 4488)" where the SKU's page printed 13,620. */
    @Test
    void the_counts_message_groups_its_units_as_the_tables_do() throws Exception {
        count("4488");

        HttpResponse<String> answer = count("13620");

        String cookie = answer.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("restock_flash=")).findFirst().orElseThrow();
        assertThat(java.net.URLDecoder.decode(cookie.substring("restock_flash=".length(), cookie.indexOf(';')), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Count recorded for NAIL-1: 13,620 on hand (was 4,488).");
    }
}
