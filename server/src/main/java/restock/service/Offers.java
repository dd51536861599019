package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.common.TooManyAttempts;
import restock.engagement.CodeAttempt;
import restock.engagement.DiscountCode;
import restock.engagement.OfferRule;
import restock.engagement.RedeemedCode;
import restock.store.SqlCatalog;
import restock.store.SqlOffers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Offers: rules retailers turn on, codes issued to customers who waited, and their redemption at checkout. */
public final class Offers {
    /** Failed code attempts per customer email, and per code tried, per hour before further attempts are refused. */
    public static final int MAX_FAILED_ATTEMPTS_PER_HOUR = 10;
    /**
     * Failed attempts per client (API key and shopper address) per hour: higher than per email, because a storefront
     * that does not pass its shoppers' addresses (Restock-Client-IP) sends all of them as one client.
     */
    public static final int MAX_FAILED_ATTEMPTS_PER_CLIENT_PER_HOUR = 30;
    static final Duration ATTEMPT_WINDOW = Duration.ofHours(1);
    public static final Duration PREVIEW_PERIOD = Duration.ofDays(90);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** What an offer's unsubscribe link names the customer by: the order or the waitlist sign-up the offer came from. */
    public enum OptOutFrom {
        ORDER("offer-opt-out-order"), WAITLIST("offer-opt-out-waitlist");

        final String purpose;

        OptOutFrom(String purpose) {
            this.purpose = purpose;
        }
    }

    /** How long an unsubscribe link in an offer mail works. */
    public static final Duration OPT_OUT_LINK_LIFETIME = Duration.ofDays(365);

    /** The signed token of an offer mail's unsubscribe link. */
    public String optOutToken(restock.common.SignedLinks links, OptOutFrom from, long id) {
        return links.sign(from.purpose, id, clock.instant().plus(OPT_OUT_LINK_LIFETIME));
    }

    /** Stops offers to the customer a link names; true when the link was good (using it again changes nothing). */
    public boolean optOut(Handle handle, restock.common.SignedLinks links, String token) {
        Instant now = clock.instant();
        for (OptOutFrom from : OptOutFrom.values()) {
            Optional<restock.common.SignedLinks.Grant> grant = links.verify(token, from.purpose, now);
            if (grant.isPresent()) {
                Optional<String> email = SqlOffers.customerEmail(handle, from == OptOutFrom.ORDER, grant.get().id());
                email.ifPresent(address -> SqlOffers.optOut(handle, address, now));
                return email.isPresent();
            }
        }
        return false;
    }

    public Offers(Clock clock) {
        this.clock = clock;
    }

    /**
     * A code that cannot be used. Its order's transaction rolls back, so the failed attempt is recorded after the
     * rollback ({@link Restock#inTransaction}), never on a second connection while the SKU lock is held.
     */
    public static final class CodeRejected extends InvalidInput {
        private final transient CodeAttempt attempt;
        private final Instant at;

        CodeRejected(CodeAttempt attempt, String reason, Instant at) {
            super("discountCode", "discountCode " + attempt.code() + " cannot be used: " + reason);
            this.attempt = attempt;
            this.at = at;
        }
    }

    /** An issued code, for the message that tells the customer. */
    public record Issued(String code, int percentOff, Instant expiresAt) {
    }

    /** What a rule would have cost over the last 90 days: codes issued and their value if all were used. */
    public record Preview(int codes, Map<String, Long> costMinorByCurrency) {
    }

    public restock.engagement.ActiveOfferRule activate(Handle handle, OfferRule rule) {
        if (rule instanceof OfferRule.WaitlistDiscount discount && discount.sku().isPresent()
                && SqlCatalog.findProduct(handle, Sku.of(discount.sku().get())).isEmpty()) {
            throw new NotFound("sku", "unknown sku '" + discount.sku().get() + "'; a waitlist discount may name only a product");
        }
        return SqlOffers.activate(handle, rule, clock.instant());
    }

    /** Every rule ever turned on, active ones first, newest first (at most {@link SqlOffers#MAX_LISTED_RULES}). */
    public java.util.List<restock.engagement.ListedOfferRule> rules(Handle handle) {
        return SqlOffers.all(handle);
    }

    /** Pauses a rule (the console's pause button); codes already issued stay valid. */
    public void pause(Handle handle, long ruleId) {
        if (!SqlOffers.pause(handle, ruleId)) {
            throw new restock.common.Conflict("rule", "offer rule " + ruleId + " is not active (paused already, or no such rule)");
        }
    }

    /**
     * Resumes a paused rule (the console's resume button): the same rule issues codes again, once per cause as before (a
     * copy turned on through POST /api/offer-rules would issue a second code to a cause the first one served). The
     * active rule of its kind, if any, is paused, as turning a rule on does; its id is returned.
     */
    public Optional<Long> resume(Handle handle, long ruleId) {
        String kind = SqlOffers.pausedKind(handle, ruleId).orElseThrow(() -> new restock.common.Conflict("rule", "offer rule " + ruleId
                + " is not paused (active already, or no such rule)"));
        Optional<Long> paused = SqlOffers.pauseActive(handle, kind);
        SqlOffers.resume(handle, ruleId);
        return paused;
    }

