package restock.http;

import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /metrics is worth scraping: well-formed Prometheus text in which every family has HELP and TYPE, latency
 * histograms per route template, JVM, pool and business meters.
 */
class MetricsTest {
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

    @Test
    void every_family_has_help_and_type_and_the_meters_operations_need_are_there() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            var product = client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Cakestand\",\"priceMinor\":1275,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            assertThat(product.status()).as(product.responseBody()).isEqualTo(201);
            var order = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":3}]}");
            assertThat(order.status()).as(order.responseBody()).isEqualTo(201);
            client.get("/api/products/22423");
            client.get("/api/products/NOPE");
            client.get("/no/such/page/" + System.nanoTime());
            var answer = client.get("/metrics");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("text/plain");
            String text = answer.responseBody();

            Set<String> help = new HashSet<>();
            Set<String> typed = new HashSet<>();
            for (String line : text.lines().toList()) {
                if (line.startsWith("# HELP ")) {
                    String[] parts = line.split(" ", 4);
                    assertThat(parts).as("HELP with text: " + line).hasSize(4);
                    assertThat(parts[3]).as(line).isNotBlank();
                    help.add(parts[2]);
                } else if (line.startsWith("# TYPE ")) {
                    typed.add(line.split(" ")[2]);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    assertThat(SAMPLE.matcher(line).matches()).as("a sample line: " + line).isTrue();
                }
            }
            assertThat(help).isEqualTo(typed);

            assertThat(text).contains("restock_http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/products/{sku}\",status=\"200\",le=\"+Inf\"}")
                    .containsPattern("restock_http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/products/\\{sku}\",status=\"200\"} 1(\\.0)?\\n")
                    .containsPattern("route=\"unmatched\"").doesNotContain("/no/such/page");
            assertThat(text).contains("jvm_memory_used_bytes").contains("jvm_gc_").contains("jvm_threads_live_threads")
                    .contains("process_uptime_seconds").contains("system_cpu_count");
            assertThat(text).contains("restock_db_pool_active{pool=").contains("restock_db_pool_max{pool=");
            assertThat(value(text, "restock_order_events_total{kind=\"backordered\"}")).isEqualTo(1);
            assertThat(value(text, "restock_units_waiting")).isEqualTo(3);
            assertThat(text).contains("restock_outbox_pending ").contains("restock_outbox_oldest_pending_seconds ")
                    .contains("restock_payments{state=\"awaiting_fill\"}").contains("restock_promises_kept_ratio ");
            for (String family : List.of("restock_http_requests_total", "restock_units_waiting")) {
                assertThat(text).contains("# HELP " + family + " ");
            }
        }
    }

    private static double value(String text, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(matcher.find()).as(series + " in\n" + text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
