package restock.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Jetty refuses before any route runs (a bad escape, an ambiguous path, an over-long header) are answered
 * as problem+json too, so a generated client decodes them like every other error (they were text/html).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JettyErrorsAsProblemsTest {
    private RunningApi api;

    @BeforeAll
    void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/products/%zz", "/api/products/a%2F..%2Fb", "/api/products/%00", "/api/stock/%C0%AF"})
    void a_request_jetty_refuses_is_answered_as_a_problem(String path) throws IOException {
        String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + RunningApi.API_KEY
                + "\r\nConnection: close\r\n\r\n");
        assertRefusedAsProblem(answer);
        assertThat(answer).contains("\"status\":4");
    }

    /**
     * An encoded slash or percent inside a path segment reaches the routes, whose own checks refuse it with a problem:
     * Jetty's ambiguous-path refusal closed the connection without an answer (CI fuzz seed 7867594455148).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/keys/%2F/rotate", "/api/orders/%25/lines/2/cancel"})
    void an_encoded_slash_or_percent_in_a_segment_gets_the_routes_answer(String path) throws IOException {
        String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + RunningApi.API_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertRefusedAsProblem(answer);
        assertThat(answer).as("Jetty's own refusal names the ambiguous path; the routes' answers do not")
                .doesNotContainIgnoringCase("ambiguous");
    }

    /**
     * A request Jetty refuses before any route, sent with a large body the client is still writing, gets its answer:
     * unread bytes made Jetty's close a reset that reached the client before the answer (CI fuzz seed 8614784922067).
     * Draining in the error handler did not cure it (1 to 4 of these 40 requests unanswered); such paths now reach
     * the routes. Known left: an encoded dot segment (%2e%2e) is still refused by Jetty and loses about 6 in 40.
     */
    @Test
    void a_refused_request_with_a_large_body_is_answered_not_reset() throws Exception {
        String body = "[" + "1,".repeat(30_000) + "1]";
        HttpClient keepAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 40; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(api.client().baseUrl() + "/api/webhooks/%01%02%03/pause"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + RunningApi.API_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpClient client = i % 3 == 0 ? keepAlive
                    : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("request %d: %s", i, answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
    }

    /** A 4xx answer whose body is problem+json, judged on its status line and headers. */
    private static void assertRefusedAsProblem(String answer) {
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).as(answer).startsWith("http/1.1 4");
        assertThat(head).as(answer).contains("content-type: application/problem+json");
    }

    private String raw(String request) throws IOException {
        URI base = URI.create(api.client().baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
