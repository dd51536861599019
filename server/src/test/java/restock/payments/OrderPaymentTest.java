package restock.payments;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPaymentTest {
    private static final PaymentState HELD = new PaymentState.Authorized("auth_1", 100, Instant.parse("2026-12-01T00:00:00Z"));
    private static final PaymentState TAKEN = new PaymentState.Captured("ch_1", 100);
    private static final PaymentState WAITING = new PaymentState.AwaitingFill("pm");
    private static final PaymentState FAILED = new PaymentState.Failed("card_declined", Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void an_order_payment_summarises_its_lines() {
        assertThat(OrderPayment.of(List.of())).isEmpty();
        assertThat(OrderPayment.of(List.of(TAKEN, TAKEN))).isEqualTo(Optional.of(OrderPayment.PAID));
        assertThat(OrderPayment.of(List.of(TAKEN, new PaymentState.Voided()))).isEqualTo(Optional.of(OrderPayment.PAID));
        assertThat(OrderPayment.of(List.of(TAKEN, WAITING))).isEqualTo(Optional.of(OrderPayment.PARTLY_PAID));
        assertThat(OrderPayment.of(List.of(HELD, WAITING))).isEqualTo(Optional.of(OrderPayment.AUTHORIZED));
        assertThat(OrderPayment.of(List.of(WAITING))).isEqualTo(Optional.of(OrderPayment.AWAITING));
        assertThat(OrderPayment.of(List.of(TAKEN, FAILED))).isEqualTo(Optional.of(OrderPayment.ACTION_REQUIRED));
        assertThat(OrderPayment.of(List.of(new PaymentState.Voided(), new PaymentState.Refunded(100))))
                .isEqualTo(Optional.of(OrderPayment.NOTHING_DUE));
    }
}
