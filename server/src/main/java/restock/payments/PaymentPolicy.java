package restock.payments;

import java.time.Duration;

/**
 * How Restock takes payment. Card authorizations expire (about 7 days at Stripe and Shopify, 29 at PayPal), so a
 * line whose promise lies beyond the window is not authorized at all: its saved payment method is charged when it
 * fills.
 */
public record PaymentPolicy(Duration authorizationWindow, CaptureAt captureAt, Duration reauthorizeAhead,
                            OnExpiry onExpiry, Duration chargeFailureHold) {
    /** When an in-stock line's authorization is captured. */
    public enum CaptureAt { SHIPMENT, ALLOCATION }

    /** What happens to an authorization that would expire before its line fills. */
    public enum OnExpiry { REAUTHORIZE, SWITCH_TO_CHARGE_WHEN_FILLED }

    public static final PaymentPolicy DEFAULT = new PaymentPolicy(Duration.ofDays(7), CaptureAt.SHIPMENT, Duration.ofDays(1),
            OnExpiry.REAUTHORIZE, Duration.ofHours(48));

    public PaymentPolicy {
        if (authorizationWindow.isNegative() || authorizationWindow.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("authorizationWindow must be 0 to 31 days, was " + authorizationWindow);
        }
        if (reauthorizeAhead.isNegative() || reauthorizeAhead.compareTo(authorizationWindow) >= 0 && !authorizationWindow.isZero()) {
            throw new IllegalArgumentException("reauthorizeAhead must be shorter than the authorization window");
        }
    }
}
