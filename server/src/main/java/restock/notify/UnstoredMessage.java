package restock.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A message the relay made but could not put in the outbox (a mail that could not be rendered, a value the outbox
 * cannot hold), kept with the reason so that one bad message held up no other. It never entered the outbox, so
 * there is nothing to replay: the reason says what to mend. {@code cause} names the event it told of.
 */
public record UnstoredMessage(long id, UUID messageId, Message.Channel channel, String topic, String recipient, String cause,
                              String reason, Instant unstoredAt) {
}
