package restock.gateways;

import restock.notify.Message;
import restock.notify.MessageSender;
import restock.notify.WebhookSignature;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Posts webhook messages as JSON, signed with the endpoint's secret; any 2xx answer means delivered. Before each send
 * the URL is checked again and its host resolved afresh ({@link WebhookTargets}); the connection then uses the JVM's
 * cached answer. The recorded error says what went wrong in words the shop can act on (refused, timed out, no such
 * host, the TLS handshake's complaint, the status and the start of the body it answered), naming only the URL's host:
 * an address that is not public is refused before any connection, so the words tell nothing of the network Restock
 * runs in (docs/DECISIONS.md).
 */
public final class WebhookSender implements MessageSender {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long a connection may take to open. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Most bytes of a refusal's body read, for the excerpt the outbox records; the rest is not read. */
    static final int EXCERPT_BYTES = 1_024;
    /** Most characters of a refusal's body (or a TLS complaint) quoted in the outbox's lastError. */
    static final int EXCERPT_CHARS = 200;
    /**
     * HTTP/1.1: the client's default (HTTP/2) sends "Upgrade: h2c" on every http:// webhook, which some receivers
     * refuse (a new user's receiver logged it on every message); a webhook is one small POST, so HTTP/2 gains nothing.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Function<String, List<String>> secretsForUrl;
    private final Clock clock;
    private final WebhookTargets targets;
    /** How long an endpoint has to answer once connected: {@link #TIMEOUT}, shorter only in tests that wait it out. */
    private final Duration answerTimeout;

    /** To public addresses only. */
    public WebhookSender(Function<String, List<String>> secretsForUrl, Clock clock) {
        this(secretsForUrl, clock, WebhookTargets.PUBLIC_ONLY);
    }

    /**
     * {@code secretsForUrl}: the secrets a delivery to the URL is signed with now (the endpoint's own first, then one
     * it replaced while its grace lasts); empty when no endpoint has the URL any more.
     */
    public WebhookSender(Function<String, List<String>> secretsForUrl, Clock clock, WebhookTargets targets) {
        this(secretsForUrl, clock, targets, TIMEOUT);
    }

    WebhookSender(Function<String, List<String>> secretsForUrl, Clock clock, WebhookTargets targets, Duration answerTimeout) {
        this.secretsForUrl = secretsForUrl;
        this.clock = clock;
        this.targets = targets;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public void send(Message message) throws DeliveryFailed {
        URI uri = target(message.recipient());
        List<String> secrets = secretsForUrl.apply(message.recipient());
        if (secrets.isEmpty()) {
            throw DeliveryFailed.permanently("no active webhook endpoint has this URL any more");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(answerTimeout)
                .header("Content-Type", "application/json")
                .header("Restock-Message-Id", message.messageId().toString())
                .header("Restock-Topic", message.topic())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secrets, clock.instant(), message.bodyText()))
                .POST(HttpRequest.BodyPublishers.ofString(message.bodyText()))
                .build();
        // The whole exchange is bounded, the body's excerpt included: the request timeout ends at the answer's headers.
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, WebhookSender::bodyOfRefusal);
        try {
            HttpResponse<String> response = exchange.get(answerTimeout.plus(CONNECT_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed(answered(response.statusCode(), response.body()), null);
            }
        } catch (ExecutionException e) {
            // The outbox's worker logs the failure with its causes' words (the URL's path may be its secret).
            throw new DeliveryFailed(noAnswer(e.getCause(), uri, answerTimeout), e.getCause());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryFailed(uri.getHost() + " did not answer within " + answerTimeout.plus(CONNECT_TIMEOUT).toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", e);
        }
    }

    /** What an endpoint that answered other than 2xx said: the status and the start of its body, on one line. */
    static String answered(int status, String body) {
        String excerpt = excerpt(body);
        return "the endpoint answered HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }

    /**
     * Why no answer came, in words the shop can act on, naming the URL's host and nothing else of the network: the
     * JDK's client says little itself (a refused connection is a ConnectException without words).
     */
    static String noAnswer(Throwable failure, URI uri, Duration answerTimeout) {
        String host = uri.getHost();
        String hostAndPort = host + ":" + (uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // A failed handshake may reach the client as a closed connection, with the handshake's complaint as its cause.
            if (t instanceof SSLException) {
                return "TLS handshake with " + host + " failed: " + tlsReason(t.getMessage(), host);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection to " + hostAndPort + " within " + CONNECT_TIMEOUT.toSeconds() + " s (connect timed out: a firewall that drops "
                        + "packets, or the host is down)";
            }
            if (t instanceof HttpTimeoutException) {
                return host + " accepted the connection but did not answer within " + answerTimeout.toSeconds() + " s (request timed out)";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "host name " + host + " not found (DNS has no address for it)";
            }
            if (t instanceof EOFException || t.getMessage() != null && t.getMessage().contains("received no bytes")) {
                return host + " closed the connection without an HTTP answer";
            }
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("no route to host")) {
                return "no route to " + host + " (the host is unreachable from Restock's network)";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection to " + hostAndPort + " refused (nothing accepts connections at that port)";
            }
        }
        return "no HTTP answer from " + host + " (" + failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                : ": " + excerpt(failure.getMessage().replace(uri.toString(), host))) + ")";
    }

    /** The JDK's class names in a TLS complaint ("sun.security.validator.ValidatorException: "): internal, and no help. */
    private static final java.util.regex.Pattern CLASS_NAMES = java.util.regex.Pattern.compile("\\b(?:sun|java|javax|jdk|com\\.sun)\\.[\\w.$]+:\\s*");

    /** Why a TLS handshake failed, in words a shop can act on where the JDK's are known; otherwise its words without class names. */
    static String tlsReason(String said, String host) {
        String words = said == null ? "" : said;
        if (words.contains("PKIX path") || words.contains("unable to find valid certification path")) {
            return "its certificate is not signed by an authority Restock trusts (self-signed, or the chain is incomplete)";
        }
        if (words.contains("No subject alternative") || words.contains("No name matching")) {
            return "its certificate does not name " + host;
        }
        if (words.contains("validity check failed") || words.contains("NotAfter") || words.contains("expired")) {
            return "its certificate has expired or is not valid yet";
        }
        if (words.contains("Unsupported or unrecognized SSL message") || words.contains("Unrecognized SSL message")) {
            return "the endpoint did not answer in TLS (does it serve http, not https, at that port?)";
        }
        String rest = excerpt(CLASS_NAMES.matcher(words).replaceAll(""));
        return rest.isEmpty() ? "no reason given" : rest;
    }

    /** Text on one line, without control characters, cut to {@link #EXCERPT_CHARS}. */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= EXCERPT_CHARS ? line : line.substring(0, EXCERPT_CHARS) + "…";
    }

    /** A 2xx answer's body is not read; a refusal's first {@link #EXCERPT_BYTES}, for the outbox's record. */
    private static HttpResponse.BodySubscriber<String> bodyOfRefusal(HttpResponse.ResponseInfo info) {
        return info.statusCode() / 100 == 2 ? HttpResponse.BodySubscribers.replacing("") : new Excerpt();
    }

    /** Reads up to {@link #EXCERPT_BYTES} bytes of a body, then stops: a receiver's error page can be any size. */
    private static final class Excerpt implements HttpResponse.BodySubscriber<String> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[Math.min(buffer.remaining(), EXCERPT_BYTES - bytes.size())];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() >= EXCERPT_BYTES) {
                subscription.cancel();
                onComplete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            onComplete(); // what arrived before the body broke off is excerpt enough
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private URI target(String url) throws DeliveryFailed {
        WebhookTargets.Verdict verdict;
        try {
            verdict = targets.checkBeforeSending(url);
        } catch (UnknownHostException e) {
            throw new DeliveryFailed(noAnswer(e, URI.create(url), answerTimeout), e);
        }
        if (verdict instanceof WebhookTargets.Verdict.Refused refused) {
            throw DeliveryFailed.permanently("cannot be sent: " + refused.reason());
        }
        return ((WebhookTargets.Verdict.Allowed) verdict).uri();
    }
}
