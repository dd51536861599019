package restock.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Sends valid and mutated requests for every operation in openapi.yaml to a running Restock, one at a time
 * with the stored state fingerprinted around each (a refused request must change nothing), and in bursts:
 * the same keyed command sent at once from several clients (all must get the first answer), and different
 * requests at once (races). Everything is drawn from one seed, so a run can be repeated.
 */
final class Fuzzer {
    /** Requests after which a concurrent burst runs. */
    static final int BURST_EVERY = 40;
    /** Clients in a burst. */
    static final int BURST_CLIENTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The status recorded for a request java.net.http would not send (a header value it refuses). */
    static final int UNSENDABLE = 2;

    /** How a run is set up. */
    record Settings(long seed, int requests, Duration requestTimeout) {
    }

    private final String baseUrl;
    private final ApiOperations operations;
    private final ValidRequests valid;
    private final World world;
    private final Supplier<Set<String>> writes;
    private final Supplier<List<String>> serverErrors;
    private final Settings settings;
    private final HttpClient http;
    private final FuzzReport report;
    /** Server exceptions logged but not yet matched to a 5xx answer. */
    private final java.util.ArrayDeque<String> unmatchedCauses = new java.util.ArrayDeque<>();

    /**
     * @param writes the tables written since it was last asked (see {@link WriteLog})
     * @param serverErrors the exceptions the server logged since it was last asked, as causes
     */
    Fuzzer(String baseUrl, String apiKey, World world, Supplier<Set<String>> writes, Supplier<List<String>> serverErrors,
           Settings settings) {
        this.baseUrl = baseUrl;
        this.operations = ApiOperations.fromClasspathSpec();
        this.world = world;
        this.valid = new ValidRequests(world, apiKey);
        this.writes = writes;
        this.serverErrors = serverErrors;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        this.report = new FuzzReport(settings.seed(), baseUrl);
    }

    FuzzReport run() {
        Random random = new Random(settings.seed());
        List<ApiOperations.ApiOperation> order = new ArrayList<>(operations.operations());
        writes.get();
        serverErrors.get();
        long started = System.nanoTime();
        for (int i = 0; i < settings.requests(); i++) {
            if (i % order.size() == 0) {
                Collections.shuffle(order, random);
            }
            if (i > 0 && i % BURST_EVERY == 0) {
                if (random.nextBoolean()) {
                    duplicateBurst(random);
                } else {
                    raceBurst(order, random);
                }
            }
            one(mutated(order.get(i % order.size()), random));
            if ((i + 1) % 10_000 == 0) {
                System.out.printf("fuzz: %,d requests, %,d failures, %.0f s%n", i + 1, report.failureCount(), (System.nanoTime() - started) / 1e9);
            }
        }
        report.finish(System.nanoTime() - started);
        return report;
    }

    private FuzzRequest mutated(ApiOperations.ApiOperation operation, Random random) {
        Draft draft = valid.draft(operation, random);
        int roll = random.nextInt(10);
        int count = roll < 2 ? 0 : roll < 8 ? 1 : 2;
        for (int m = 0; m < count; m++) {
            Mutations.apply(Mutations.pick(random), draft, random);
        }
        return draft.build();
    }

    /** Sends one request; a refusal must leave every table as it was. */
    private void one(FuzzRequest request) {
        unmatchedCauses.clear();
        Answer answer = send(request);
        Set<String> written = writes.get();
        report.count(request, answer.status());
        check(request, answer);
        if (answer.status() >= 400 && answer.status() < 500 && !written.isEmpty()) {
            report.fail("state changed on a " + answer.status(), "tables " + written, request, answer.status(), answer.body());
        }
    }

