package restock.app;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import restock.store.Database;
import restock.support.ApiClient;
import restock.support.ChildRestock;
import restock.support.Invariants;
import restock.support.TestDatabases;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGKILL of the server in the middle of a stream of placements loses no acknowledged order: after a restart
 * every order that got a 2xx is there as it was answered, and the invariants hold.
 */
class CrashRecoveryTest {
    private static final String KEY = "crash-test-key";
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
    private static final int CLIENTS = 4;

    @TempDir
    Path folder;

    static List<String> targets() {
        return TestDatabases.targets().stream().map(TestDatabases.Target::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void every_acknowledged_order_survives_a_kill(String targetName) throws Exception {
        Optional<String> databaseUrl = targetName.equals("external") ? Optional.of(externalSchemaUrl()) : Optional.empty();
        Path dataDirectory = folder.resolve("data");
        int port = freePort();
        Process server = startServer(port, dataDirectory, databaseUrl, "first");
        ApiClient client = new ApiClient("http://127.0.0.1:" + port, KEY);
        client.post("/api/products", "{\"sku\":\"22086\",\"name\":\"Paper Chain Kit 50'S Christmas\",\"priceMinor\":295,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
        client.post("/api/stock/22086/adjustments", "{\"quantity\":100,\"reason\":\"opening stock\"}");

        Map<Long, String> acknowledged = placeUntilKilled(server);

        Process restarted = startServer(port, dataDirectory, databaseUrl, "second");
        if (databaseUrl.isEmpty()) {
            assertThat(java.nio.file.Files.readString(folder.resolve("server-second.log")))
                    .as("the restart found the killed server's postmaster still running and stopped it")
                    .contains("left running on");
        }
        try {
            for (Map.Entry<Long, String> order : acknowledged.entrySet()) {
                ApiClient.Exchange answer = client.get("/api/orders/" + order.getKey());
                assertThat(answer.status()).as("order %d acknowledged before the kill", order.getKey()).isEqualTo(200);
                assertThat(answer.json().path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
            }
        } finally {
            restarted.destroy();
            assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
        }
        try (Database database = databaseUrl.map(url -> Database.connect(url, Optional.empty()))
                .orElseGet(() -> Database.embedded(dataDirectory))) {
            database.jdbi().useHandle(h -> {
                Invariants.check(h);
                long stored = h.createQuery("select count(*) from orders").mapTo(Long.class).one();
                assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
            });
        }
    }

    /** Several clients place single-unit orders; the server is killed once enough were acknowledged. */
    private static Map<Long, String> placeUntilKilled(Process server) throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        int port = portOf(server);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread thread = new Thread(() -> {
                ApiClient client = new ApiClient("http://127.0.0.1:" + port, KEY);
                try {
                    while (!killed.get()) {
                        ApiClient.Exchange answer = client.post("/api/orders",
                                "{\"customerEmail\":\"shopper@example.com\",\"lines\":[{\"sku\":\"22086\",\"quantity\":1}]}");
                        if (answer.status() == 201) {
                            acknowledged.put(answer.json().path("id").asLong(), answer.responseBody());
                        }
                    }
                } catch (AssertionError connectionLost) {
                    // The server died under this request: its outcome is unknown, so it is not counted.
                } finally {
                    done.countDown();
                }
            });
            thread.start();
            clients.add(thread);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
        server.destroyForcibly(); // SIGKILL: no shutdown hook runs, the embedded postmaster is orphaned.
        server.waitFor(30, TimeUnit.SECONDS);
        killed.set(true);
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        return Map.copyOf(acknowledged);
    }

    private static final Map<Process, Integer> PORTS = new ConcurrentHashMap<>();

    private static int portOf(Process server) {
        return PORTS.get(server);
    }

    private Process startServer(int port, Path dataDirectory, Optional<String> databaseUrl, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ChildRestock.command("serve", "--port", Integer.toString(port), "--data-dir",
                dataDirectory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("server-" + name + ".log").toFile());
        builder.environment().put("RESTOCK_API_KEY", KEY);
        builder.environment().remove("DATABASE_URL");
        databaseUrl.ifPresent(url -> builder.environment().put("DATABASE_URL", url));
        Process process = builder.start();
        PORTS.put(process, port);
        ApiClient probe = new ApiClient("http://127.0.0.1:" + port, KEY);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("server process exited; see " + folder.resolve("server-" + name + ".log")).isTrue();
                    return probe.get("/health").status() == 200;
                });
        return process;
    }

    private static String externalSchemaUrl() throws Exception {
        String url = TestDatabases.external().orElseThrow().jdbcUrl();
        String schema = TestDatabases.newSchemaName();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
