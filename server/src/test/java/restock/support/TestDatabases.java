package restock.support;

import restock.store.Database;
import restock.store.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The databases tests run on: always the embedded server (one per test JVM), and the external server named
 * by RESTOCK_TEST_DATABASE_URL when it is set (CI sets it). Each test gets a fresh schema of its own.
 */
public final class TestDatabases {
    public static final String EXTERNAL_URL_VARIABLE = "RESTOCK_TEST_DATABASE_URL";
    private static EmbeddedServer embedded;

    private TestDatabases() {
    }

    /** A database server to test on, by name. */
    public record Target(String name, String jdbcUrl) {
        public Database freshSchema() {
            return Database.connect(jdbcUrl, Optional.of(newSchemaName()));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("embedded", embeddedUrl()));
        external().ifPresent(targets::add);
        return targets;
    }

    public static Optional<Target> external() {
        String url = System.getenv(EXTERNAL_URL_VARIABLE);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(new Target("external", url));
    }

    public static String newSchemaName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static synchronized String embeddedUrl() {
        if (embedded == null) {
            try {
                Path folder = Files.createTempDirectory("restock-test-pg");
                embedded = EmbeddedServer.start(folder);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return embedded.jdbcUrl();
    }
}
