package restock.notify;

import restock.common.InvalidInput;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where an outbox message stands: waiting for its first try, failed and waiting to be tried again, delivered, or
 * parked (dead-lettered after its last try or a failure no retry can mend) until someone replays it.
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

    public static List<String> codes() {
        return Arrays.stream(values()).map(DeliveryStatus::code).toList();
    }

    public static DeliveryStatus parse(String field, String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInput(field, field + " must be one of " + String.join(", ", codes()) + "; was '" + code + "'"));
    }
}
