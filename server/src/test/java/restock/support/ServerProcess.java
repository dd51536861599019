package restock.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code restock serve} as a child process on a data folder, for tests that need a second, real process: one that
 * holds the folder's lock, runs the embedded server and can be killed. Started only once its /health answers 200.
 */
public final class ServerProcess implements AutoCloseable {
    /** A JVM, initdb, PostgreSQL and the migrations: seconds on a quiet machine, over 90 s on a loaded one. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final String apiKey;
    private final Path log;

    private ServerProcess(Process process, int port, String apiKey, Path log) {
        this.process = process;
        this.port = port;
        this.apiKey = apiKey;
        this.log = log;
    }

    /** Starts {@code serve --data-dir dataDirectory} on a free port, its output in {@code log}; DATABASE_URL as given. */
    public static ServerProcess start(Path dataDirectory, Path log, String apiKey, Optional<String> databaseUrl) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(ChildRestock.command("serve", "--port", Integer.toString(port), "--data-dir",
                dataDirectory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("RESTOCK_API_KEY", apiKey);
        builder.environment().remove("DATABASE_URL");
        databaseUrl.ifPresent(url -> builder.environment().put("DATABASE_URL", url));
        ServerProcess server = new ServerProcess(builder.start(), port, apiKey, log);
        ApiClient probe = server.client();
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    assertThat(server.process.isAlive()).as("server process exited; see " + log).isTrue();
                    return probe.get("/health").status() == 200;
                });
        return server;
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port, apiKey);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook runs, so an embedded postmaster is orphaned and the folder's lock is freed by the OS. */
    public void kill() {
        process.destroyForcibly();
        assertThat(waitForExit()).as("killed server exits").isTrue();
    }

    /** SIGTERM, the way an operator stops it: the shutdown hook stops the embedded server and releases the folder. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            assertThat(waitForExit()).as("server stops on SIGTERM").isTrue();
        }
    }

    private boolean waitForExit() {
        try {
            return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the server to exit", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