    /** The same keyed command from several clients at once: one effect, and everyone gets the first answer. */
    private void duplicateBurst(Random random) {
        List<ApiOperations.ApiOperation> keyed = operations.operations().stream()
                .filter(o -> o.in("header").stream().anyMatch(p -> p.getName().equals("Idempotency-Key"))).toList();
        Draft draft = valid.draft(keyed.get(random.nextInt(keyed.size())), random);
        draft.headers.put("Idempotency-Key", "burst-" + world.next());
        draft.mutations.add("concurrent-duplicates");
        FuzzRequest request = draft.build();
        unmatchedCauses.clear();
        List<Answer> answers = concurrently(Collections.nCopies(BURST_CLIENTS, request));
        writes.get();
        answers.forEach(answer -> {
            report.count(request, answer.status());
            check(request, answer);
        });
        // Only an acknowledged (2xx) answer is stored and owed to every retry; a refusal is not, and may differ
        // next time (a 409 that later succeeds); a 429 asks the client to retry later.
        List<Answer> acknowledged = answers.stream().filter(a -> a.status() < 300).toList();
        boolean allSame = answers.stream().filter(a -> a.status() != 429).map(a -> a.status() + " " + a.body()).distinct().count() <= 1;
        if (!acknowledged.isEmpty() && !allSame) {
            report.fail("concurrent duplicates of an acknowledged command got different answers", "statuses "
                    + answers.stream().map(Answer::status).toList(), request, answers.get(0).status(), answers.get(0).body());
        }
        Answer retry = send(request);
        Set<String> written = writes.get();
        report.count(request, retry.status());
        if (!acknowledged.isEmpty() && retry.status() != 429 && !(retry.status() + " " + retry.body())
                .equals(acknowledged.get(0).status() + " " + acknowledged.get(0).body())) {
            report.fail("a later retry of an acknowledged command got another answer", "", request, retry.status(), retry.body());
        }
        boolean mayWrite = acknowledged.isEmpty() && retry.status() < 300;
        if (!written.isEmpty() && !mayWrite) {
            report.fail("a retry changed state", "tables " + written, request, retry.status(), retry.body());
        }
    }

    /** Different requests at once: no 5xx, and when all were refused, nothing changed. */
    private void raceBurst(List<ApiOperations.ApiOperation> order, Random random) {
        List<FuzzRequest> requests = new ArrayList<>();
        ApiOperations.ApiOperation same = order.get(random.nextInt(order.size()));
        for (int c = 0; c < BURST_CLIENTS; c++) {
            // Half the bursts hit one operation from every client (unique-index and row-lock races), half mix them.
            ApiOperations.ApiOperation operation = random.nextBoolean() ? same : order.get(random.nextInt(order.size()));
            Draft draft = valid.draft(operation, random);
            if (random.nextBoolean()) {
                Mutations.apply(Mutations.pick(random), draft, random);
            }
            draft.mutations.add("concurrent-race");
            requests.add(draft.build());
        }
        unmatchedCauses.clear();
        List<Answer> answers = concurrently(requests);
        Set<String> written = writes.get();
        for (int c = 0; c < requests.size(); c++) {
            report.count(requests.get(c), answers.get(c).status());
            check(requests.get(c), answers.get(c));
        }
        boolean allRefused = answers.stream().allMatch(a -> a.status() >= 400 && a.status() < 500);
        if (allRefused && !written.isEmpty()) {
            report.fail("state changed though every request of a burst was refused", "tables " + written,
                    requests.get(0), answers.get(0).status(), answers.get(0).body());
        }
    }

    private List<Answer> concurrently(List<FuzzRequest> requests) {
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (FuzzRequest request : requests) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return send(request);
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException("a burst client failed", e);
        } finally {
            clients.shutdownNow();
        }
    }

    private void check(FuzzRequest request, Answer answer) {
        if (answer.status() == UNSENDABLE) {
            return;
        }
        if (answer.status() >= 500) {
            unmatchedCauses.addAll(serverErrors.get());
            String cause = unmatchedCauses.isEmpty() ? "no exception logged" : unmatchedCauses.poll();
            report.fail("server error " + answer.status(), cause, request, answer.status(), answer.body());
        } else if (answer.status() < 100) {
            report.fail(answer.status() == 0 ? "hang" : "no answer", answer.body(), request, answer.status(), answer.body());
        } else if (answer.status() < 300) {
            world.learn(request.method(), operationPath(request), answer.json());
        }
    }

    private static String operationPath(FuzzRequest request) {
        return request.operation().substring(request.operation().indexOf(' ') + 1);
    }

    /** An answer; a status below 100 stands for no answer (hang or dropped connection), with the reason as body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    Answer send(FuzzRequest request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery())).timeout(settings.requestTimeout())
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException unsendable) {
            // java.net.http refuses some header values outright; such a request never reaches a server from it.
            return new Answer(UNSENDABLE, "not sendable: " + unsendable.getMessage());
        }
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            report.time(request, System.nanoTime() - started);
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Answer(0, "no answer within " + settings.requestTimeout().toMillis() + " ms (hang)");
        } catch (IOException e) {
            return new Answer(1, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
