package restock.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import restock.catalog.Sku;
import restock.planning.DemandBuckets;
import restock.planning.DemandHistory;
import restock.support.TestDatabases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly plan reads each SKU's demand once: the waitlist part found that SKU's sign-ups by reading every
 * sign-up of every SKU (a scan per SKU, 5,000 scans of the whole waitlist a night). Checked on the query plan
 * PostgreSQL executes (rows each scan read and dropped), not on a time.
 */
class DemandReadIndexTest {
    private static final int SKUS = 300;
    private static final int SIGN_UPS_PER_SKU = 40;
    /** Rows a scan may read and throw away: none of other SKUs' sign-ups, only a few at the window's edges. */
    private static final int MAX_ROWS_PASSED_OVER = 100;

    @Test
    void the_plans_demand_read_finds_one_skus_waitlist_sign_ups_without_reading_the_other_skus() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            String plan = database.jdbi().withHandle(h -> {
                h.execute("""
                        insert into products (sku, name, price_minor, currency, backorder_policy, created_at)
                        select 'SKU' || g, 'Product ' || g, 1000, 'GBP', 'always', now() - interval '4 years'
                        from generate_series(1, ?) g""", SKUS);
                // Sign-ups in the order they came: SKUs interleave, over the last three years.
                h.execute("""
                        insert into waitlist (sku, email, quantity, consent_at, created_at)
                        select 'SKU' || (1 + g % ?), 'shopper' || g || '@example.com', 1, t, t
                        from (select g, now() - interval '3 years' * (1 - g / ?::numeric) as t from generate_series(1, ?) g) s""",
                        SKUS, SKUS * SIGN_UPS_PER_SKU, SKUS * SIGN_UPS_PER_SKU);
                h.execute("analyze waitlist");
                return SqlDemand.bucketsQuery(h, "explain (analyze, format json) " + SqlDemand.BUCKETS, new Sku("SKU42"),
                        DemandBuckets.Window.of(today, DemandHistory.MAX_DAYS)).mapTo(String.class).one();
            });
            List<String> passedOver = new ArrayList<>();
            collectFilteredScans(new ObjectMapper().readTree(plan).get(0).get("Plan"), passedOver);
            assertThat(passedOver).as("scans that read and dropped more than %d rows (the plan: %s)", MAX_ROWS_PASSED_OVER, plan)
                    .isEmpty();
        }
    }

    private static void collectFilteredScans(JsonNode node, List<String> passedOver) {
        // EXPLAIN gives rows removed per loop (a parallel scan's per process): times its loops, every row dropped.
        long removed = node.path("Rows Removed by Filter").asLong() * Math.max(1, node.path("Actual Loops").asLong());
        if (removed > MAX_ROWS_PASSED_OVER) {
            passedOver.add(node.path("Node Type").asText() + " on " + node.path("Index Name").asText(node.path("Relation Name").asText())
                    + " dropped " + removed + " rows");
        }
        node.path("Plans").forEach(child -> collectFilteredScans(child, passedOver));
    }
}
