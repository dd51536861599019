package restock.allocation;

import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Sku;
import restock.promise.PromiseSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class SupplyWithdrawalTest {
    private static final Sku SKU = Sku.of("85123A");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-01");

    /** Line 1 (3 waiting) is pegged to purchase order line 10, due first; line 2 (3 waiting) to line 20, due a week later. */
    private static SkuBook twoLinesOnTwoPurchaseOrders() {
        SkuBook book = SkuBook.of(SKU, new BackorderPolicy.Always(OptionalInt.empty()), PromiseSettings.defaults(TODAY), 0, 0, List.of(),
                List.of(new IncomingSupply(10, TODAY.plusDays(7), 3), new IncomingSupply(20, TODAY.plusDays(14), 3)));
        book.admit(1, 0, T0, 3);
        book.admit(2, 0, T0.plusSeconds(1), 3);
        book.changes();
        return book;
    }

    @Test
    void the_line_on_the_withdrawn_supply_takes_the_next_and_the_line_behind_it_is_left_without_supply() {
        SkuBook book = twoLinesOnTwoPurchaseOrders();

        SupplyWithdrawal withdrawal = SupplyWithdrawal.of(book, List.of(10L));

        assertThat(withdrawal.moved()).containsExactly(
                new SupplyWithdrawal.Moved(1, 3, Map.of(20L, 3), 0),
                new SupplyWithdrawal.Moved(2, 3, Map.of(), 3));
        assertThat(withdrawal.moved().get(1).withoutSupply()).isTrue();
    }

    @Test
    void lines_whose_supply_stays_as_it_was_are_not_named() {
        SkuBook book = twoLinesOnTwoPurchaseOrders();

        assertThat(SupplyWithdrawal.of(book, List.of(20L)).moved()).containsExactly(new SupplyWithdrawal.Moved(2, 3, Map.of(), 3));
    }

    @Test
    void deciding_it_leaves_the_book_as_it_was() {
        SkuBook book = twoLinesOnTwoPurchaseOrders();

        SupplyWithdrawal.of(book, List.of(10L, 20L));

        assertThat(book.incoming()).isEqualTo(6);
        assertThat(book.changes().pegsRemoved()).isEmpty();
    }
}
