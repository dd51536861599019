package restock.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import restock.service.Restock;
import restock.store.Database;
import restock.store.EmbeddedServer;
import restock.support.ApiClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** /health says ok only while the database answers; without it, 503 and a problem that says so, as the spec describes. */
class HealthTest {
    @TempDir
    Path folder;

    @Test
    void health_is_503_with_a_problem_once_the_database_is_gone() throws IOException {
        EmbeddedServer postgres = EmbeddedServer.start(folder.resolve("pg"), EmbeddedServer.Durability.THROWAWAY);
        Database database = Database.connect(postgres.jdbcUrl(), Optional.empty());
        Javalin server = new HttpApi(new Restock(database.jdbi(), Clock.systemUTC()), "health-key").start("127.0.0.1", 0);
        try {
            ApiClient client = new ApiClient("http://127.0.0.1:" + server.port(), "health-key");
            ApiClient.Exchange up = client.send("GET", "/health", null, Map.of());
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().path("status").asText()).isEqualTo("ok");

            postgres.close();
            long started = System.nanoTime();
            ApiClient.Exchange down = client.send("GET", "/health", null, Map.of());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.json().path("title").asText()).isEqualTo("Database unreachable");
            assertThat(down.json().path("detail").asText()).containsAnyOf("unreachable", "did not answer");
            assertThat(took).as("a health check answers within its probe timeout, not the pool's").isLessThan(Duration.ofSeconds(10));
            assertThat(client.send("GET", "/health", null, Map.of()).status()).as("and keeps saying so").isEqualTo(503);

            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec()).build();
            for (ApiClient.Exchange exchange : client.exchanges()) {
                var report = validator.validateResponse("/health", Request.Method.GET, SimpleResponse.Builder.status(exchange.status())
                        .withContentType(exchange.contentType()).withBody(exchange.responseBody()).build());
                assertThat(report.getMessages()).as(exchange.status() + " " + exchange.responseBody()).isEmpty();
            }
        } finally {
            server.stop();
            database.close();
        }
    }

    private static String spec() throws IOException {
        try (InputStream in = HealthTest.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
