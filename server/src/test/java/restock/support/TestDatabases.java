package restock.support;

import restock.cli.Demo;
import restock.notify.Branding;
import restock.service.NoticeRelay;
import restock.service.Restock;
import restock.service.WaitlistCommands;
import restock.store.Database;
import restock.store.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases tests run on: always the embedded server (one per test JVM, without fsync: its folder is thrown
 * away), and the external server named by RESTOCK_TEST_DATABASE_URL when it is set (CI sets it).
 *
 * <p>Each test gets a database of its own, cloned ({@code CREATE DATABASE ... TEMPLATE}) from a template that
 * Flyway migrated once per server and test JVM: a clone costs a file copy, a migration costs every statement of
 * every migration. Every database this JVM makes is named {@code rt_<run>_...}, with a random run id, so
 * concurrent runs on the shared external server never touch each other's; the external ones are dropped when the
 * JVM exits, and {@code .ci/run} drops any {@code rt\_%} database a killed run left behind.
 */
public final class TestDatabases {
    public static final String EXTERNAL_URL_VARIABLE = "RESTOCK_TEST_DATABASE_URL";
    /** The prefix of every database the tests create; {@code .ci/run} drops leftovers by it. */
    public static final String DATABASE_PREFIX = "rt_";
    private static final String RUN = DATABASE_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static final Map<String, Templates> TEMPLATES = new ConcurrentHashMap<>();
    /** Set by surefire (the pom) to the build's start time, to the millisecond. */
    static final String BUILD_PROPERTY = "restock.test.build";
    /**
     * A demo shared by the test JVMs of one build on the external server: {@code rt_demo_<build>_<day>}. The first JVM
     * to need it loads it (half a minute or more of the suite's CPU), the other copies it; named {@code rt_} so
     * {@code .ci/run} drops one a killed build left.
     */
    static final String SHARED_DEMO_PREFIX = DATABASE_PREFIX + "demo_";
    /** The database holding the demo, by server URL and the day it was loaded on. */
    private static final Map<String, String> DEMOS = new ConcurrentHashMap<>();
    private static EmbeddedServer embedded;

    private TestDatabases() {
    }

    /** A database server to test on, by name. */
    public record Target(String name, String jdbcUrl) {
        /** A fresh, migrated database of its own (its {@code public} schema), cloned from this server's template. */
        public Database freshSchema() {
            return Database.connectToCopyOfMigrated(freshDatabaseUrl());
        }

        /** The JDBC URL of a fresh, migrated database, for tests that connect several instances to one database. */
        public String freshDatabaseUrl() {
            return templates().cloneOne();
        }

        /**
         * A fresh database holding the demo year as loaded today on {@code clock}: the first call of the day in this
         * JVM loads it (a replay of 364 days, about half a minute), later ones copy that database. The console
         * tests each loaded it before.
         */
        public Database freshDemo(Clock clock) {
            Templates templates = templates();
            LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            Optional<String> build = build();
            if (!name.equals("embedded") && build.isPresent()) {
                return Database.connectToCopyOfMigrated(templates.copyOfSharedDemo(
                        SHARED_DEMO_PREFIX + build.get() + "_" + day.toString().replace("-", ""), clock));
            }
            String loaded = DEMOS.computeIfAbsent(jdbcUrl + " " + day, key -> {
                String url = templates.cloneOne();
                try (Database database = Database.connectToCopyOfMigrated(url)) {
                    if (loadDemo(database, clock).isEmpty()) {
                        throw new IllegalStateException("a fresh database was not empty");
                    }
                }
                return url;
            });
            return Database.connectToCopyOfMigrated(templates.copyOf(loaded));
        }

