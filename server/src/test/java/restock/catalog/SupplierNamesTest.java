package restock.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The suggestion offered when a purchase order names no existing supplier. */
class SupplierNamesTest {
    private static final List<String> NAMES = List.of("Midlands Paper", "Kyoto Fans Ltd", "Nara Paper Co.", "Mid Paper");

    @Test
    void a_dropped_letter_or_other_case_suggests_the_name_meant() {
        assertThat(SupplierNames.closest("Midlnds Paper", NAMES)).contains("Midlands Paper");
        assertThat(SupplierNames.closest("kyoto fans ltd", NAMES)).contains("Kyoto Fans Ltd");
        assertThat(SupplierNames.closest("Nara Papr Co", NAMES)).contains("Nara Paper Co.");
    }

    @Test
    void a_name_without_the_words_that_end_the_real_one_suggests_it() {
        // An outside check: "Yiwu Trading" for "Yiwu Trading Ltd" (four letters short) was refused with no suggestion.
        assertThat(SupplierNames.closest("Yiwu Trading", List.of("Yiwu Trading Ltd", "Midlands Paper Goods"))).contains("Yiwu Trading Ltd");
        assertThat(SupplierNames.closest("Kyoto Fans Limited Company", List.of("Kyoto Fans"))).contains("Kyoto Fans");
        assertThat(SupplierNames.closest("Kyoto", List.of("Kyotoko Fans"))).isEmpty();
    }

    @Test
    void a_name_unlike_every_supplier_suggests_none_and_short_names_are_not_guessed_at() {
        assertThat(SupplierNames.closest("Osaka Lamps", NAMES)).isEmpty();
        assertThat(SupplierNames.closest("Mid", List.of("Mud"))).isEmpty();
        assertThat(SupplierNames.closest("Midlnds Paper", List.of())).isEmpty();
    }

    @Test
    void the_distance_counts_insertions_deletions_and_substitutions() {
        assertThat(SupplierNames.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(SupplierNames.editDistance("", "abc")).isEqualTo(3);
        assertThat(SupplierNames.editDistance("same", "same")).isZero();
    }
}
