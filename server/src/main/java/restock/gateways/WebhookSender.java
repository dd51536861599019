package restock.gateways;

import restock.notify.Message;
import restock.notify.MessageSender;
import restock.notify.WebhookSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/** Posts webhook messages as JSON, signed with the endpoint's secret; any 2xx answer means delivered. */
public final class WebhookSender implements MessageSender {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Function<String, String> secretForUrl;
    private final Clock clock;

    public WebhookSender(Function<String, String> secretForUrl, Clock clock) {
        this.secretForUrl = secretForUrl;
        this.clock = clock;
    }

    @Override
    public void send(Message message) throws DeliveryFailed {
        String secret = secretForUrl.apply(message.recipient());
        if (secret == null) {
            throw new DeliveryFailed("no active webhook endpoint for " + message.recipient(), null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.recipient()))
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
                throw new DeliveryFailed(message.recipient() + " answered " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new DeliveryFailed(message.recipient() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", e);
        }
    }
}
