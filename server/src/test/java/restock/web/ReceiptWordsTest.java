package restock.web;

import org.junit.jupiter.api.Test;
import restock.catalog.Sku;
import restock.service.PurchasingCommands;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptWordsTest {
    @Test
    void a_receipt_that_filled_no_line_says_its_units_went_to_stock() {
        assertThat(ReceiptWords.after(7, 12, List.of())).isEqualTo("12 units received on purchase order 7. No order was waiting for them, so all went to stock.");
    }

    @Test
    void a_receipt_names_its_first_filled_lines_and_counts_the_rest_with_their_units() {
        List<PurchasingCommands.Filled> filled = IntStream.rangeClosed(1, ReceiptWords.MAX_LINES_NAMED + 2)
                .mapToObj(i -> new PurchasingCommands.Filled(100 + i, 1, Sku.of("POP-1"), 10 * i, 0)).toList();

        assertThat(ReceiptWords.after(7, 280, filled)).isEqualTo("280 units received on purchase order 7. Filled, in queue order: order 101 line 1 (10), "
                + "order 102 line 1 (20), order 103 line 1 (30), order 104 line 1 (40), order 105 line 1 (50), and 2 more lines (130 units).");
    }
}
