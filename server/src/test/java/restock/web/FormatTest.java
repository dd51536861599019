package restock.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How the console writes what it shows staff. */
class FormatTest {
    /**
     * The backorder queue read "8 Dec 2026 – 14 Dec 2026 (89%)" and nothing said what the 89% was: a promise says each
     * part of its range once and that the percentage is how likely the line ships by then.
     */
    @Test
    void a_promise_says_its_range_once_and_what_its_percentage_means() {
        assertThat(Format.promise(Optional.of(LocalDate.of(2026, 12, 8)), Optional.of(LocalDate.of(2026, 12, 14)), Optional.of(0.89)))
                .isEqualTo("8–14 Dec 2026 (89% likely by then)");
        assertThat(Format.promise(Optional.of(LocalDate.of(2026, 11, 28)), Optional.of(LocalDate.of(2026, 12, 3)), Optional.empty()))
                .isEqualTo("28 Nov – 3 Dec 2026");
        assertThat(Format.promise(Optional.of(LocalDate.of(2026, 12, 29)), Optional.of(LocalDate.of(2027, 1, 4)), Optional.of(0.8)))
                .isEqualTo("29 Dec 2026 – 4 Jan 2027 (80% likely by then)");
        assertThat(Format.promise(Optional.of(LocalDate.of(2026, 12, 8)), Optional.of(LocalDate.of(2026, 12, 8)), Optional.of(0.9)))
                .isEqualTo("8 Dec 2026 (90% likely by then)");
        assertThat(Format.promise(Optional.empty(), Optional.empty(), Optional.empty())).isEqualTo("no date yet");
    }

    /** A count in a sentence is grouped as the tables group it ("13,620 units", not "13620 units"), and agrees with its noun. */
    @Test
    void a_count_in_words_is_grouped_as_in_the_tables_and_its_noun_agrees() {
        assertThat(Format.plural(13_620, "unit")).isEqualTo("13,620 units");
        assertThat(Format.plural(1, "unit")).isEqualTo("1 unit");
        assertThat(Format.noun(1, "order")).isEqualTo("order");
        assertThat(Format.noun(0, "order")).isEqualTo("orders");
    }

    /**
     * The charts' axes read "2026-12-07": a chart says its days as the console does, "7 Dec", with the year on the first
     * day and on the first of each new year, so two "7 Dec" of a chart longer than a year are told apart.
     */
    @Test
    void a_charts_days_say_day_and_month_with_the_year_on_the_first_and_at_each_new_year() {
        assertThat(Format.axisDays(java.util.List.of(LocalDate.of(2025, 12, 7), LocalDate.of(2025, 12, 14), LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 12, 7)))).containsExactly("7 Dec 2025", "14 Dec", "4 Jan 2026", "7 Dec");
        assertThat(Format.axisDays(java.util.List.of())).isEmpty();
    }
}
