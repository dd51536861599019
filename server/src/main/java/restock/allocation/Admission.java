package restock.allocation;

import java.util.Optional;

/** What one requested line gets: reserved now, waiting in the queue, refused (with the reason). */
public record Admission(int reserved, int waiting, int refused, Optional<String> refusalReason) {
    public Admission {
        if (reserved < 0 || waiting < 0 || refused < 0) {
            throw new IllegalStateException("admission quantities must not be negative: " + reserved + "/" + waiting + "/" + refused);
        }
        if ((refused > 0) != refusalReason.isPresent()) {
            throw new IllegalStateException("a refusal carries a reason and only a refusal does");
        }
    }

    public int quantity() {
        return reserved + waiting + refused;
    }

    public static Admission refusedWhole(int quantity, String reason) {
        return new Admission(0, 0, quantity, Optional.of(reason));
    }
}
