package restock.notify;

import restock.common.InvalidInput;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where an outbox message stands: waiting for its first try, failed and waiting to be tried again, delivered, or
 * parked (dead-lettered after its last try or a failure no retry can mend) until someone replays it. GET /api/outbox
 * lists these; GET /api/messages, older, lists the stored words ({@link #messagesWord}).
 */
public enum DeliveryStatus {
    PENDING, RETRYING, DELIVERED, PARKED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the delivery worker will try the message again by itself (it then has a next attempt time). */
    public boolean willBeTried() {
        return this == PENDING || this == RETRYING;
    }

    /**
     * The word GET /api/messages says for this status: the stored state, where pending covers a message not tried
     * yet and one retrying, sent is delivered and dead is parked. Kept so that its clients do not break.
     */
    public String messagesWord() {
        return switch (this) {
            case PENDING, RETRYING -> "pending";
            case DELIVERED -> "sent";
            case PARKED -> "dead";
        };
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(DeliveryStatus::code).toList();
    }

    /**
     * The status a code names. A word only GET /api/messages uses (sent, dead) is refused too, rather than taken as
     * the status it maps to, but the refusal names the word meant here.
     */
    public static DeliveryStatus parse(String field, String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, field + " must be one of " + String.join(", ", codes()) + "; was '" + code + "'"
                        + messagesWordMeant(field, code)));
    }

    private static String messagesWordMeant(String field, String code) {
        List<String> meant = Arrays.stream(values()).filter(status -> status.messagesWord().equals(code)).map(DeliveryStatus::code).toList();
        return meant.size() != 1 ? "" : ", which is GET /api/messages' word for what is listed here as " + meant.get(0) + ": use "
                + field + "=" + meant.get(0);
    }
}
