package restock.views;

import restock.orders.LineQuantities;
import restock.orders.OrderStatus;
import restock.payments.PaymentState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The console's rows: what each list of the operations console shows, read in one statement each by the store
 * and handed through the console's queries to the pages (plain records, no behaviour).
 */
public final class ConsoleRows {
    private ConsoleRows() {
    }

    /**
     * Today's figures on the overview. A purchase order line is late when still owed past the date first confirmed,
     * overdue when past the date it is expected now (see {@link restock.purchasing.PurchaseOrder#daysLate}). The card
     * counts the lines the overview's list of late or overdue supply lists, and the purchase orders they are on (it
     * counted purchase orders above a list of lines: "2 late" over three lines, an outside check).
     */
    public record Figures(int ordersToday, int unitsShippedToday, int waitingLines, int waitingUnits, int openPurchaseOrders,
                          int lateOrOverdueLines, int lateOrOverduePurchaseOrders, int overdueLines, int skusOutOfStock,
                          int waitlistSignUps) {
    }

    /**
     * Which purchase orders a list keeps by their lines still owed: those with a line late (past the date first
     * confirmed), overdue (past the date expected now), or either; {@code code} is the filter's value in an address.
     */
    public enum Lateness {
        LATE_OR_OVERDUE("late-or-overdue", "late or overdue"),
        LATE("late", "late"),
        OVERDUE("overdue", "overdue");

        private final String code;
        private final String words;

        Lateness(String code, String words) {
            this.code = code;
            this.words = words;
        }

        public String code() {
            return code;
        }

        /** As a list's sentence says it: "late or overdue purchase orders". */
        public String words() {
            return words;
        }

        public static Optional<Lateness> ofCode(String code) {
            return java.util.Arrays.stream(values()).filter(lateness -> lateness.code.equals(code)).findFirst();
        }
    }

    /** One day of the trend on the overview. */
    public record Day(LocalDate day, int unitsOrdered, int unitsBackordered, int unitsShipped, int unitsCancelled) {
    }

    /** A product a filter's words name: its SKU and name. */
    public record NamedProduct(String sku, String name) {
    }

    /** A line waiting in a SKU's backorder queue, with its place, age, promise and the main cause of its latest wait. */
    public record QueueLine(long orderId, int lineNumber, String sku, String name, int waiting, int priority, Instant placedAt,
                            int place, Optional<LocalDate> etaFrom, Optional<LocalDate> etaTo, Optional<Double> probability, Optional<String> cause) {
    }

    /**
     * One order in a list, with its lines' units added up (how many are reserved, waiting, refused, shipped, cancelled)
     * and the payments that hold its reserved lines back.
     */
    public record OrderRow(long id, String customerEmail, Instant placedAt, int lines, LineQuantities units, List<PaymentState> held) {
        public OrderRow {
            held = List.copyOf(held);
        }

        /**
         * The row with {@code held}: the payments of its lines whose units are all reserved but that a shipment would not
         * send (a declined card, an authorization not given yet), as the shipping rule decides.
         */
        public OrderRow withHeld(List<PaymentState> held) {
            return new OrderRow(id, customerEmail, placedAt, lines, units, held);
        }

        /**
         * The order's status as its page and the API give it. The same function over one line of the added-up units:
         * "some line waits" is "some unit waits", and so on down OrderStatus's order.
         */
        public OrderStatus status() {
            return OrderStatus.of(List.of(units.state()));
        }
    }

    /**
     * One purchase order in a list, with its due date and what is still open; late with a line still owed past the date
     * first confirmed, overdue with one past the date it is expected now (an open order only).
     */
    public record PurchaseOrderRow(long id, long supplierId, String supplier, String status, Instant createdAt, int unitsOrdered, int unitsReceived,
                                   Optional<LocalDate> nextExpected, boolean late, boolean overdue) {
    }

    /** A supplier with its purchase orders in numbers. */
    public record SupplierRow(long id, String name, int purchaseOrders, int openPurchaseOrders, int openUnits, int linesReceived,
                              int linesReceivedLate) {
    }

    /**
     * Who waits for a SKU on its waitlist: those who confirmed (the ones a notice goes to), those who signed up and have
     * not confirmed yet (double opt-in; a newcomer saw them counted as waiting), those told it is back, and since when
     * the earliest confirmed one waits.
     */
    public record WaitlistRow(String sku, String name, int waiting, int unconfirmed, int notified, Optional<Instant> oldestSignUp) {
    }

    /** A waiting order line pegged to a purchase order's line: the units that line's supply is to fill, in queue order. */
    /** An order line holding reserved units of a SKU. */
    public record ReservedLine(long orderId, int lineNumber, int reserved) {
    }

    public record PeggedLine(int purchaseOrderLine, String sku, long orderId, int orderLine, int units) {
    }

    /** A purchase order line still to arrive for a SKU. */
    public record IncomingRow(long purchaseOrderId, long supplierId, String supplier, int openUnits, LocalDate expectedDate) {
    }

    /** One movement of the stock ledger. */
    public record MovementRow(Instant occurredAt, String kind, int quantity, Optional<String> reason) {
    }

    /**
     * An open purchase order line still owed that is late (past the date first confirmed), overdue (past the date it is
     * expected now), or both: a line moved from 1 Dec to 20 Dec is, on 10 Dec, late and not overdue.
     */
    public record LateOrOverdueLine(long purchaseOrderId, long supplierId, String supplier, String sku, String name, int openUnits,
                                    LocalDate firstConfirmedDate, LocalDate expectedDate, boolean late, boolean overdue) {
        /** "late", "overdue" or "late and overdue", as the overview says it. */
        public String standing() {
            return late && overdue ? "late and overdue" : late ? "late" : "overdue";
        }
    }

    /** A waiting line whose promise has passed, or that has none. */
    public record PromiseAtRisk(long orderId, int lineNumber, String sku, String name, int waiting, Optional<LocalDate> promisedBy) {
    }

    /** A root cause of the backorder events of a period, with how many events and units it was the main cause of. */
    public record CauseCount(String cause, int events, int units) {
    }
}
