package restock.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of requests generated from openapi.yaml, valid and mutated, against Restock's real HTTP server:
 * no 5xx, no hang, and a refused request changes nothing. The seed is printed; repeat a run with
 * {@code -Dfuzz.seed=N}, make it longer with {@code -Dfuzz.requests=100000} (docs/BENCHMARKS.md has the long run).
 */
class OpenApiFuzzTest {
    /** Requests in the CI run: every operation about 50 times, in about 20 s on a quiet 2-core machine. */
    static final int DEFAULT_REQUESTS = 2_500;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Test
    @Timeout(value = 120, unit = TimeUnit.MINUTES)
    void no_request_built_from_the_spec_gets_a_5xx_hangs_or_changes_state_when_refused() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("fuzz: seed " + seed + ", " + requests + " requests (repeat with -Dfuzz.seed=" + seed + ")");
        List<TestDatabases.Target> targets = TestDatabases.targets();
        try (RunningApi api = new RunningApi(targets.get(targets.size() - 1)); ServerErrors serverErrors = new ServerErrors()) {
            ApiClient client = api.client();
            World world = new World();
            seedShop(client, world);
            WriteLog writes = new WriteLog(api.restock().jdbi());
            Fuzzer fuzzer = new Fuzzer(client.baseUrl(), RunningApi.API_KEY, world, writes::writtenSinceLastCall, serverErrors::drain,
                    new Fuzzer.Settings(seed, requests, REQUEST_TIMEOUT));
            FuzzReport report = fuzzer.run();
            System.out.println(report.summary());
            assertThat(report.requests()).isGreaterThanOrEqualTo(requests);
            assertThat(report.byStatus()).as("some requests must succeed, or the fuzzer only tests validation").containsKey("2xx");
            assertThat(report.groups()).as(report.summary()).isEmpty();
        }
    }

    /** A small shop with every backorder policy, stock, open purchase orders, orders, a webhook and a waitlist. */
    static void seedShop(ApiClient client, World world) {
        String[][] products = {
                {"85123A", "White Hanging Heart T-Light Holder", "never"},
                {"22423", "Regency Cakestand 3 Tier", "when-supply-confirmed"},
                {"47566", "Party Bunting", "always"},
                {"84879", "Assorted Colour Bird Ornament", "always"}};
        for (String[] product : products) {
            expect(client.post("/api/products", "{\"sku\":\"" + product[0] + "\",\"name\":\"" + product[1]
                    + "\",\"priceMinor\":295,\"currency\":\"GBP\",\"backorderPolicy\":\"" + product[2] + "\"}"), 201);
            expect(client.post("/api/stock/" + product[0] + "/adjustments", "{\"quantity\":40,\"reason\":\"opening stock\"}"), 200);
            world.addSku(product[0]);
        }
        LocalDate soon = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14);
        for (int i = 0; i < 2; i++) {
            world.learn("POST", "/api/purchase-orders", expect(client.post("/api/purchase-orders", "{\"supplier\":\"Supplier 1\",\"newSupplier\":true,\"lines\":["
                    + "{\"sku\":\"22423\",\"quantity\":50,\"expectedDate\":\"" + soon + "\"},"
                    + "{\"sku\":\"47566\",\"quantity\":30,\"expectedDate\":\"" + soon.plusDays(7) + "\"}]}"), 201).json());
        }
        for (int i = 0; i < 3; i++) {
            world.learn("POST", "/api/orders", expect(client.post("/api/orders", "{\"customerEmail\":\"shopper" + i
                    + "@example.com\",\"paymentMethod\":\"pm_card_visa\",\"lines\":[{\"sku\":\"22423\",\"quantity\":3},"
                    + "{\"sku\":\"47566\",\"quantity\":60}]}"), 201).json());
        }
        expect(client.post("/api/webhooks", "{\"url\":\"https://hooks.example.com/r/0\"}"), 201);
        expect(client.post("/api/waitlist", "{\"sku\":\"85123A\",\"email\":\"shopper1@example.com\",\"consent\":true}"), 201);
        expect(client.post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"validDays\":14,\"percentOff\":10}"), 201);
    }

    private static ApiClient.Exchange expect(ApiClient.Exchange exchange, int status) {
        assertThat(exchange.status()).as(exchange.method() + " " + exchange.path() + ": " + exchange.responseBody()).isEqualTo(status);
        return exchange;
    }
}
