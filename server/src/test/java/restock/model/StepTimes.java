package restock.model;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where the model-based test's time goes (issue 10 item 5): wall time and SQL statements per part of a step (the
 * reset of a history, each action kind, each check), summed over the run and printed at its end. Statements are
 * counted by a JDBI {@link SqlLogger} on the test's database (not counted: each transaction's commit or rollback
 * and the driver's {@code SHOW TRANSACTION ISOLATION LEVEL}, one each per transaction); the time includes the waits
 * on PostgreSQL.
 */
final class StepTimes {
    private static final Map<String, Section> SECTIONS = new ConcurrentHashMap<>();
    /** Statements run on each thread: the check reads on two threads at once, and each part counts its own. */
    private static final ThreadLocal<long[]> STATEMENTS = ThreadLocal.withInitial(() -> new long[1]);
    private static final LongAdder ALL_STATEMENTS = new LongAdder();
    private static final ThreadLocal<String> OPEN = new ThreadLocal<>();
    /**
     * {@code -Drestock.model.logSql=true} prints every statement with the part of a step it ran in, to find which
     * statements a part repeats ({@code grep '^SQL' | cut -c1-150 | sort | uniq -c}); a short run is enough.
     */
    private static final boolean PRINT_STATEMENTS = Boolean.getBoolean("restock.model.logSql");
    private static final int PRINTED_CHARACTERS = 160;

    private StepTimes() {
    }

    private static final class Section {
        final LongAdder calls = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder statements = new LongAdder();
    }

    /** Counts every statement the database's JDBI runs. */
    static void countStatements(Jdbi jdbi) {
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                STATEMENTS.get()[0]++;
                if (PRINT_STATEMENTS) {
                    String sql = context.getRenderedSql().replaceAll("\\s+", " ");
                    System.out.println("SQL [" + OPEN.get() + "] " + sql.substring(0, Math.min(PRINTED_CHARACTERS, sql.length())));
                }
                ALL_STATEMENTS.increment();
            }
        });
    }

    /**
     * Times one part. A part named {@code whole/part} is inside {@code whole} (or beside the other parts of it on
     * another thread): it is listed, but only the wholes add up to the total.
     */
    static <T> T time(String section, Supplier<T> work) {
        String outer = OPEN.get();
        OPEN.set(section);
        long statements = STATEMENTS.get()[0];
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            Section s = SECTIONS.computeIfAbsent(section, name -> new Section());
            s.nanos.add(System.nanoTime() - started);
            s.calls.increment();
            s.statements.add(STATEMENTS.get()[0] - statements);
            OPEN.set(outer);
        }
    }

    static void time(String section, Runnable work) {
        time(section, () -> {
            work.run();
            return null;
        });
    }

    /** A table: each part's calls, total seconds, milliseconds and statements per call, and its time per step. */
    static String report(long steps) {
        StringBuilder table = new StringBuilder(String.format("model-based test, where the time went over %d steps:%n", steps));
        table.append(String.format("  %-44s %8s %9s %9s %9s %10s%n", "part", "calls", "total s", "ms/call", "stmt/call", "ms/step"));
        double totalNanos = 0;
        long totalStatements = ALL_STATEMENTS.sum();
        for (Map.Entry<String, Section> entry : new TreeMap<>(SECTIONS).entrySet()) {
            Section s = entry.getValue();
            long calls = s.calls.sum();
            double nanos = s.nanos.sum();
            if (!entry.getKey().contains("/")) {
                totalNanos += nanos;
            }
            table.append(String.format("  %-44s %8d %9.1f %9.2f %9.1f %10.2f%n", entry.getKey(), calls, nanos / 1e9, nanos / 1e6 / calls,
                    (double) s.statements.sum() / calls, nanos / 1e6 / Math.max(1, steps)));
        }
        table.append(String.format("  %-44s %8s %9.1f %9s %9s %10.2f  (%.1f statements a step, %.0f steps/s)%n", "all", "", totalNanos / 1e9, "", "",
                totalNanos / 1e6 / Math.max(1, steps), (double) totalStatements / Math.max(1, steps), steps / (totalNanos / 1e9)));
        return table.toString();
    }
}
