package restock.bench;

import io.javalin.Javalin;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.engagement.DiscountCode;
import restock.engagement.OfferRule;
import restock.http.HttpApi;
import restock.service.Restock;
import restock.store.Database;
import restock.store.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders carrying discount codes against plain orders, over HTTP, with 16 concurrent clients on the default pool
 * (the load that deadlocked the pool when a wrong code took a second connection). Rounds alternate plain, valid
 * code and wrong code, so the three are measured side by side on the same noisy machine; it prints p50 and p99 of
 * each and the ratio of each p99 to the plain one's. DATABASE_URL points it at an external server; otherwise it
 * runs on an embedded one in a temporary folder.
 *
 * <p>{@code java -cp bench/target/restock-bench-0.1.0-SNAPSHOT.jar restock.bench.DiscountedOrdersBench [orders per round] [rounds]}
 */
public final class DiscountedOrdersBench {
    static final int CLIENTS = 16;
    static final int SKUS = 8;
    private static final String KEY = "bench-key-0123456789";

    private DiscountedOrdersBench() {
    }

    /** What an order carries. */
    enum Kind { PLAIN, VALID_CODE, WRONG_CODE }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 800;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Optional<String> external = Optional.ofNullable(System.getenv("DATABASE_URL")).filter(url -> !url.isBlank());
        Path folder = Files.createTempDirectory("restock-discount-bench");
        EmbeddedServer embedded = external.isPresent() ? null : EmbeddedServer.start(folder);
        String url = external.orElseGet(embedded::jdbcUrl);
        try (Database database = Database.connect(url, Optional.of("bench_" + Long.toHexString(System.nanoTime())))) {
            Restock restock = new Restock(database.jdbi(), Clock.systemUTC());
            List<String> codes = setUp(restock, perRound * rounds);
            Javalin server = new HttpApi(restock, KEY).start("127.0.0.1", 0);
            try {
                run("http://127.0.0.1:" + server.port(), codes, perRound, rounds);
            } finally {
                server.stop();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static List<String> setUp(Restock restock, int codesNeeded) {
        return restock.inTransaction(h -> {
            for (int i = 0; i < SKUS; i++) {
                Sku sku = Sku.of("BENCH-" + i);
                restock.catalog().create(h, new Product(sku, "Bench item " + i, new Money(1_000, "GBP"), new BackorderPolicy.Always(OptionalInt.empty())));
                restock.stock().count(h, sku, 1_000_000, "opening");
            }
            restock.offers().activate(h, new OfferRule.WaitlistDiscount(10, 30, 0, Optional.empty()));
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < codesNeeded; i++) {
                codes.add(restock.offers().issue(h, "waitlist_discount", "bench-" + i, "valid" + i + "@example.com", 0).orElseThrow().code());
            }
            return codes;
        });
    }

    private static void run(String base, List<String> codes, int perRound, int rounds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        measure(http, base, Kind.PLAIN, 200, new ConcurrentLinkedQueue<>(), new AtomicInteger()); // warm-up
        List<Long> plain = new ArrayList<>();
        List<Long> valid = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        ConcurrentLinkedQueue<String> unused = new ConcurrentLinkedQueue<>(codes);
        AtomicInteger failures = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            plain.addAll(measure(http, base, Kind.PLAIN, perRound, unused, failures));
            valid.addAll(measure(http, base, Kind.VALID_CODE, perRound, unused, failures));
            wrong.addAll(measure(http, base, Kind.WRONG_CODE, perRound, unused, failures));
        }
        double plainP99 = percentile(plain, 0.99);
        System.out.printf("%d clients, %d orders per kind (%d rounds), default pool of %d connections%n", CLIENTS, plain.size(), rounds,
                Database.DEFAULT_POOL_SIZE);
        System.out.printf("%-12s %9s %9s %12s%n", "orders", "p50 ms", "p99 ms", "p99 / plain");
        for (var row : List.of(List.of("plain", plain), List.of("valid code", valid), List.of("wrong code", wrong))) {
            @SuppressWarnings("unchecked") List<Long> latencies = (List<Long>) row.get(1);
            System.out.printf("%-12s %9.2f %9.2f %12.2f%n", row.get(0), percentile(latencies, 0.5), percentile(latencies, 0.99),
                    percentile(latencies, 0.99) / plainP99);
        }
        System.out.println("answers other than 201 (plain, valid code) or 400 (wrong code): " + failures.get());
    }

    /** Places orders of one kind from 16 clients at once; returns each order's latency in microseconds. */
    private static List<Long> measure(HttpClient http, String base, Kind kind, int orders, ConcurrentLinkedQueue<String> codes,
                                      AtomicInteger failures) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(clients.submit(() -> {
                SplittableRandom random = new SplittableRandom(client * 31L + kind.ordinal());
                SecureRandom guesses = new SecureRandom();
                List<Long> latencies = new ArrayList<>();
                start.await();
                for (int i = client; i < orders; i += CLIENTS) {
                    String code = switch (kind) {
                        case PLAIN -> null;
                        case VALID_CODE -> codes.poll();
                        case WRONG_CODE -> DiscountCode.generate(guesses);
                    };
                    String email = kind.name().toLowerCase() + "-" + client + "-" + i + "@example.com";
                    String body = "{\"customerEmail\":\"" + email + "\"" + (code == null ? "" : ",\"discountCode\":\"" + code + "\"")
                            + ",\"lines\":[{\"sku\":\"BENCH-" + random.nextInt(SKUS) + "\",\"quantity\":1}]}";
                    long began = System.nanoTime();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                            .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                            // each wrong code from its own shopper address, so the per-client limit does not end the run
                            .header("Restock-Client-IP", "198.51." + client + "." + (i % 250))
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - began) / 1_000);
                    int expected = kind == Kind.WRONG_CODE ? 400 : 201;
                    if (answer.statusCode() != expected) {
                        failures.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get(10, TimeUnit.MINUTES));
        }
        clients.shutdown();
        return all;
    }

    static double percentile(List<Long> microseconds, double quantile) {
        long[] sorted = microseconds.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1_000.0;
    }
}
