package restock.chaos;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

/** The PostgreSQL the instances share, which the chaos run restarts under load. */
interface ChaosDatabase extends AutoCloseable {
    /** The JDBC URL the instances and the checks use. */
    String url();

    /** Stops and starts the server: every connection breaks, committed work must survive. */
    void restart() throws Exception;

    @Override
    void close() throws IOException;

    /** A PostgreSQL of this run's own, in a data folder: restarting it disturbs nobody else. */
    static ChaosDatabase own(Path dataFolder) throws IOException {
        return new Own(dataFolder);
    }

    /** The machine's PostgreSQL cluster, on a fresh schema, restarted with pg_ctlcluster: for the long run only. */
    static ChaosDatabase externalCluster(String url) throws Exception {
        String schema = "chaos_" + Long.toHexString(System.nanoTime());
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new ChaosDatabase() {
            @Override
            public String url() {
                return schemaUrl;
            }

            @Override
            public void restart() throws Exception {
                String version = new String(new ProcessBuilder("ls", "/etc/postgresql").start().getInputStream().readAllBytes()).trim();
                Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                        .inheritIO().start();
                if (restart.waitFor() != 0) {
                    throw new IllegalStateException("pg_ctlcluster restart failed with " + restart.exitValue());
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** An embedded PostgreSQL on a fixed port and a kept data folder, durable, stopped and started by restart(). */
    final class Own implements ChaosDatabase {
        private final Path dataFolder;
        private final int port;
        private EmbeddedPostgres postgres;

        Own(Path dataFolder) throws IOException {
            this.dataFolder = dataFolder;
            this.port = RestockProcess.freePort();
            start();
        }

        private void start() throws IOException {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataFolder).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100").start();
        }

        @Override
        public String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        }

        @Override
        public synchronized void restart() throws IOException {
            postgres.close();
            start();
        }

        @Override
        public synchronized void close() throws IOException {
            postgres.close();
        }
    }
}
