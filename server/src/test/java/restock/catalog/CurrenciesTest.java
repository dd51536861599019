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
            assertThatThrownBy(() -> Currencies.checked("currency", code)).as(code).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("must be the ISO 4217 code of money a shop prices in, such as GBP, EUR or USD; "
                            + code.toUpperCase(java.util.Locale.ROOT) + " (")
                    .extracting(e -> ((InvalidInput) e).field()).isEqualTo("currency");
        }
        assertThatThrownBy(() -> Currencies.checked("currency", "XAU")).hasMessageContaining("XAU (Gold) is a code for a precious metal");
    }

    /** The JDK also lists money withdrawn (DEM, FRF, ESP), which ISO 4217 keeps: a price is set only in money in use today. */
    @Test
    void a_code_of_money_no_longer_in_use_is_refused_and_named() {
        for (String code : List.of("DEM", "FRF", "ESP", "ITL", "NLG")) {
            assertThat(Currencies.isMoney(code)).as(code).isFalse();
            assertThatThrownBy(() -> Currencies.checked("currency", code)).as(code).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("must be the ISO 4217 code of money in use today").hasMessageContaining(code + " (");
        }
        assertThatThrownBy(() -> Currencies.checked("currency", "DEM")).hasMessageContaining("DEM (German Mark) is no longer in use");
    }

    /**
     * A product or supplier stored with a code before the rule (the database takes any three capitals) is read as it
     * was: its money and terms take any three capitals; the rule is asked where prices are set.
     */
    @Test
    void a_code_stored_before_the_rule_is_read_as_it_was() {
        for (String code : List.of("XXX", "XAU", "DEM", "ZZZ")) {
            assertThat(new Money(100, code).currency()).as(code).isEqualTo(code);
            assertThat(invoicingIn(code).currency()).as(code).hasValue(code);
        }
        assertThat(Currencies.minorDigits("DEM")).isEqualTo(2);
        assertThat(Currencies.minorDigits("XXX")).as("no minor units").isZero();
        assertThat(Currencies.minorDigits("ZZZ")).as("unknown").isZero();
    }

    @Test
    void a_code_iso_4217_does_not_have_is_refused() {
        for (String code : List.of("ZZZ", "GB", "GBPX", "", " GBP", "£")) {
            assertThatThrownBy(() -> Currencies.checked("currency", code)).as(code).isInstanceOf(InvalidInput.class)
                    .hasMessage("currency must be a three-letter ISO 4217 code in capital letters, such as GBP, EUR or USD, was '" + code + "'");
        }
        // Not even the shape of a stored code: money read or made refuses it as well.
        for (String code : List.of("GB", "GBPX", "", " GBP", "£")) {
            assertThatThrownBy(() -> new Money(100, code)).as(code).isInstanceOf(InvalidInput.class)
                    .hasMessage("currency must be a three-letter ISO 4217 code in capital letters, such as GBP, EUR or USD, was '" + code + "'");
        }
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(InvalidInput.class).hasMessageContaining("three-letter ISO 4217 code");
    }
}
