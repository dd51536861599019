package restock.allocation;

import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.promise.PromiseSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkuBookTest {
    private static final Sku SKU = Sku.of("85123A");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-01");
    private static final LocalDate NEXT_WEEK = LocalDate.parse("2026-11-08");

    private static SkuBook book(BackorderPolicy policy, int onHand, List<IncomingSupply> supply) {
        return SkuBook.of(SKU, policy, PromiseSettings.defaults(TODAY), onHand, 0, List.of(), supply);
    }

    private static List<Peg> pegs(SkuBook book) {
        return book.changes().pegsAdded().stream()
                .sorted(java.util.Comparator.comparingLong(Peg::lineId).thenComparingLong(Peg::purchaseOrderLineId)).toList();
    }

    @Test
    void reserves_from_available_stock_first() {
        SkuBook book = book(new BackorderPolicy.Never(), 5, List.of());
        Admission admission = book.admit(1, 0, T0, 3);
        assertThat(admission).isEqualTo(Admission.inStock(3));
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
        assertThat(second.refusalReason()).get().asString().contains("only 1 of the units on order are not already promised to the orders waiting before this one");
        assertThat(pegs(book)).containsExactly(new Peg(1, 10, 3), new Peg(2, 10, 1));
    }

    /** A new user was told "no confirmed incoming supply" when all 10 incoming units were promised to earlier orders. */
    @Test
    void a_refusal_when_earlier_orders_claimed_all_incoming_supply_says_so() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 4)));
        assertThat(book.admit(1, 0, T0, 4).waiting()).isEqualTo(4);
        Admission second = book.admit(2, 0, T0.plusSeconds(1), 3);
        assertThat(second.refused()).isEqualTo(3);
        assertThat(second.refusalReason()).get().asString().contains("all 4 units on order are already promised to the orders waiting before this one");
        Admission withoutSupply = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of()).admit(1, 0, T0, 1);
        assertThat(withoutSupply.refusalReason()).get().asString().contains("nothing is on order from a supplier");
    }

    @Test
    void always_policy_stops_at_its_cap() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.of(5)), 0, List.of());
        assertThat(book.admit(1, 0, T0, 4).waiting()).isEqualTo(4);
        Admission second = book.admit(2, 0, T0, 4);
        assertThat(second.waiting()).isEqualTo(1);
        assertThat(second.refused()).isEqualTo(3);
        assertThat(second.refusalReason()).hasValue("product 85123A can have at most 5 units waiting; this order would make 8");
    }

    /** It said "has reached its backorder cap of 20 waiting units" with nobody waiting: the order alone went past it. */
    @Test
    void an_order_past_the_cap_with_nobody_waiting_is_told_how_many_it_would_make_wait() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.of(20)), 0, List.of());
        Admission admission = book.admit(1, 0, T0, 25);
        assertThat(admission.waiting()).isEqualTo(20);
        assertThat(admission.refusalReason()).hasValue("product 85123A can have at most 20 units waiting; this order would make 25");
    }

    /** Quantities in a reason are grouped as staff read them ("only 8566 units" was hard to read); the SKU is not a quantity. */
    @Test
    void a_refusal_groups_the_quantities_it_names() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 10_000)));
        book.admit(1, 0, T0, 1_434);
        Admission second = book.admit(2, 0, T0.plusSeconds(1), 9_000);
        assertThat(second.refusalReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("not enough of product 85123A in stock: only 8,566 of the units on order"));
    }

    @Test
    void a_line_given_a_higher_priority_moves_ahead_and_is_pegged_to_the_earliest_supply() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0,
                List.of(new IncomingSupply(10, NEXT_WEEK, 2), new IncomingSupply(11, NEXT_WEEK.plusDays(7), 2)));
        book.admit(1, 0, T0, 2);
        book.admit(2, 0, T0.plusSeconds(1), 2);
        book.changes();
        assertThat(book.reprioritize(2, 5)).isTrue();
        assertThat(book.queue()).extracting(WaitingLine::lineId).containsExactly(2L, 1L);
        BookChanges changes = book.changes();
        assertThat(changes.pegsAdded()).containsExactlyInAnyOrder(new Peg(2, 10, 2), new Peg(1, 11, 2));
        assertThat(changes.fills()).as("moving in the queue fills nothing").isEmpty();
        assertThat(book.reprioritize(2, 5)).as("the same priority again changes nothing").isFalse();
        assertThatThrownBy(() -> book.reprioritize(3, 1)).hasMessageContaining("line 3 is not waiting");
    }

    @Test
    void fills_the_oldest_backorder_first_when_stock_arrives() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.empty()), 0, List.of());
        book.admit(2, 0, T0.plusSeconds(5), 2);
        book.admit(1, 0, T0, 2);
        book.receive(3);
        assertThat(book.changes().fills()).containsExactly(new Fill(1, 2, true), new Fill(2, 1, false));
        assertThat(book.queue()).containsExactly(new WaitingLine(2, 0, T0.plusSeconds(5), 1));
    }

    @Test
    void higher_priority_fills_before_older_lines() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.empty()), 0, List.of());
        book.admit(1, 0, T0, 2);
        book.admit(2, 5, T0.plusSeconds(60), 2);
        book.receive(2);
        assertThat(book.changes().fills()).containsExactly(new Fill(2, 2, true));
    }

    @Test
    void a_released_reservation_goes_to_the_queue() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.empty()), 1, List.of());
        book.admit(1, 0, T0, 1);
        book.admit(2, 0, T0.plusSeconds(1), 1);
        book.release(1);
        assertThat(book.changes().fills()).containsExactly(new Fill(2, 1, true));
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
        assertThat(pegs(book)).containsExactly(new Peg(1, 10, 2), new Peg(1, 20, 1), new Peg(2, 20, 4));
    }

    @Test
    void receiving_against_a_purchase_order_line_fills_and_repegs() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 5)));
        book.admit(1, 0, T0, 3);
        assertThat(book.changes().pegsAdded()).containsExactly(new Peg(1, 10, 3));
        book.receiveAgainst(10, 2);
        BookChanges changes = book.changes();
        assertThat(changes.fills()).containsExactly(new Fill(1, 2, false));
        assertThat(changes.pegsRemoved()).containsExactly(new Peg(1, 10, 3));
        assertThat(changes.pegsAdded()).containsExactly(new Peg(1, 10, 1));
        assertThat(book.incoming()).isEqualTo(3);
    }

    @Test
    void changes_are_handed_over_once() {
        SkuBook book = book(new BackorderPolicy.Always(OptionalInt.empty()), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 5)));
        book.admit(1, 0, T0, 2);
        BookChanges first = book.changes();
        assertThat(first.pegsAdded()).hasSize(1);
        assertThat(first.promises()).hasSize(1);
        BookChanges second = book.changes();
        assertThat(second.pegsAdded()).isEmpty();
        assertThat(second.promises()).isEmpty();
        assertThat(second.events()).isEmpty();
    }

    @Test
    void a_line_whose_promise_moves_gets_one_event_and_a_drifting_probability_none() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 5)));
        book.admit(1, 0, T0, 2);
        book.changes();
        book.reschedule(10, NEXT_WEEK.plusDays(10));
        BookChanges changes = book.changes();
        assertThat(changes.events()).extracting(BookChanges.LineEvent::kind).containsExactly(restock.orders.OrderEventKind.PROMISE_CHANGED);
        assertThat(changes.promises()).singleElement().satisfies(update ->
                assertThat(update.promise().orElseThrow().from()).isAfter(NEXT_WEEK.plusDays(9)));
    }

    @Test
    void before_the_release_day_stock_waits_for_it_and_fills_the_queue_on_the_day() {
        LocalDate release = TODAY.plusDays(10);
        SkuBook book = new SkuBook(SKU, new BackorderPolicy.Never(), new restock.catalog.Lifecycle(Optional.of(release), false),
                PromiseSettings.defaults(TODAY), 5, 0, 0, List.of(), List.of(), java.util.Set.of(), java.util.Map.of());
        Admission preorder = book.admit(1, 0, T0, 3);
        assertThat(preorder.reserved()).isZero();
        assertThat(preorder.waiting()).isEqualTo(3);
        assertThat(preorder.promise().orElseThrow().to()).isEqualTo(release);
        assertThat(book.admit(2, 0, T0.plusSeconds(1), 3).refused()).as("a never product pre-orders only what it holds").isEqualTo(1);
        book.changes();

        SkuBook onTheDay = new SkuBook(SKU, new BackorderPolicy.Never(), new restock.catalog.Lifecycle(Optional.of(release), false),
                PromiseSettings.defaults(release), 5, 0, 0, book.queue(), List.of(), java.util.Set.of(), java.util.Map.of());
        assertThat(onTheDay.changes().fills()).containsExactly(new Fill(1, 3, true), new Fill(2, 2, true));
    }

    /** Always on the day, but two of five deliveries brought 70% of what was ordered. */
    private static final restock.promise.ArrivalOdds SOMETIMES_SHORT = new restock.promise.ArrivalOdds(restock.promise.DayDistribution.certain(0),
            restock.promise.FillDistribution.of(List.of(1.0, 1.0, 1.0, 0.7, 0.7)), "three of five deliveries complete, two 70%");

    /**
     * The model-based test found the shop answering "no confirmed date" for 5 units while the order placed for them got
     * a promise: the answer judged the whole unclaimed rest of the purchase order line, which a supplier who sometimes
     * delivers short is less likely to bring in full than the 5 units the line takes.
     */
    @Test
    void the_promise_for_part_of_a_purchase_order_line_is_the_one_a_line_placed_for_it_gets() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 10, SOMETIMES_SHORT)));

        Admission answer = OrderDecision.decide(book.position(), 5, 0);
        Admission placed = book.admit(1, 0, T0, 5);

        assertThat(answer.waiting()).isEqualTo(5);
        assertThat(answer.promise()).hasValueSatisfying(promise -> assertThat(promise.probability()).isEqualTo(1.0));
        assertThat(placed).isEqualTo(answer);
        assertThat(book.linePromises().get(1L)).isEqualTo(new restock.promise.Outlook.Promised(answer.promise().orElseThrow()));
    }

    @Test
    void as_many_units_wait_as_can_be_promised_within_one_purchase_order_line() {
        SkuBook book = book(new BackorderPolicy.WhenSupplyConfirmed(), 0, List.of(new IncomingSupply(10, NEXT_WEEK, 10, SOMETIMES_SHORT)));

        // Seven units come in every delivery seen; the eighth in three of five (60%, under the 80% asked).
        Admission all = book.admit(1, 0, T0, 10);

        assertThat(all.waiting()).isEqualTo(7);
        assertThat(all.refused()).isEqualTo(3);
        assertThat(book.linePromises().get(1L)).isEqualTo(new restock.promise.Outlook.Promised(all.promise().orElseThrow()));
    }
}
