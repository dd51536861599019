package restock.catalog;

import org.junit.jupiter.api.Test;
import restock.common.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {
    private static Product named(String name) {
        return new Product(Sku.of("22423"), name, new Money(1_275, "GBP"), new BackorderPolicy.Never());
    }

    /** A name with a line break stopped every mail behind the first that named it (an outside check): names are one line. */
    @Test
    void a_name_is_one_line_without_control_characters() {
        for (String name : new String[] {"Two\nlines", "carriage\rreturn", "tab\there", "nul\u0000byte", "delete\u007f", "next\u0085line",
                "csi\u009b", "line\u2028separator", "paragraph\u2029separator", "abc\u202Eevil", "isolate\u2066x\u2069"}) {
            assertThatThrownBy(() -> named(name)).as(name).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("one line without control characters")
                    .extracting(e -> ((InvalidInput) e).field()).isEqualTo("name");
        }
        assertThat(named("Regency Cakestand 3 Tier – Ü 日本").name()).isEqualTo("Regency Cakestand 3 Tier – Ü 日本");
    }

    /** A re-check created a supplier and a category named over two lines. */
    @Test
    void supplier_and_category_names_are_one_line_too() {
        assertThatThrownBy(() -> Supplier.named(1, "Evil\nSupplier")).isInstanceOf(InvalidInput.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> Supplier.named(1, "Evil\u2028Supplier")).isInstanceOf(InvalidInput.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> new Category("gifts", "Gifts\tand toys")).isInstanceOf(InvalidInput.class).hasMessageContaining("one line");
        assertThat(Supplier.named(1, "Hangzhou Giftware Co. – 杭州").name()).isEqualTo("Hangzhou Giftware Co. – 杭州");
    }
}