        private Templates templates() {
            return TEMPLATES.computeIfAbsent(jdbcUrl, url -> Templates.migrate(name, url, !name.equals("embedded")));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The demo as {@code serve --demo} loads it: the year, then its shoppers on waitlists (confirmed, signed up over the
     * weeks before), so the console tests see the waitlists a new user sees.
     */
    private static Optional<Demo.Loaded> loadDemo(Database database, Clock clock) {
        Restock shop = new Restock(database.jdbi(), clock);
        var relay = new NoticeRelay(shop, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        var waitlist = new WaitlistCommands(shop, shop.links(), relay, WaitlistCommands.Settings.DEFAULT, clock);
        return Demo.load(shop, Optional.of(waitlist.withDoubleOptIn(false)));
    }

    /**
     * The server the demo-year tests share a demo on: the external one when tests have one (CI), where both test JVMs
     * of a build copy one loaded demo ({@link Target#freshDemo}); otherwise the embedded one.
     */
    public static Target demoTarget() {
        return external().orElseGet(() -> targets().get(0));
    }

    /** The build this JVM belongs to (surefire passes the build's start time, the same in every test JVM of it). */
    private static Optional<String> build() {
        return Optional.ofNullable(System.getProperty(BUILD_PROPERTY)).filter(b -> b.matches("[0-9]{1,20}"));
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

    /** A schema name no other test uses, for tests that make a schema themselves. */
    public static String newSchemaName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static synchronized String embeddedUrl() {
        if (embedded == null) {
            try {
                Path folder = Files.createTempDirectory("restock-test-pg");
                embedded = EmbeddedServer.start(folder, EmbeddedServer.Durability.THROWAWAY);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return embedded.jdbcUrl();
    }

    /** The URL of another database on the same server. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher url = JDBC_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host:port/database[?...], was " + jdbcUrl);
        }
        return url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
    }

    /** One server's migrated template and the clones made from it, through one administrative connection. */
    private static final class Templates {
        private final String serverUrl;
        private final String template;
        private final Connection admin;
        private final List<String> clones = new ArrayList<>();
        private final List<String> sharedDemos = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        private Templates(String serverUrl, String template, Connection admin) {
            this.serverUrl = serverUrl;
            this.template = template;
            this.admin = admin;
        }

        /** Migrates a template on a server; {@code dropAtExit} for a shared server (the embedded one goes with its folder). */
        static Templates migrate(String name, String serverUrl, boolean dropAtExit) {
            String template = RUN + "_" + name + "_template";
            try {
                Connection admin = DriverManager.getConnection(serverUrl);
                Templates templates = new Templates(serverUrl, template, admin);
                templates.execute("create database " + template);
                templates.clones.add(template);
                if (dropAtExit) {
                    Runtime.getRuntime().addShutdownHook(new Thread(templates::dropAll, "drop-" + template));
                }
                // Migrated once; its pool is closed, so no session holds the template when it is copied.
                Database.connect(withDatabase(serverUrl, template), Optional.empty()).close();
                return templates;
            } catch (SQLException e) {
                throw new IllegalStateException("could not make the test template " + template + " on " + serverUrl + ": " + e.getMessage(), e);
            }
        }

        /**
         * A copy of the build's shared demo, loaded first if no JVM of the build has (or the JVM that had has since
         * dropped it). A session-level advisory lock on the demo's name, held on a connection of its own while the demo
         * is loaded and copied, makes the other JVM wait instead of loading it too; any JVM that used it drops it at
         * exit under the same lock, and one that needs it after that loads it again.
         */
        String copyOfSharedDemo(String shared, Clock clock) {
            try (Connection lock = DriverManager.getConnection(serverUrl)) {
                advisoryLock(lock, shared);
                if (!exists(lock, shared)) {
                    create(shared);
                    try (Database database = Database.connectToCopyOfMigrated(withDatabase(serverUrl, shared))) {
                        if (loadDemo(database, clock).isEmpty()) {
                            throw new IllegalStateException("a fresh database was not empty");
                        }
                    } catch (RuntimeException failed) {
                        execute("drop database if exists " + shared + " with (force)");
                        throw failed;
                    }
                }
                return copyOf(withDatabase(serverUrl, shared));
            } catch (SQLException e) {
                throw new IllegalStateException("could not share the demo " + shared + " on " + serverUrl + ": " + e.getMessage(), e);
            }
        }

        private synchronized void create(String shared) {
            execute("create database " + shared + " template " + template);
            execute("alter database " + shared + " set synchronous_commit = off");
            if (sharedDemos.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::dropSharedDemos, "drop-" + shared));
            }
            sharedDemos.add(shared);
        }

        /** Drops the shared demos this JVM loaded, each under its lock, so no other JVM is copying it meanwhile. */
        private void dropSharedDemos() {
            for (String shared : List.copyOf(sharedDemos)) {
                try (Connection lock = DriverManager.getConnection(serverUrl); Statement drop = lock.createStatement()) {
                    advisoryLock(lock, shared);
                    drop.execute("drop database if exists " + shared + " with (force)");
                } catch (SQLException e) {
                    System.err.println("could not drop the shared demo " + shared + " on " + serverUrl + ": " + e.getMessage());
                }
            }
        }

        private static void advisoryLock(Connection connection, String name) throws SQLException {
            try (var statement = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                statement.setString(1, name);
                statement.execute();
            }
        }

        private static boolean exists(Connection connection, String database) throws SQLException {
            try (var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                statement.setString(1, database);
                return statement.executeQuery().next();
            }
        }

        synchronized String cloneOne() {
            return cloneOf(template);
        }

        /** A copy of one of this run's databases on this server, given by its URL; no session may be connected to it. */
        synchronized String copyOf(String databaseUrl) {
            Matcher url = JDBC_URL.matcher(databaseUrl);
            if (!url.matches()) {
                throw new IllegalArgumentException("not a database URL: " + databaseUrl);
            }
            return cloneOf(url.group(2));
        }

        private String cloneOf(String source) {
            String clone = template.replace("_template", "_" + next.incrementAndGet());
            // CREATE DATABASE waits up to 5 s for sessions still leaving the source; none should be there.
            execute("create database " + clone + " template " + source);
            clones.add(clone);
            // No test here is about the shared server's durability (the crash tests run a durable server of their
            // own): a commit need not wait for its WAL flush, which made the model-based test wait on fsync.
            execute("alter database " + clone + " set synchronous_commit = off");
            return withDatabase(serverUrl, clone);
        }

        private void execute(String sql) {
            try (Statement statement = admin.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed on " + serverUrl + ": " + e.getMessage(), e);
            }
        }

        /** Drops this run's databases, the template last; each drop ends the sessions tests left open in it. */
        private synchronized void dropAll() {
            long started = System.nanoTime();
            try {
                for (int i = clones.size() - 1; i >= 0; i--) {
                    execute("drop database if exists " + clones.get(i) + " with (force)");
                }
                admin.close();
                System.err.printf("dropped %d test databases of run %s in %d ms%n", clones.size(), RUN, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | SQLException e) {
                System.err.println("could not drop every test database of run " + RUN + " on " + serverUrl + ": " + e.getMessage());
            }
        }
    }
}
