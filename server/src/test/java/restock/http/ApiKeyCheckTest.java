package restock.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key is compared byte for byte on every request, also on kept-alive connections where Jetty caches header
 * fields; the scheme is case-insensitive (RFC 9110), the key is not; every 401 says how to authenticate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyCheckTest {
    private RunningApi api;
    private String base;
    private final HttpClient keepAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        base = api.client().baseUrl();
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/stock?limit=1")).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return keepAlive.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_wrong_case_key_is_refused_after_a_valid_request_on_the_same_kept_alive_connection() throws Exception {
        String wrongCase = RunningApi.API_KEY.toUpperCase(Locale.ROOT);
        assertThat(wrongCase).isNotEqualTo(RunningApi.API_KEY);
        for (int i = 0; i < 20; i++) {
            assertThat(get("Bearer " + RunningApi.API_KEY).statusCode()).isEqualTo(200);
            assertThat(get("Bearer " + wrongCase).statusCode()).isEqualTo(401);
            assertThat(get("BEARER " + wrongCase).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void under_keep_alive_concurrency_every_wrong_case_key_is_refused_and_every_valid_one_accepted() throws Exception {
        String[] wrong = {RunningApi.API_KEY.toUpperCase(Locale.ROOT), "Test-Key-0123456789", "test-KEY-0123456789"};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger wrongAccepted = new AtomicInteger();
        AtomicInteger validRefused = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    boolean valid = (i + thread) % 5 < 3;
                    String key = valid ? RunningApi.API_KEY : wrong[(i + thread) % wrong.length];
                    int status = get("Bearer " + key).statusCode();
                    if (valid && status != 200) {
                        validRefused.incrementAndGet();
                    }
                    if (!valid && status != 401) {
                        wrongAccepted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(wrongAccepted.get()).as("wrong-case keys accepted").isZero();
        assertThat(validRefused.get()).as("valid keys refused").isZero();
    }

    /** Each on a connection of its own, so that no header cache can answer for it. */
    private HttpResponse<String> getOnNewConnection(String authorization) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(base + "/api/stock?limit=1")).header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_scheme_is_case_insensitive_and_the_key_is_not() throws Exception {
        for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
            assertThat(getOnNewConnection(scheme + " " + RunningApi.API_KEY).statusCode()).as(scheme).isEqualTo(200);
        }
        assertThat(getOnNewConnection("Basic " + RunningApi.API_KEY).statusCode()).isEqualTo(401);
        assertThat(getOnNewConnection("Bearer" + RunningApi.API_KEY).statusCode()).isEqualTo(401);
        assertThat(getOnNewConnection("bearer " + RunningApi.API_KEY.toUpperCase(Locale.ROOT)).statusCode()).isEqualTo(401);
    }

    @Test
    void every_401_carries_www_authenticate() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong", "Basic abc", "Bearer " + RunningApi.API_KEY.toUpperCase(Locale.ROOT)}) {
            HttpResponse<String> answer = get(authorization);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(String.valueOf(authorization)).hasValueSatisfying(value ->
                    assertThat(value).startsWith("Bearer realm=\"restock\""));
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    /**
     * A refused request with a large body (found by the fuzzer): the server answered 401 before reading the body,
     * closed the connection with the body unread, and the kernel's reset reached the client before the answer.
     */
    @Test
    void a_refused_request_with_a_large_body_still_gets_its_answer() throws Exception {
        StringBuilder wide = new StringBuilder("{");
        for (int k = 0; wide.length() < 60_000; k++) {
            wide.append(k == 0 ? "" : ",").append("\"k").append(k).append("\":").append(k);
        }
        String body = wide.append('}').toString();
        int answered = 0;
        for (int i = 0; i < 60; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/orders")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", i % 2 == 0 ? "Bearer" : "Bearer wrong-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpClient client = i % 3 == 0 ? keepAlive : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).as("request %d", i).isEqualTo(401);
            answered++;
        }
        assertThat(answered).isEqualTo(60);
    }

    /** The same for a route that reads no body and answers 201 (found by the long fuzz run). */
    @Test
    void a_body_a_route_does_not_read_does_not_cost_the_client_its_answer() throws Exception {
        String body = "{\"k\":\"" + "k".repeat(50_000) + "\"}";
        for (int i = 0; i < 40; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/payments/setup")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + RunningApi.API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpClient client = i % 3 == 0 ? keepAlive : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).as("request %d", i).isEqualTo(201);
        }
    }

    /** And for a path with bad percent-encoding, which Jetty refused before any route (found by the long fuzz run). */
    @Test
    void a_path_with_bad_percent_encoding_gets_a_problem_answer_also_with_a_body() throws Exception {
        String body = "[" + "1,".repeat(30_000) + "1]";
        HttpResponse<String> bodiless = keepAlive.send(HttpRequest.newBuilder(URI.create(base + "/api/outbox/%FF/replay"))
                .header("Authorization", "Bearer " + RunningApi.API_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bodiless.statusCode()).isEqualTo(400);
        assertThat(bodiless.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        for (int i = 0; i < 40; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/outbox/%FF/replay")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + RunningApi.API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpClient client = i % 3 == 0 ? keepAlive : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).as("request %d", i).isEqualTo(400);
        }
    }
}
