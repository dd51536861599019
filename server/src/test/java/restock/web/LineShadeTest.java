package restock.web;

import org.junit.jupiter.api.Test;
import restock.catalog.Sku;
import restock.purchasing.PurchaseOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a purchase order's page shades each line: by what the line is, one shade a row, each named by the key. */
class LineShadeTest {
    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final LocalDate TODAY = DUE.plusDays(6);

    /**
     * A line overdue with nothing arrived was shaded and keyed "came late or came short" (an outside check); a line that
     * came late and short showed the short colour while the key also offered the late one, which no row showed.
     */
    @Test
    void each_line_is_shaded_as_what_it_is() {
        assertThat(shade(PurchaseOrder.Status.OPEN, 0, Optional.empty(), DUE)).as("nothing arrived, past its date").contains(LineShade.OWED);
        assertThat(shade(PurchaseOrder.Status.OPEN, 0, Optional.empty(), DUE.plusDays(10))).as("moved later, nothing arrived by the date first confirmed")
                .contains(LineShade.OWED);
        assertThat(shade(PurchaseOrder.Status.OPEN, 4, Optional.of(DUE), DUE)).as("came on its day, the rest overdue").contains(LineShade.OWED);
        assertThat(shade(PurchaseOrder.Status.OPEN, 10, Optional.of(DUE.plusDays(2)), DUE)).as("came late, in full").contains(LineShade.LATE);
        assertThat(shade(PurchaseOrder.Status.CLOSED, 4, Optional.of(DUE), DUE)).as("came short on its day").contains(LineShade.SHORT);
        assertThat(shade(PurchaseOrder.Status.CLOSED, 4, Optional.of(DUE.plusDays(2)), DUE)).as("came late and short: shaded short")
                .contains(LineShade.SHORT);
        assertThat(shade(PurchaseOrder.Status.OPEN, 10, Optional.of(DUE), DUE)).as("came on its day, in full").isEmpty();
        PurchaseOrder dueToday = order(PurchaseOrder.Status.OPEN, line(1, 0, Optional.empty(), DUE));
        assertThat(LineShade.of(dueToday, dueToday.lines().get(0), DUE)).as("due today, nothing arrived yet").isEmpty();
    }

    /** The key names the shades the page's rows show, and only those. */
    @Test
    void the_key_names_only_the_shades_the_rows_show() {
        PurchaseOrder lateAndShort = order(PurchaseOrder.Status.CLOSED, line(1, 4, Optional.of(DUE.plusDays(2)), DUE),
                line(2, 10, Optional.of(DUE), DUE));

        assertThat(LineShade.onPage(lateAndShort, TODAY)).containsExactly(LineShade.SHORT);
        assertThat(LineShade.classOf(lateAndShort, lateAndShort.lines().get(1), TODAY)).isEmpty();
    }

    private static Optional<LineShade> shade(PurchaseOrder.Status status, int received, Optional<LocalDate> arrived, LocalDate expected) {
        PurchaseOrder order = order(status, line(1, received, arrived, expected));
        return LineShade.of(order, order.lines().get(0), TODAY);
    }

    private static PurchaseOrder order(PurchaseOrder.Status status, PurchaseOrder.Line... lines) {
        return new PurchaseOrder(1, "Kite Works", status, DUE.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC), List.of(lines));
    }

    /** Ten units ordered, first confirmed for {@link #DUE}, expected now on {@code expected}. */
    private static PurchaseOrder.Line line(int number, int received, Optional<LocalDate> arrived, LocalDate expected) {
        Optional<Instant> at = arrived.map(day -> day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        return new PurchaseOrder.Line(number, number, Sku.of("KITE-" + number), 10, received, expected, at, at, DUE);
    }
}
