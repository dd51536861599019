package restock.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Restock's PostgreSQL database: a connection pool, migrations applied, and JDBI on top. */
public final class Database implements AutoCloseable {
    /** About 8 connections reach the server's ceiling on these machines (shared/NOTES.md); more only add lock hand-offs. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Optional<EmbeddedServer> embedded;
    private Optional<DataFolderLock> lock = Optional.empty();
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
        return open(toJdbcUrl(url), schema, Migrations.APPLY, Optional.empty(), pool);
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

    /**
     * The database of a data folder, for a command (plan, import, export, report): when another Restock process runs
     * the folder's server, this connects to that server as a client and never starts or stops it; otherwise it starts
     * (or recovers) the embedded server and holds the folder until closed.
     */
    public static Database embedded(Path dataDirectory) {
        return DataFolders.open(dataDirectory, DataFolders.WhenServed.ATTACH);
    }

    /** The database of a data folder this process will serve; refuses with {@link DataFolderInUse} when another Restock serves it. */
    public static Database embeddedForServing(Path dataDirectory) {
        return DataFolders.open(dataDirectory, DataFolders.WhenServed.REFUSE);
    }

    /** Starts the embedded server under a lock this process just took, and migrates it; the lock is released on close. */
    static Database startOwned(Path dataDirectory, DataFolderLock lock, EmbeddedServer.Stop stop) {
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(dataDirectory, EmbeddedServer.Durability.DURABLE, stop);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            Database database = open(server.jdbcUrl(), Optional.empty(), Migrations.APPLY, Optional.of(server), Pool.DEFAULT);
            lock.publish(server.jdbcUrl(), java.time.Instant.now());
            database.lock = Optional.of(lock);
            return database;
        } catch (RuntimeException e) {
            server.close();
            lock.close();
            throw e;
        }
    }

    /**
     * Connects to a database whose schema someone else keeps current (the server that owns a data folder, a test
     * template's clone): nothing is migrated, and a schema older than this build is refused with what to do.
     */
    public static Database attach(String url) {
        return open(toJdbcUrl(url), Optional.empty(), Migrations.REQUIRE_CURRENT, Optional.empty(), Pool.DEFAULT);
    }

    /**
     * Connects to a database made by copying one this build migrated (a test template's clone), without asking Flyway
     * again: its check costs more than the copy.
     */
    public static Database connectToCopyOfMigrated(String url) {
        return open(toJdbcUrl(url), Optional.empty(), Migrations.KNOWN_CURRENT, Optional.empty(), Pool.DEFAULT);
    }

    private enum Migrations { APPLY, REQUIRE_CURRENT, KNOWN_CURRENT }

    /**
     * Set on every connection Restock opens. JIT off: PostgreSQL compiles a plan whose estimated cost passes
     * {@code jit_above_cost}, and Restock's reads over a year of a busy SKU's history looked that expensive; at
     * 50,000 SKUs the JIT took 815 ms of a 1,188 ms chart query, and the chart answered about 6 times faster without it
     * (docs/BENCHMARKS.md, "Console pages at 50,000 SKUs").
     */
    static final String SESSION_SETTINGS = "set jit = off";
    /**
     * Every connection's isolation level, set by the pool when it opens one: transactions then need not name it, and
     * naming it made JDBI ask the server for the current level (a `SHOW TRANSACTION ISOLATION LEVEL` round trip) on
     * every transaction.
     */
    public static final String TRANSACTION_ISOLATION = "TRANSACTION_READ_COMMITTED";

    private static Database open(String jdbcUrl, Optional<String> schema, Migrations migrations, Optional<EmbeddedServer> embedded,
                                 Pool pool) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(pool.maximumSize());
        config.setConnectionTimeout(pool.connectionTimeout().toMillis());
        config.setPoolName("restock");
        config.setConnectionInitSql(SESSION_SETTINGS);
        config.setTransactionIsolation(TRANSACTION_ISOLATION);
        schema.ifPresent(config::setSchema);
        HikariDataSource dataSource = new HikariDataSource(config);
        if (migrations == Migrations.KNOWN_CURRENT) {
            return new Database(dataSource, embedded);
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema.map(s -> new String[] {s}).orElse(new String[0]))
                    .locations("classpath:db/migration")
                    .load();
            if (migrations == Migrations.APPLY) {
                flyway.migrate();
            } else if (flyway.info().pending().length > 0) {
                throw new IllegalStateException("the database at " + jdbcUrl + " lacks " + flyway.info().pending().length
                        + " migration(s) this Restock needs; restart the Restock server that owns it with this version first");
            }
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

    /** Binds the main pool's figures (connections active, idle, total, threads waiting, maximum) to a meter registry. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        String pool = dataSource.getPoolName();
        io.micrometer.core.instrument.Gauge.builder("restock.db.pool.active", dataSource, ds -> ds.getHikariPoolMXBean().getActiveConnections())
                .description("Database connections in use").tag("pool", pool).register(registry);
        io.micrometer.core.instrument.Gauge.builder("restock.db.pool.idle", dataSource, ds -> ds.getHikariPoolMXBean().getIdleConnections())
                .description("Database connections open and idle").tag("pool", pool).register(registry);
        io.micrometer.core.instrument.Gauge.builder("restock.db.pool.pending", dataSource,
                        ds -> ds.getHikariPoolMXBean().getThreadsAwaitingConnection())
                .description("Threads waiting for a database connection").tag("pool", pool).register(registry);
        io.micrometer.core.instrument.Gauge.builder("restock.db.pool.max", dataSource, HikariDataSource::getMaximumPoolSize)
                .description("Most database connections the pool opens").tag("pool", pool).register(registry);
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
        config.setConnectionInitSql(SESSION_SETTINGS);
        config.setTransactionIsolation(TRANSACTION_ISOLATION);
        HikariDataSource pool = new HikariDataSource(config);
        separatePools.add(pool);
        return Jdbi.create(pool).installPlugin(new PostgresPlugin());
    }

    @Override
    public void close() {
        separatePools.forEach(HikariDataSource::close);
        dataSource.close();
        try {
            embedded.ifPresent(EmbeddedServer::close);
        } finally {
            // Released only after the server stopped: a new owner must never find this server running and stop it.
            lock.ifPresent(DataFolderLock::close);
        }
    }

    /**
     * Asks the database to answer a trivial query within the time given, in the caller's transaction (bounding a
     * server that accepts connections but cannot run queries; the limit ends with the transaction).
     */
    public static void ping(org.jdbi.v3.core.Handle handle, java.time.Duration timeout) {
        handle.execute("set local statement_timeout = " + timeout.toMillis());
        handle.createQuery("select 1").mapTo(Integer.class).one();
    }
}
