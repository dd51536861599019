package restock.web;

import io.javalin.http.Context;
import restock.catalog.Sku;
import restock.service.ConsoleQueries;
import restock.service.Restock;
import restock.service.StockCommands;

import java.util.List;
import java.util.Optional;

/**
 * The SKU page's stock count: recorded once per form, after a second press when it is far from the record, and said as
 * a count when it is below what is reserved ({@link CountWords}).
 */
final class StockCountForm {
    /** The SKU page's stock count form. */
    static final ConsoleForm FORM = new ConsoleForm("count", "The count was not recorded", List.of(
            ConsoleForm.Field.of("counted", "Counted on the shelf", "countedQuantity"), ConsoleForm.Field.of("reason", "Note")), List.of());
    /** The count form's hidden field carrying a count far from the record that the page asked to confirm ({@link restock.inventory.CountCheck}). */
    static final String CONFIRM_COUNT_FIELD = "confirm-count";

    private final Console console;
    private final Restock restock;
    private final ConsolePages pages;

    StockCountForm(Console console, Restock restock, ConsolePages pages) {
        this.console = console;
        this.restock = restock;
        this.pages = pages;
    }

    /** A stock count from the shelf: the ledger records the difference, and freed or missing units move the queue. */
    void record(Context ctx) {
        Sku sku = ConsolePages.sku(ctx);
        int counted = FormNumbers.COUNTED.read("counted", ctx.formParam("counted"));
        String reason = java.util.Optional.ofNullable(ctx.formParam("reason")).map(String::strip).filter(r -> !r.isEmpty())
                .orElse("counted by " + console.staff(ctx).username());
        // A count far from the record is recorded on a second press with the same number (the page carries it back).
        boolean farConfirmed = Integer.toString(counted).equals(Optional.ofNullable(ctx.formParam(CONFIRM_COUNT_FIELD)).map(String::strip).orElse(""));
        String message;
        try {
            // Once per form: a count sent again after stock moved set the shelf back to the old count.
            message = OnceKeys.onceSaid(restock, ctx, "console count " + console.staff(ctx).username(), "count " + sku.code() + " " + counted
                    + " " + reason, "reload the page to count again", h -> {
                        StockCommands.CountOutcome outcome = restock.stock().countFromShelf(h, sku, counted, reason, farConfirmed);
                        if (!(outcome instanceof StockCommands.CountOutcome.Recorded recorded)) {
                            // Thrown so that the form's key keeps no answer: nothing was recorded.
                            throw new CountHeldBack(outcome);
                        }
                        return "Count recorded for " + sku.code() + ": " + Format.count(recorded.after().onHand()) + " on hand (was "
                                + Format.count(recorded.onHandBefore()) + ").";
                    });
        } catch (CountHeldBack held) {
            ctx.status(409);
            pages.skuPage(ctx, heldBack(ctx, sku, counted, held.outcome));
            return;
        }
        console.done(ctx, "/console/skus/" + sku.code(), message);
    }

    /** The count form again: asking to confirm a count far from the record, or saying why one below what is reserved was not recorded. */
    private FormState heldBack(Context ctx, Sku sku, int counted, StockCommands.CountOutcome outcome) {
        if (outcome instanceof StockCommands.CountOutcome.FarFromRecord far) {
            return FORM.refused(ctx, List.of(new ConsoleForm.Refused("counted", CountWords.far(far)))).confirming(Integer.toString(counted));
        }
        var below = (StockCommands.CountOutcome.BelowReserved) outcome;
        var holders = new ConsoleQueries(restock).reservedBy(sku, ConsoleQueries.PAGE_ROWS);
        return FORM.refused(ctx, List.of(new ConsoleForm.Refused(null, CountWords.belowReserved(sku, below, holders))));
    }

    /** A count from the shelf that recorded nothing: the form says why. */
    private static final class CountHeldBack extends RuntimeException {
        private final transient StockCommands.CountOutcome outcome;

        CountHeldBack(StockCommands.CountOutcome outcome) {
            super("count held back: " + outcome, null, false, false);
            this.outcome = outcome;
        }
    }
}
