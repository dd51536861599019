package restock.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What a fuzz run sent and what went wrong, grouped by cause, with one replayable request per group. */
final class FuzzReport {
    /** Distinct failure groups printed in full; the rest are counted. */
    static final int PRINTED_GROUPS = 40;

    private final long seed;
    private final String baseUrl;
    private final Map<String, AtomicInteger> byStatus = new TreeMap<>();
    private final Map<String, AtomicInteger> byOperation = new TreeMap<>();
    private final Map<String, Group> failures = new LinkedHashMap<>();
    private final Map<String, Long> nanosByOperation = new TreeMap<>();
    private int requests;
    private int failureCount;
    private long elapsedNanos;

    /** Failures of one kind on one operation with one mutation: how many, and the first one. */
    record Group(String kind, String request, int status, String answer, AtomicInteger count) {
    }

    FuzzReport(long seed, String baseUrl) {
        this.seed = seed;
        this.baseUrl = baseUrl;
    }

    synchronized void count(FuzzRequest request, int status) {
        requests++;
        String statusClass = status == Fuzzer.UNSENDABLE ? "unsendable" : status < 100 ? "no answer" : status / 100 + "xx";
        byStatus.computeIfAbsent(statusClass, s -> new AtomicInteger()).incrementAndGet();
        byOperation.computeIfAbsent(request.operation(), s -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Records a failure; failures with the same kind and cause (the server's exception and where it was thrown)
     * form one group, whatever request found them.
     */
    synchronized void fail(String kind, String cause, FuzzRequest request, int status, String answer) {
        failureCount++;
        String key = kind + " | " + (cause.isEmpty() || cause.equals("no exception logged") ? request.operation() + " " + request.mutation()
                : cause.replaceAll(" -- .*", ""));
        Group group = failures.computeIfAbsent(key, k -> new Group(kind + ": " + cause, request.describe(baseUrl), status,
                answer.length() > 500 ? answer.substring(0, 500) + "..." : answer, new AtomicInteger()));
        if (group.count().incrementAndGet() == 1) {
            // A long run prints each new cause when it is found, not only at its end.
            System.out.printf("fuzz: new failure after %,d requests: %s%n  %s%n  -> %d %s%n", requests, group.kind(), group.request(),
                    status, group.answer().replace('\n', ' '));
        }
    }

    synchronized void time(FuzzRequest request, long nanos) {
        nanosByOperation.merge(request.operation(), nanos, Long::sum);
    }

    /** The operations that took the most time in all, slowest first: where a longer run's time goes. */
    synchronized String slowest(int count) {
        return nanosByOperation.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1e9)).toList().toString();
    }

    synchronized void finish(long elapsedNanos) {
        this.elapsedNanos = elapsedNanos;
    }

    synchronized int failureCount() {
        return failureCount;
    }

    synchronized int requests() {
        return requests;
    }

    synchronized Map<String, AtomicInteger> byStatus() {
        return Map.copyOf(byStatus);
    }

    synchronized List<Group> groups() {
        return new ArrayList<>(failures.values());
    }

    synchronized String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("fuzz seed %d: %,d requests in %.1f s over %d operations; answers %s; %,d failures in %d groups%n",
                seed, requests, elapsedNanos / 1e9, byOperation.size(), byStatus, failureCount, failures.size()));
        out.append("  repeat with -Dfuzz.seed=").append(seed).append("; most time in ").append(slowest(6)).append('\n');
        int printed = 0;
        for (Group group : failures.values()) {
            if (printed++ == PRINTED_GROUPS) {
                out.append("  ... ").append(failures.size() - PRINTED_GROUPS).append(" more groups\n");
                break;
            }
            out.append(String.format("- %s (x%d)%n  %s%n  -> %d %s%n", group.kind(), group.count().get(), group.request(),
                    group.status(), group.answer().replace('\n', ' ')));
        }
        return out.toString();
    }
}
