package restock.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The record as it stood when a line had to wait or was refused: what the cause analysis decides on. Every figure
 * is as of the event, read from append-only history (the stock ledger, receipts, order events), so a later change
 * cannot rewrite why an earlier backorder happened.
 *
 * @param baselineDailyDemand units asked for per day over the days before the lead-time window, oldest first
 * @param leadTimeDemand      units asked for over the lead-time window that ends on the event's day (the event's own
 *                            line included)
 * @param onHandAtWindowStart units on hand when the lead-time window began
 * @param onHandAtEvent       units physically on hand at the event (the ledger's balance)
 * @param unitsOrderedInWindow units on purchase orders placed during the window or open at its start, due by the event
 * @param openPurchaseOrderLinesAtEvent purchase order lines for the SKU open at the event
 * @param dueSupply           purchase order lines whose supplier-confirmed date fell before the event's day
 * @param countLosses         cycle counts during the window that found less than the record showed
 * @param heldUnitsAtEvent    units on hand held for notified waitlisters at the event
 * @param beforeRelease       the product's release day had not come
 */
public record BackorderMoment(long eventId, long lineId, String sku, Outcome outcome, int quantity, LocalDate day,
                              int leadTimeDays, double[] baselineDailyDemand, int leadTimeDemand, int onHandAtWindowStart,
                              int onHandAtEvent, int unitsOrderedInWindow, int openPurchaseOrderLinesAtEvent,
                              List<DueSupply> dueSupply, List<CountLoss> countLosses,
                              int heldUnitsAtEvent, boolean beforeRelease) {
    /** The most lead-time days looked back over. */
    public static final int MAX_LEAD_TIME_DAYS = 365;

    public BackorderMoment {
        if (quantity <= 0) {
            throw new IllegalStateException("backorder event " + eventId + " of " + sku + " has quantity " + quantity);
        }
        if (leadTimeDays < 1 || leadTimeDays > MAX_LEAD_TIME_DAYS) {
            throw new IllegalStateException("backorder event " + eventId + " of " + sku + " has a lead time of " + leadTimeDays
                    + " days, outside 1.." + MAX_LEAD_TIME_DAYS);
        }
        if (heldUnitsAtEvent < 0 || onHandAtEvent < 0 || onHandAtWindowStart < 0 || leadTimeDemand < 0 || unitsOrderedInWindow < 0) {
            throw new IllegalStateException("backorder event " + eventId + " of " + sku + " has a negative figure: on hand "
                    + onHandAtEvent + ", at window start " + onHandAtWindowStart + ", demand " + leadTimeDemand + ", ordered "
                    + unitsOrderedInWindow);
        }
        baselineDailyDemand = baselineDailyDemand.clone();
        dueSupply = List.copyOf(dueSupply);
        countLosses = List.copyOf(countLosses);
    }

    /** Whether the line waited for supply or was refused. */
    public enum Outcome {
        WAITED("waited"), REFUSED("refused");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * A purchase order line the supplier had confirmed for a day before the event.
     *
     * @param receivedByEvent units received up to the event
     * @param closedShort     its order was closed or cancelled before the event with units never received
     */
    public record DueSupply(long purchaseOrderLineId, String supplier, LocalDate confirmedDate, int ordered, int receivedByEvent,
                            boolean closedShort) {
        /** Units the supplier owed and had not delivered by the event. */
        public int missingUnits() {
            return Math.max(0, ordered - receivedByEvent);
        }
    }

    /** A cycle count that found fewer units than the record showed. */
    public record CountLoss(LocalDate day, int unitsMissing) {
    }
}