    public Preview preview(Handle handle, OfferRule rule) {
        Instant since = clock.instant().minus(PREVIEW_PERIOD);
        Map<String, Long> cost = new TreeMap<>();
        int codes = 0;
        var cases = rule instanceof OfferRule.WaitlistDiscount ? SqlOffers.waitlistCases(handle, since)
                : rule instanceof OfferRule.LateCompensation ? SqlOffers.lateCases(handle, since)
                : SqlOffers.longWaitCases(handle, since, ((OfferRule.LongWaitThanks) rule).afterDays());
        for (SqlOffers.Case c : cases) {
            int percent = percentFor(rule, c.daysLate());
            if (percent > 0) {
                codes++;
                cost.merge(c.currency(), c.valueMinor() * percent / 100, Long::sum);
            }
        }
        return new Preview(codes, cost);
    }

    private static int percentFor(OfferRule rule, long daysLate) {
        if (rule instanceof OfferRule.WaitlistDiscount w) {
            return w.percentOff();
        }
        if (rule instanceof OfferRule.LateCompensation l) {
            return l.percentFor(daysLate);
        }
        return ((OfferRule.LongWaitThanks) rule).percentOff();
    }

    /** Issues the active rule's code of a kind to a customer, once per cause. */
    public Optional<Issued> issue(Handle handle, String kind, String cause, String email, long daysLate) {
        Optional<restock.engagement.ActiveOfferRule> active = SqlOffers.active(handle, kind);
        if (active.isEmpty() || SqlOffers.optedOut(handle, email)) {
            return Optional.empty();
        }
        OfferRule rule = active.get().rule();
        int percent = percentFor(rule, daysLate);
        if (percent == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(rule.validDays()));
        long minOrder = rule instanceof OfferRule.WaitlistDiscount w ? w.minOrderMinor() : 0;
        Optional<String> sku = rule instanceof OfferRule.WaitlistDiscount w ? w.sku() : Optional.empty();
        String code = SqlOffers.issue(handle, active.get().id(), cause, email,
                new DiscountCode(DiscountCode.generate(random), percent, minOrder, sku, expires, Optional.empty(), email), now);
        return Optional.of(new Issued(code, percent, expires));
    }

    /**
     * Checks a code for an order's value per SKU and, if it applies, marks it used by the order, all on the order's
     * own connection. A rejected code throws {@link CodeRejected}, which counts as a failed attempt once the order
     * rolled back; too many failures in an hour for the email, the code or the client stop further tries.
     */
    public DiscountCode.Redemption.Accepted redeem(Handle handle, CodeAttempt attempt, Map<String, Long> valueMinorBySku, long orderId) {
        Instant now = clock.instant();
        refuseAfterTooManyFailures(handle, attempt, now);
        DiscountCode.Redemption result = SqlOffers.lock(handle, attempt.code())
                .<DiscountCode.Redemption>map(c -> c.redeem(attempt.email(), valueMinorBySku, now))
                .orElse(new DiscountCode.Redemption.Rejected("there is no such code"));
        if (result instanceof DiscountCode.Redemption.Rejected rejected) {
            throw new CodeRejected(attempt, rejected.reason(), now);
        }
        SqlOffers.redeem(handle, attempt.code(), orderId, now);
        SqlOffers.recordAttempt(handle, attempt, true, now);
        return (DiscountCode.Redemption.Accepted) result;
    }

    /** Records what a redeemed code took off each line of its order, in the order's transaction. */
    public void recordDiscounts(Handle handle, RedeemedCode redeemed) {
        SqlOffers.recordLineDiscounts(handle, redeemed);
    }

    /** The code redeemed on an order and what it took off each line, if one was. */
    public Optional<RedeemedCode> redeemedOn(Handle handle, long orderId) {
        return SqlOffers.redeemedOn(handle, orderId);
    }

    /** The codes redeemed on these orders, by order id (orders without one are absent). */
    public Map<Long, RedeemedCode> redeemedOn(Handle handle, java.util.List<Long> orderIds) {
        return SqlOffers.redeemedOn(handle, orderIds);
    }

    /** Records a rejected code; called in a transaction of its own after the order's rolled back. */
    public void recordRejection(Handle handle, CodeRejected rejected) {
        SqlOffers.recordAttempt(handle, rejected.attempt, false, rejected.at);
    }

    private static void refuseAfterTooManyFailures(Handle handle, CodeAttempt attempt, Instant now) {
        SqlOffers.FailedAttempts failures = SqlOffers.failedAttemptsSince(handle, attempt, now.minus(ATTEMPT_WINDOW));
        if (failures.byEmail() >= MAX_FAILED_ATTEMPTS_PER_HOUR) {
            throw new TooManyAttempts("too many wrong discount codes for " + attempt.email() + "; try again in an hour", ATTEMPT_WINDOW);
        }
        if (failures.byCode() >= MAX_FAILED_ATTEMPTS_PER_HOUR) {
            throw new TooManyAttempts("too many failed attempts with discount code " + attempt.code() + "; try again in an hour", ATTEMPT_WINDOW);
        }
        if (failures.byClient() >= MAX_FAILED_ATTEMPTS_PER_CLIENT_PER_HOUR) {
            throw new TooManyAttempts("too many wrong discount codes from this client; try again in an hour", ATTEMPT_WINDOW);
        }
    }
}
