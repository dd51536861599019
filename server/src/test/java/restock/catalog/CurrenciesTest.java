package restock.catalog;

import org.junit.jupiter.api.Test;
import restock.common.InvalidInput;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A price is in money named by its ISO 4217 code in capitals; products and suppliers hold to the one rule. */
class CurrenciesTest {
    private static Supplier invoicingIn(String currency) {
        return new Supplier(1, "Kyoto Fans Ltd", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 1,
                Optional.of(currency));
    }

    @Test
    void money_of_any_country_is_taken_also_without_minor_units_of_its_own() {
        for (String code : List.of("GBP", "EUR", "USD", "JPY", "CHF", "XAF", "XOF", "XCD", "XPF", "KWD")) {
            assertThat(Currencies.isMoney(code)).as(code).isTrue();
            assertThat(new Money(100, code).currency()).isEqualTo(code);
            assertThat(invoicingIn(code).currency()).hasValue(code);
        }
    }

    @Test
    void a_code_in_lower_case_is_refused_with_the_code_to_type() {
        for (String code : List.of("gbp", "Gbp", "eur")) {
            String upper = code.toUpperCase(java.util.Locale.ROOT);
            assertThatThrownBy(() -> new Money(100, code)).as(code).isInstanceOf(InvalidInput.class)
                    .hasMessage("currency must be in capital letters, as ISO 4217 writes it: " + upper + ", was '" + code + "'");
            assertThatThrownBy(() -> invoicingIn(code)).as(code).isInstanceOf(InvalidInput.class).hasMessageContaining("capital letters, as ISO 4217 writes it: " + upper);
        }
    }

    /** ISO 4217 names metals, units of account, a test code and no currency at all; none is what a shop's prices are in. */
    @Test
    void a_code_that_is_not_money_is_refused_and_named() {
        for (String code : List.of("XXX", "XAU", "XAG", "XPT", "XPD", "XTS", "XDR", "XBA", "XSU", "XUA", "xau")) {
            assertThat(Currencies.isMoney(code)).as(code).isFalse();
            assertThatThrownBy(() -> new Money(100, code)).as(code).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("must be the ISO 4217 code of money a shop prices in, such as GBP, EUR or USD; "
                            + code.toUpperCase(java.util.Locale.ROOT) + " (")
                    .extracting(e -> ((InvalidInput) e).field()).isEqualTo("currency");
            assertThatThrownBy(() -> invoicingIn(code)).as(code).isInstanceOf(InvalidInput.class).hasMessageContaining("money a shop prices in");
        }
        assertThatThrownBy(() -> new Money(100, "XAU")).hasMessageContaining("XAU (Gold) is a code for a precious metal");
    }

    @Test
    void a_code_iso_4217_does_not_have_is_refused() {
        for (String code : List.of("ZZZ", "GB", "GBPX", "", " GBP", "£")) {
            assertThatThrownBy(() -> new Money(100, code)).as(code).isInstanceOf(InvalidInput.class)
                    .hasMessage("currency must be a three-letter ISO 4217 code in capital letters, such as GBP, EUR or USD, was '" + code + "'");
        }
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(InvalidInput.class).hasMessageContaining("three-letter ISO 4217 code");
    }
}
