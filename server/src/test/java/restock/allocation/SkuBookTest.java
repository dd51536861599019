package restock.allocation;

import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.promise.PromiseSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkuBookTest {
    private static final Sku SKU = Sku.of("85123A");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-01");
    private static final LocalDate NEXT_WEEK = LocalDate.parse("2026-11-08");

    private static SkuBook book(BackorderPolicy policy, int onHand, List<IncomingSupply> supply) {
        return new SkuBook(SKU, policy, PromiseSettings.defaults(TODAY), onHand, 0, List.of(), supply);
    }

    @Test
    void reserves_from_available_stock_first() {
        SkuBook book = book(new BackorderPolicy.Never(), 5, List.of());
        Admission admission = book.admit(1, 0, T0, 3);
        assertThat(admission).isEqualTo(new Admission(3, 0, 0, java.util.Optional.empty()));
        assertThat(book.available()).isEqualTo(2);
    }

    @Test
    void never_policy_refuses_the_shortfall_with_a_reason() {
        SkuBook book = book(new BackorderPolicy.Never(), 2, List.of());
        Admission admission = book.admit(1, 0, T0, 5);
        assertThat(admission.reserved()).isEqualTo(2);
        assertThat(admission.refused()).isEqualTo(3);
        assertThat(admission.refusalReason()).get().asString().contains("only from stock on hand");
    }

    @Test
    void supply_confirmed_policy_lets_wait_only_what_unclaimed_incoming_covers() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 4)));
        assertThat(book.admit(1, 0, T0, 3).waiting()).isEqualTo(3);
        Admission second = book.admit(2, 0, T0.plusSeconds(1), 3);
        assertThat(second.waiting()).isEqualTo(1);
        assertThat(second.refused()).isEqualTo(2);
        assertThat(second.refusalReason()).get().asString().contains("only 1 units of incoming supply are not already promised");
        assertThat(book.pegs()).containsExactly(new Peg(1, 10, 3), new Peg(2, 10, 1));
    }

    @Test
    void always_policy_stops_at_its_cap() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.of(5)), 0, List.of());
        assertThat(book.admit(1, 0, T0, 4).waiting()).isEqualTo(4);
        Admission second = book.admit(2, 0, T0, 4);
        assertThat(second.waiting()).isEqualTo(1);
        assertThat(second.refused()).isEqualTo(3);
    }

    @Test
    void fills_the_oldest_backorder_first_when_stock_arrives() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.empty()), 0, List.of());
        book.admit(2, 0, T0.plusSeconds(5), 2);
        book.admit(1, 0, T0, 2);
        book.receive(3);
        assertThat(book.drainFills()).containsExactly(new Fill(1, 2), new Fill(2, 1));
        assertThat(book.queue()).containsExactly(new WaitingLine(2, 0, T0.plusSeconds(5), 1));
    }

    @Test
    void higher_priority_fills_before_older_lines() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.empty()), 0, List.of());
        book.admit(1, 0, T0, 2);
        book.admit(2, 5, T0.plusSeconds(60), 2);
        book.receive(2);
        assertThat(book.drainFills()).containsExactly(new Fill(2, 2));
    }

    @Test
    void a_released_reservation_goes_to_the_queue() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.empty()), 1, List.of());
        book.admit(1, 0, T0, 1);
        book.admit(2, 0, T0.plusSeconds(1), 1);
        book.release(1);
        assertThat(book.drainFills()).containsExactly(new Fill(2, 1));
        assertThat(book.reserved()).isEqualTo(1);
    }

    @Test
    void refuses_an_adjustment_below_what_is_reserved() {
        SkuBook book = book(new BackorderPolicy.Never(), 5, List.of());
        book.admit(1, 0, T0, 4);
        assertThatThrownBy(() -> book.adjust(-2)).isInstanceOf(Conflict.class).hasMessageContaining("below the 4 units reserved");
        assertThat(book.onHand()).isEqualTo(5);
    }

    @Test
    void pegs_follow_queue_order_over_supply_in_arrival_order() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0,
                List.of(new IncomingSupply(20, NEXT_WEEK.plusDays(7), 5), new IncomingSupply(10, NEXT_WEEK, 2)));
        book.admit(1, 0, T0, 3);
        book.admit(2, 0, T0.plusSeconds(1), 4);
        assertThat(book.pegs()).containsExactly(new Peg(1, 10, 2), new Peg(1, 20, 1), new Peg(2, 20, 4));
    }

    @Test
    void receiving_against_a_purchase_order_line_fills_and_repegs() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 5)));
        book.admit(1, 0, T0, 3);
        book.receiveAgainst(10, 2);
        assertThat(book.drainFills()).containsExactly(new Fill(1, 2));
        assertThat(book.pegs()).containsExactly(new Peg(1, 10, 1));
        assertThat(book.incoming()).isEqualTo(3);
    }
}
