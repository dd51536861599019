package restock.chaos;

import restock.support.ChildRestock;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Restock server as a child process (`restock serve`), started, SIGKILLed and restarted on the same port. */
final class RestockProcess {
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFolder;
    private Process process;
    private int starts;

    RestockProcess(String name, Map<String, String> environment, Path logFolder) throws IOException {
        this.name = name;
        this.port = freePort();
        this.environment = Map.copyOf(environment);
        this.logFolder = logFolder;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    synchronized void start() throws IOException, InterruptedException {
        starts++;
        ProcessBuilder builder = new ProcessBuilder(ChildRestock.command("serve", "--port", Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFolder.resolve(name + ".log").toFile()));
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + logFolder.resolve(name + ".log"));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not answer /health within " + START_TIMEOUT);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, the clean way: leases are given up. */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized int starts() {
        return starts;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
