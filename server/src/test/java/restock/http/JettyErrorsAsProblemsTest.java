package restock.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.nio.charset.StandardCharsets;

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
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).as(answer).startsWith("http/1.1 4");
        assertThat(head).as(answer).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":4");
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
