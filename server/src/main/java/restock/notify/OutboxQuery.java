package restock.notify;

import restock.common.InvalidInput;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which outbox messages to list, newest first: optionally of one channel, status, webhook endpoint and topic, a page
 * of {@code limit} with ids below {@code beforeId} (the previous page's next). Refuses what cannot be answered.
 */
public record OutboxQuery(Optional<Message.Channel> channel, Optional<DeliveryStatus> status, Optional<Long> endpointId,
                          Optional<String> topic, Optional<Long> beforeId, int limit) {
    /** Messages in a page when the request does not say. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The most messages in a page. */
    public static final int MAX_PAGE_SIZE = 200;

    public OutboxQuery {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        if (beforeId.isPresent() && beforeId.get() < 1) {
            throw new InvalidInput("before", "before must be a message id (the next value of the previous page), was " + beforeId.get());
        }
        if (endpointId.isPresent() && endpointId.get() < 1) {
            throw new InvalidInput("endpointId", "endpointId must be a webhook endpoint id (GET /api/webhooks), was " + endpointId.get());
        }
        if (endpointId.isPresent() && channel.isPresent() && channel.get() != Message.Channel.WEBHOOK) {
            throw new InvalidInput("endpointId", "endpointId names a webhook endpoint, so it cannot go with channel="
                    + channel.get().code() + "; leave one out");
        }
        if (topic.isPresent() && !Notice.WEBHOOK_TOPICS.contains(topic.get())) {
            throw new InvalidInput("topic", "topic must be one of " + String.join(", ", Notice.WEBHOOK_TOPICS) + "; was '" + topic.get() + "'");
        }
    }

    /** Only webhooks are sent to endpoints: a query naming one lists webhooks alone. */
    public Optional<Message.Channel> channelListed() {
        return endpointId.isPresent() ? Optional.of(Message.Channel.WEBHOOK) : channel;
    }

    public static Message.Channel channel(String field, String code) {
        return Arrays.stream(Message.Channel.values()).filter(channel -> channel.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, field + " must be email or webhook, was '" + code + "'"));
    }
}
