package restock.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

import java.net.URI;
import java.util.Optional;

/** Restock's PostgreSQL database: a connection pool, migrations applied, and JDBI on top. */
public final class Database implements AutoCloseable {
    /** About 8 connections reach the server's ceiling on these machines (shared/NOTES.md); more only add lock hand-offs. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Optional<EmbeddedServer> embedded;
    private final java.util.List<HikariDataSource> separatePools = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, Optional<EmbeddedServer> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.jdbi = Jdbi.create(new OneConnectionPerThread(dataSource)).installPlugin(new PostgresPlugin());
        this.jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).addCustomizer(new StatementDeadline());
    }

    /** Connects to the server at a JDBC URL or a postgresql:// URL and migrates the schema (optionally a schema of its own). */
    public static Database connect(String url, Optional<String> schema) {
        return connect(url, schema, Pool.DEFAULT);
    }

    /** As {@link #connect(String, Optional)}, with a pool of another size (tests and load tools use small ones). */
    public static Database connect(String url, Optional<String> schema, Pool pool) {
        return open(toJdbcUrl(url), schema, Optional.empty(), pool);
    }

    /** How many connections the pool holds, and how long a caller waits for one before it fails. */
    public record Pool(int maximumSize, java.time.Duration connectionTimeout) {
        public static final Pool DEFAULT = new Pool(DEFAULT_POOL_SIZE, java.time.Duration.ofSeconds(30));

        public Pool {
            if (maximumSize < 1 || connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("a pool needs at least 1 connection and a timeout of at least 250 ms");
            }
        }
    }

    /** Starts (or restarts) the embedded server on a data folder and migrates it. */
    public static Database embedded(java.nio.file.Path dataDirectory) {
        EmbeddedServer server = EmbeddedServer.start(dataDirectory);
        try {
            return open(server.jdbcUrl(), Optional.empty(), Optional.of(server), Pool.DEFAULT);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Database open(String jdbcUrl, Optional<String> schema, Optional<EmbeddedServer> embedded, Pool pool) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(pool.maximumSize());
        config.setConnectionTimeout(pool.connectionTimeout().toMillis());
        config.setPoolName("restock");
        schema.ifPresent(config::setSchema);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema.map(s -> new String[] {s}).orElse(new String[0]))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, embedded);
    }

    /** Accepts jdbc:postgresql://... as is and turns postgres://user:pass@host:port/db into it. */
    static String toJdbcUrl(String url) {
        if (url.startsWith("jdbc:")) {
            return url;
        }
        URI uri = URI.create(url);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must start with jdbc:postgresql:, postgres: or postgresql:, was " + uri.getScheme() + ":");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getPath());
        String separator = "?";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            jdbc.append(separator).append("user=").append(parts[0]);
            separator = "&";
            if (parts.length == 2) {
                jdbc.append("&password=").append(parts[1]);
            }
        }
        if (uri.getQuery() != null) {
            jdbc.append(separator).append(uri.getQuery());
        }
        return jdbc.toString();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A small pool of its own on the same database and schema, for a component that stands for another system
     * (the simulated payment gateway): its calls come from inside Restock's transactions, and must never wait for
     * a connection of Restock's own pool.
     */
    public Jdbi separatePool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setSchema(dataSource.getSchema());
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        HikariDataSource pool = new HikariDataSource(config);
        separatePools.add(pool);
        return Jdbi.create(pool).installPlugin(new PostgresPlugin());
    }

    @Override
    public void close() {
        separatePools.forEach(HikariDataSource::close);
        dataSource.close();
        embedded.ifPresent(EmbeddedServer::close);
    }
}
