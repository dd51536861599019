package restock.gateways;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import restock.notify.Message;
import restock.notify.MessageSender;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A delivery's lastError says what went wrong in words a storefront developer can act on without the server's log
 * (it said "no HTTP answer from the endpoint (the server log has the details)" for a refused connection and a
 * timeout alike), and names nothing beyond the URL's host.
 */
class WebhookSenderTest {
    private final WebhookSender sender = new WebhookSender(url -> List.of("whsec_0123456789abcdef"), Clock.systemUTC(), WebhookTargets.PRIVATE_ALLOWED);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private String lastError(String url) {
        return catchThrowableOfType(MessageSender.DeliveryFailed.class, () -> sender.send(message(url))).getMessage();
    }

    private static Message message(String url) {
        return new Message(UUID.randomUUID(), Message.Channel.WEBHOOK, "order.waiting", url, null, "{}", null, "webhook:" + url);
    }

    private int answering(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        opened.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    @Test
    void a_refused_connection_says_refused_with_the_host_and_port() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(lastError("http://127.0.0.1:" + closedPort + "/hooks/s3cr3t"))
                .isEqualTo("connection to 127.0.0.1:" + closedPort + " refused (nothing accepts connections at that port)");
    }

    @Test
    void a_refusal_says_its_status_and_the_start_of_its_body_on_one_line() throws IOException {
        int port = answering(404, "No such hook:\n\t/hooks/abc\u0000 " + "x".repeat(5_000));
        String error = lastError("http://127.0.0.1:" + port + "/hooks/abc");
        assertThat(error).startsWith("the endpoint answered HTTP 404: No such hook: /hooks/abc x").endsWith("x…")
                .hasSize("the endpoint answered HTTP 404: ".length() + WebhookSender.EXCERPT_CHARS + 1);
        assertThat(lastError("http://127.0.0.1:" + answering(500, "") + "/")).isEqualTo("the endpoint answered HTTP 500");
    }

    @Test
    void a_name_that_does_not_resolve_says_the_host_name_was_not_found() {
        assertThat(lastError("https://hooks.restock-no-such-name.invalid/hook"))
                .isEqualTo("host name hooks.restock-no-such-name.invalid not found (DNS has no address for it)");
    }

    @Test
    void a_failed_tls_handshake_says_so_with_its_reason() throws IOException {
        ServerSocket plain = new ServerSocket(0);
        opened.add(plain);
        Thread answerer = new Thread(() -> {
            try (Socket socket = plain.accept()) {
                socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().readAllBytes(); // open until the client hangs up, so it reads the answer first
            } catch (IOException ignored) {
                // the client hung up: the test reads what it made of the answer
            }
        });
        answerer.start();
        assertThat(lastError("https://127.0.0.1:" + plain.getLocalPort() + "/hook"))
                .isEqualTo("TLS handshake with 127.0.0.1 failed: the endpoint did not answer in TLS (does it serve http, not https, at that port?)");
    }

    /** The JDK's words for a bad certificate name its internal classes; the shop reads what is wrong with the certificate. */
    @Test
    void a_tls_complaint_is_told_in_words_without_the_jdks_class_names() {
        java.net.URI uri = java.net.URI.create("https://hooks.example.com/s3cr3t");
        assertThat(WebhookSender.noAnswer(new javax.net.ssl.SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target"), uri, WebhookSender.TIMEOUT))
                .isEqualTo("TLS handshake with hooks.example.com failed: its certificate is not signed by an authority Restock trusts "
                        + "(self-signed, or the chain is incomplete)");
        assertThat(WebhookSender.noAnswer(new javax.net.ssl.SSLHandshakeException("No subject alternative DNS name matching hooks.example.com found."), uri, WebhookSender.TIMEOUT))
                .isEqualTo("TLS handshake with hooks.example.com failed: its certificate does not name hooks.example.com");
        assertThat(WebhookSender.noAnswer(new javax.net.ssl.SSLHandshakeException("Received fatal alert: handshake_failure"), uri, WebhookSender.TIMEOUT))
                .isEqualTo("TLS handshake with hooks.example.com failed: Received fatal alert: handshake_failure");
        assertThat(WebhookSender.noAnswer(new javax.net.ssl.SSLHandshakeException("sun.security.validator.ValidatorException: bad chain"), uri, WebhookSender.TIMEOUT))
                .isEqualTo("TLS handshake with hooks.example.com failed: bad chain");
    }

    @Test
    void an_endpoint_that_takes_the_connection_and_never_answers_says_it_timed_out() throws Exception {
        ServerSocket silent = new ServerSocket(0);
        opened.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                accepted.add(silent.accept());
            } catch (IOException ignored) {
                // closed at the test's end
            }
        });
        acceptor.start();
        // Waited out at a second, not at the 10 s Restock gives a real endpoint: the words name the wait that ran out.
        WebhookSender impatient = new WebhookSender(url -> List.of("whsec_0123456789abcdef"), Clock.systemUTC(), WebhookTargets.PRIVATE_ALLOWED,
                java.time.Duration.ofSeconds(1));
        assertThat(catchThrowableOfType(MessageSender.DeliveryFailed.class, () -> impatient.send(message("http://127.0.0.1:" + silent.getLocalPort() + "/hook")))
                .getMessage()).isEqualTo("127.0.0.1 accepted the connection but did not answer within 1 s (request timed out)");
    }

    @Test
    void a_delivery_in_a_rotation_grace_carries_a_signature_by_each_secret() throws Exception {
        List<String> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            headers.add(exchange.getRequestHeaders().getFirst(restock.notify.WebhookSignature.HEADER));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        opened.add(() -> server.stop(0));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        WebhookSender rotating = new WebhookSender(u -> List.of("whsec_new", "whsec_old"), Clock.systemUTC(), WebhookTargets.PRIVATE_ALLOWED);

        rotating.send(new Message(UUID.randomUUID(), Message.Channel.WEBHOOK, "order.filled", url, null, "{\"a\":1}", null, "webhook:" + url));

        assertThat(headers).singleElement().satisfies(header -> {
            assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
            for (String secret : List.of("whsec_new", "whsec_old")) {
                assertThat(restock.notify.WebhookSignature.verify(secret, header, "{\"a\":1}", java.time.Instant.now(),
                        restock.notify.WebhookSignature.DEFAULT_TOLERANCE)).as(secret).isTrue();
            }
        });
        assertThat(catchThrowableOfType(MessageSender.DeliveryFailed.class, () -> new WebhookSender(u -> List.of(), Clock.systemUTC(),
                WebhookTargets.PRIVATE_ALLOWED).send(new Message(UUID.randomUUID(), Message.Channel.WEBHOOK, "order.filled", url, null, "{}",
                null, "webhook:" + url))).retryable()).as("no endpoint has the URL any more").isFalse();
    }
}

