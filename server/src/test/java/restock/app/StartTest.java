package restock.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import restock.support.ApiClient;
import restock.support.ChildRestock;
import restock.support.TestDatabases;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `restock serve` as a newcomer meets it: a taken port is said plainly before anything is loaded; the first start
 * shows one operations key, later starts show none and say how to make one; a key from RESTOCK_API_KEY is never shown.
 */
class StartTest {
    private static final Pattern SHOWN_KEY = Pattern.compile("API key \\(operations[^:]*: (rk_ops_\\S+)");

    @TempDir
    Path folder;

    private Process serve(Path dataDirectory, int port, Path log, Map<String, String> environment, String... extra) throws IOException {
        java.util.List<String> command = ChildRestock.command("serve", "--port", Integer.toString(port), "--data-dir", dataDirectory.toString());
        command.addAll(java.util.List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("RESTOCK_API_KEY");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String waitForStart(Process server, Path log) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(server.isAlive()).as("server exited: " + Files.readString(log)).isTrue();
            return Files.readString(log).contains("Console: ");
        });
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Where a started server keeps its data: a schema of its own on the external server when tests have one (CI),
     * which starts in a second; otherwise (no DATABASE_URL) an embedded server in the --data-dir folder.
     */
    private static Map<String, String> database() throws Exception {
        if (TestDatabases.external().isEmpty()) {
            return Map.of();
        }
        String url = TestDatabases.external().get().jdbcUrl();
        String schema = TestDatabases.newSchemaName();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        return Map.of("DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_taken_port_is_said_plainly_before_the_database_or_the_demo_is_loaded() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Path log = folder.resolve("taken.log");
            Path data = folder.resolve("data-taken");
            Process server = serve(data, taken.getLocalPort(), log, Map.of(), "--demo");
            assertThat(server.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);
            assertThat(server.exitValue()).as(output).isEqualTo(2);
            assertThat(output).contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use").contains("--port")
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("demo shop");
            assertThat(data).doesNotExist();
        }
    }

    @Test
    void the_first_start_shows_one_operations_key_and_later_starts_show_none_and_say_how_to_make_one() throws Exception {
        Path data = folder.resolve("data");
        Map<String, String> database = database();
        int port = freePort();
        Path firstLog = folder.resolve("first.log");
        Process first = serve(data, port, firstLog, database);
        String firstOutput = waitForStart(first, firstLog);
        Matcher shown = SHOWN_KEY.matcher(firstOutput);
        assertThat(shown.find()).as(firstOutput).isTrue();
        String key = shown.group(1);
        assertThat(new ApiClient("http://127.0.0.1:" + port, key).get("/api/stock?limit=1").status()).isEqualTo(200);
        stop(first);

        Path secondLog = folder.resolve("second.log");
        Process second = serve(data, port, secondLog, database);
        String secondOutput = waitForStart(second, secondLog);
        assertThat(secondOutput).doesNotContain(key).doesNotContain("rk_ops_").contains("keys create");
        assertThat(new ApiClient("http://127.0.0.1:" + port, key).get("/api/stock?limit=1").status()).as("the first key still works")
                .isEqualTo(200);
        stop(second);
    }

    @Test
    void a_key_from_restock_api_key_works_and_is_never_shown() throws Exception {
        String key = "an-operator-chosen-key-0123456789";
        Path log = folder.resolve("env.log");
        int port = freePort();
        Map<String, String> environment = new java.util.HashMap<>(database());
        environment.put("RESTOCK_API_KEY", key);
        Process server = serve(folder.resolve("data-env"), port, log, environment);
        String output = waitForStart(server, log);
        assertThat(output).doesNotContain(key).doesNotContain("rk_ops_").contains("RESTOCK_API_KEY");
        assertThat(new ApiClient("http://127.0.0.1:" + port, key).get("/api/stock?limit=1").status()).isEqualTo(200);
        stop(server);
    }

    @Test
    void a_server_stopped_by_sigterm_stops_quietly_and_hands_its_data_folder_back() throws Exception {
        // An outside check: on SIGTERM the embedded database's own shutdown hook stopped it before the job leases were
        // handed back, which printed a stack trace and left the folder's lock saying "serving". Always embedded here.
        Path data = folder.resolve("data-stop");
        Path log = folder.resolve("stop.log");
        Process server = serve(data, freePort(), log, Map.of());
        int started = waitForStart(server, log).length();
        stop(server);
        String afterStart = Files.readString(log).substring(started);
        assertThat(afterStart).doesNotContain("Exception").doesNotContain("\tat ");
        Path lock = data.resolveSibling(data.getFileName() + ".lock");
        assertThat(!Files.exists(lock) || Files.readString(lock).isEmpty()).as("the lock is handed back: " + (Files.exists(lock)
                ? Files.readString(lock) : "")).isTrue();
    }
}
