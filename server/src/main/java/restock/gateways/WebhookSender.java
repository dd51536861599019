package restock.gateways;

import restock.notify.Message;
import restock.notify.MessageSender;
import restock.notify.WebhookSignature;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Posts webhook messages as JSON, signed with the endpoint's secret; any 2xx answer means delivered. Before each send
 * the URL is checked again and its host resolved afresh ({@link WebhookTargets}); the connection then uses the JVM's
 * cached answer. The recorded error says only whether the endpoint answered, and with what status: not whether a
 * port was closed, filtered or slow, which would make the outbox a port scanner.
 */
public final class WebhookSender implements MessageSender {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String NO_ANSWER = "no HTTP answer from the endpoint (the server log has the details)";
    /**
     * HTTP/1.1: the client's default (HTTP/2) sends "Upgrade: h2c" on every http:// webhook, which some receivers
     * refuse (a new user's receiver logged it on every message); a webhook is one small POST, so HTTP/2 gains nothing.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Function<String, String> secretForUrl;
    private final Clock clock;
    private final WebhookTargets targets;

    /** To public addresses only. */
    public WebhookSender(Function<String, String> secretForUrl, Clock clock) {
        this(secretForUrl, clock, WebhookTargets.PUBLIC_ONLY);
    }

    public WebhookSender(Function<String, String> secretForUrl, Clock clock, WebhookTargets targets) {
        this.secretForUrl = secretForUrl;
        this.clock = clock;
        this.targets = targets;
    }

    @Override
    public void send(Message message) throws DeliveryFailed {
        URI uri = target(message.recipient());
        String secret = secretForUrl.apply(message.recipient());
        if (secret == null) {
            throw DeliveryFailed.permanently("no active webhook endpoint has this URL any more");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Restock-Message-Id", message.messageId().toString())
                .header("Restock-Topic", message.topic())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant(), message.bodyText()))
                .POST(HttpRequest.BodyPublishers.ofString(message.bodyText()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed("the endpoint answered HTTP " + response.statusCode(), null);
            }
        } catch (IOException e) {
            // The outbox's worker logs the failure with its causes' words (the URL's path may be its secret).
            throw new DeliveryFailed(NO_ANSWER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", e);
        }
    }

    private URI target(String url) throws DeliveryFailed {
        WebhookTargets.Verdict verdict;
        try {
            verdict = targets.checkBeforeSending(url);
        } catch (UnknownHostException e) {
            throw new DeliveryFailed(NO_ANSWER, e);
        }
        if (verdict instanceof WebhookTargets.Verdict.Refused refused) {
            throw DeliveryFailed.permanently("cannot be sent: " + refused.reason());
        }
        return ((WebhookTargets.Verdict.Allowed) verdict).uri();
    }
}
