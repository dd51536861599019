package restock.web;

import restock.payments.CancelledCharge;

/**
 * What a cancelled line cost the customer, in words for staff (the console) and for the customer (the cancel page),
 * side by side: both say the one answer {@link CancelledCharge#of} gives from the line's payment.
 */
final class ChargeWords {
    private ChargeWords() {
    }

    /** For staff, after "2 × Silk Fan cancelled; ". */
    static String forStaff(CancelledCharge charge, int units) {
        return switch (charge) {
            case PAID_TO_THE_SHOP -> "Restock took no payment for " + them(units) + ", so if the customer paid the shop, the shop refunds them";
            case NOTHING_CHARGED -> "the customer was not charged";
            case HOLD_BEING_RELEASED -> "the customer was not charged (card hold being released)";
            case HOLD_RELEASED -> "the customer was not charged (card hold released)";
            case REFUND_UNDER_WAY -> "the customer's payment will be refunded";
            case REFUNDED -> "the customer's payment was refunded";
        };
    }

    /**
     * For the customer before cancelling, after "2 × Silk Fan waiting for stock.": what cancelling would do with the
     * line's payment as it stands (the page said "you have not been charged" for every order, also for one the shop
     * took payment for itself, an outside check).
     */
    static String beforeCancelling(CancelledCharge charge, int units) {
        return switch (charge) {
            case PAID_TO_THE_SHOP -> "If you paid the shop for " + them(units) + " already, the shop will refund you.";
            case NOTHING_CHARGED, HOLD_RELEASED -> "Nothing has been charged for " + them(units) + ".";
            case HOLD_BEING_RELEASED -> "Nothing has been charged for " + them(units) + "; the hold on your card will be released.";
            case REFUND_UNDER_WAY -> "What you paid for " + them(units) + " will be refunded to your card.";
            case REFUNDED -> "What you paid for " + them(units) + " was refunded to your card.";
        };
    }

    /**
     * For staff before they confirm a cancel: {@link #beforeCancelling}'s sentence, of the customer in the third person,
     * from the same answer (the console's cancel acted at once and said nothing of the payment before, an outside check).
     */
    static String beforeStaffCancels(CancelledCharge charge, int units) {
        return switch (charge) {
            case PAID_TO_THE_SHOP -> "Restock took no payment for " + them(units) + ": if the customer paid the shop already, the shop refunds them.";
            case NOTHING_CHARGED, HOLD_RELEASED -> "Nothing has been charged for " + them(units) + ".";
            case HOLD_BEING_RELEASED -> "Nothing has been charged for " + them(units) + "; the hold on the customer's card will be released.";
            case REFUND_UNDER_WAY -> "What the customer paid for " + them(units) + " will be refunded to their card.";
            case REFUNDED -> "What the customer paid for " + them(units) + " was refunded to their card.";
        };
    }

    /**
     * For the shopper on the shop's thank-you page, what paying for the order is as placed, from the answer the cancel
     * page words with {@link #beforeCancelling}, so the two agree: the page promised "Nothing is charged until it
     * ships" for an order Restock took no payment for, and its cancel page then said the shop would refund what was
     * paid (a newcomer's finding).
     */
    static String afterOrdering(CancelledCharge charge) {
        return switch (charge) {
            case PAID_TO_THE_SHOP -> "No payment was taken with this order: the shop takes payment its own way, and if you paid the shop "
                    + "for items you cancel, the shop will refund you.";
            case NOTHING_CHARGED, HOLD_RELEASED -> "Nothing has been charged yet.";
            case HOLD_BEING_RELEASED -> "Nothing has been charged yet; your card has a hold for the amount.";
            case REFUND_UNDER_WAY -> "Your card has been charged.";
            case REFUNDED -> "What you paid was refunded to your card.";
        };
    }

    /** For the customer, after "2 × Silk Fan cancelled; ". */
    static String forCustomer(CancelledCharge charge, int units) {
        return switch (charge) {
            case PAID_TO_THE_SHOP -> "if you paid the shop for " + them(units) + " already, the shop will refund you.";
            case NOTHING_CHARGED -> "nothing was charged.";
            case HOLD_BEING_RELEASED -> "nothing was charged, and the hold on your card will be released.";
            case HOLD_RELEASED -> "nothing was charged, and the hold on your card was released.";
            case REFUND_UNDER_WAY -> "the payment will be refunded to your card.";
            case REFUNDED -> "the payment was refunded to your card.";
        };
    }

    /**
     * The units a line's sentence speaks of: "it" for one, "them" for more (the cancel page said "the shop will refund
     * you for it" of 3 units, and "for them" of one, a newcomer's finding).
     */
    private static String them(int units) {
        return units == 1 ? "it" : "them";
    }
}
