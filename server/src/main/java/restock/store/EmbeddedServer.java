package restock.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL server that keeps Restock's data in a folder, with durable settings.
 *
 * <p>After the JVM is killed the old postmaster keeps running and holds the folder; starting again first
 * stops that server (or removes its stale pid file), then starts a new one on the same data. Only the holder of the
 * folder's {@link DataFolderLock} may do this: a postmaster whose Restock still runs is not an orphan.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** How a server treats commits: Restock's data is always durable; throwaway test servers may skip the flushes. */
    public enum Durability {
        DURABLE("on"),
        /** Loses recent commits on an OS crash, never on a process crash: for test servers whose folder is thrown away. */
        THROWAWAY("off");

        private final String setting;

        Durability(String setting) {
            this.setting = setting;
        }
    }

    /** Starts a durable server on a folder; call only while holding the folder's {@link DataFolderLock}. */
    public static EmbeddedServer start(Path dataDirectory) {
        return start(dataDirectory, Durability.DURABLE);
    }

    public static EmbeddedServer start(Path dataDirectory, Durability durability) {
        return start(dataDirectory, durability, Stop.WITH_JVM);
    }

    /** Who stops the server when the process ends. */
    public enum Stop {
        /** The library's own shutdown hook: for a command that ends by returning or by Ctrl-C alike. */
        WITH_JVM,
        /**
         * The owner, in its shutdown: `serve` stops its jobs, hands its leases back and stops HTTP first. With the
         * library's hook beside its own, both ran at once on SIGTERM and the database often stopped first: every stop
         * logged a connection terminated "due to administrator command" (two outside checks).
         */
        BY_OWNER
    }

    public static EmbeddedServer start(Path dataDirectory, Durability durability, Stop stop) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(START_TIMEOUT)
                    .setServerConfig("fsync", durability.setting)
                    .setServerConfig("synchronous_commit", durability.setting)
                    .setServerConfig("full_page_writes", durability.setting)
                    .setServerConfig("max_connections", "100")
                    .setRegisterShutdownHook(stop == Stop.WITH_JVM)
                    .start();
            return new EmbeddedServer(postgres);
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** A server left running by a killed Restock still holds the folder; stop it so ours can start. */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(EmbeddedServer::isPostgres);
        if (process.isEmpty()) {
            log.warn("removing stale {} (pid {} is not a running postgres)", pidFile, pid.orElse(-1L));
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("stopping PostgreSQL server pid {} left running on {} by an earlier Restock", pid.get(), dataDirectory);
        ProcessHandle postmaster = process.get();
        // SIGINT is PostgreSQL's fast shutdown: it ends sessions and checkpoints, losing no committed work.
        new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
        if (!waitForExit(postmaster, ORPHAN_STOP_TIMEOUT)) {
            log.warn("PostgreSQL pid {} did not stop within {}; killing it (recovery replays the WAL)", postmaster.pid(), ORPHAN_STOP_TIMEOUT);
            postmaster.destroyForcibly();
            waitForExit(postmaster, ORPHAN_STOP_TIMEOUT);
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive() && process.info().command().map(command -> command.contains("postgres")).orElse(true);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("waiting for PostgreSQL pid " + process.pid() + " to exit failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop embedded PostgreSQL", e);
        }
    }
}
