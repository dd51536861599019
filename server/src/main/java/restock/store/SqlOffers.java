package restock.store;

import org.jdbi.v3.core.Handle;
import restock.engagement.ActiveOfferRule;
import restock.engagement.ListedOfferRule;
import restock.engagement.DiscountCode;
import restock.engagement.OfferRule;
import restock.engagement.CodeAttempt;
import restock.engagement.RedeemedCode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Offer rules, issued codes and redemption attempts. */
public final class SqlOffers {
    private SqlOffers() {
    }

    /** Turns a rule on, replacing the active rule of the same kind. */
    public static ActiveOfferRule activate(Handle handle, OfferRule rule, Instant now) {
        // Two activations at once would both deactivate the old rule and insert, and the second would break the
        // one-active-rule-per-kind index: they take turns. Reads, and issuing codes, are not blocked.
        handle.execute("lock table offer_rules in share row exclusive mode");
        handle.createUpdate("update offer_rules set active = false where kind = :kind and active").bind("kind", rule.kind()).execute();
        var insert = handle.createQuery("""
                        insert into offer_rules (kind, percent_off, percent_per_week, cap_percent, after_days, valid_days,
                                                 min_order_minor, sku, created_at)
                        values (:kind, :percent, :perWeek, :cap, :after, :valid, :min, :sku, :at) returning id""")
                .bind("kind", rule.kind()).bind("valid", rule.validDays()).bind("at", SqlPurchasing.utc(now))
                .bind("percent", (Integer) null).bind("perWeek", (Integer) null).bind("cap", (Integer) null).bind("after", (Integer) null)
                .bind("min", 0L).bind("sku", (String) null);
        if (rule instanceof OfferRule.WaitlistDiscount w) {
            insert.bind("percent", w.percentOff()).bind("min", w.minOrderMinor()).bind("sku", w.sku().orElse(null));
        } else if (rule instanceof OfferRule.LateCompensation l) {
            insert.bind("perWeek", l.percentPerWeekLate()).bind("cap", l.capPercent());
        } else if (rule instanceof OfferRule.LongWaitThanks t) {
            insert.bind("percent", t.percentOff()).bind("after", t.afterDays());
        }
        return new ActiveOfferRule(insert.mapTo(Long.class).one(), rule);
    }

    public static Optional<ActiveOfferRule> active(Handle handle, String kind) {
        return handle.createQuery("select * from offer_rules where kind = :kind and active").bind("kind", kind)
                .map((rs, ctx) -> new ActiveOfferRule(rs.getLong("id"), rule(rs))).findOne();
    }


    /** The most rules a list holds: one active per kind, and the paused ones before them, newest first. */
    public static final int MAX_LISTED_RULES = 200;

    /** Every rule ever activated, active ones first, newest first. */
    public static List<ListedOfferRule> all(Handle handle) {
        return handle.createQuery("select * from offer_rules order by active desc, id desc limit :limit").bind("limit", MAX_LISTED_RULES)
                .map((rs, ctx) -> new ListedOfferRule(rs.getLong("id"), rule(rs), rs.getBoolean("active"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Pauses an active rule: it issues no more codes; codes issued stay valid. False when it was not active. */
    public static boolean pause(Handle handle, long id) {
        return handle.createUpdate("update offer_rules set active = false where id = :id and active").bind("id", id).execute() == 1;
    }

    /**
     * The kind of a paused rule, locking the rules so that turning one on takes turns (one active rule per kind); empty
     * when the rule is active or there is none.
     */
    public static Optional<String> pausedKind(Handle handle, long id) {
        handle.execute("lock table offer_rules in share row exclusive mode");
        return handle.createQuery("select kind from offer_rules where id = :id and not active").bind("id", id).mapTo(String.class).findOne();
    }

    /** Pauses the active rule of a kind, if there is one, and returns its id. */
    public static Optional<Long> pauseActive(Handle handle, String kind) {
        return handle.createQuery("update offer_rules set active = false where kind = :kind and active returning id")
                .bind("kind", kind).mapTo(Long.class).findOne();
    }

    /** Turns a paused rule on again, the same row: the codes it issued stay once per cause. */
    public static void resume(Handle handle, long id) {
        handle.createUpdate("update offer_rules set active = true where id = :id and not active").bind("id", id).execute();
    }

    private static OfferRule rule(ResultSet rs) throws SQLException {
        return switch (rs.getString("kind")) {
            case "waitlist_discount" -> new OfferRule.WaitlistDiscount(rs.getInt("percent_off"), rs.getInt("valid_days"),
                    rs.getLong("min_order_minor"), Optional.ofNullable(rs.getString("sku")));
            case "late_compensation" -> new OfferRule.LateCompensation(rs.getInt("percent_per_week"), rs.getInt("cap_percent"), rs.getInt("valid_days"));
            case "long_wait_thanks" -> new OfferRule.LongWaitThanks(rs.getInt("after_days"), rs.getInt("percent_off"), rs.getInt("valid_days"));
            default -> throw new IllegalStateException("unknown offer kind " + rs.getString("kind"));
        };
    }

    /** Issues a code once per rule and cause; returns the code (new or the one issued before). */
    public static String issue(Handle handle, long ruleId, String cause, String email, DiscountCode code, Instant now) {
        handle.createUpdate("""
                        insert into discount_codes (code, rule_id, cause, customer_email, percent_off, min_order_minor, sku, issued_at, expires_at)
                        values (:code, :rule, :cause, :email, :percent, :min, :sku, :at, :expires)
                        on conflict (rule_id, cause) do nothing""")
                .bind("code", code.code()).bind("rule", ruleId).bind("cause", cause).bind("email", email)
                .bind("percent", code.percentOff()).bind("min", code.minOrderMinor()).bind("sku", code.sku().orElse(null))
                .bind("at", SqlPurchasing.utc(now)).bind("expires", SqlPurchasing.utc(code.expiresAt()))
                .execute();
        return handle.createQuery("select code from discount_codes where rule_id = :rule and cause = :cause")
                .bind("rule", ruleId).bind("cause", cause).mapTo(String.class).one();
    }

    /** The code, locked for redemption. */
    public static Optional<DiscountCode> lock(Handle handle, String code) {
        return handle.createQuery("select * from discount_codes where code = :code for update").bind("code", code)
                .map((rs, ctx) -> new DiscountCode(rs.getString("code"), rs.getInt("percent_off"), rs.getLong("min_order_minor"),
                        Optional.ofNullable(rs.getString("sku")), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("redeemed_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        rs.getString("customer_email")))
                .findOne();
    }

    public static void redeem(Handle handle, String code, long orderId, Instant now) {
        handle.createUpdate("update discount_codes set redeemed_at = :at, redeemed_order_id = :order where code = :code and redeemed_at is null")
                .bind("at", SqlPurchasing.utc(now)).bind("order", orderId).bind("code", code).execute();
    }

    public static void recordLineDiscounts(Handle handle, RedeemedCode redeemed) {
        for (RedeemedCode.LineDiscount line : redeemed.lines()) {
            handle.createUpdate("""
                            insert into order_line_discounts (order_line_id, code, unit_price_minor, unit_discount_minor, units, currency)
                            values (:line, :code, :price, :off, :units, :currency)""")
                    .bind("line", line.orderLineId()).bind("code", redeemed.code()).bind("price", line.unitPriceMinor())
                    .bind("off", line.unitDiscountMinor()).bind("units", line.units()).bind("currency", line.currency()).execute();
        }
    }

    /** The code redeemed on an order, with what it took off each line (none for an order redeemed before lines were recorded). */
    public static Optional<RedeemedCode> redeemedOn(Handle handle, long orderId) {
        return Optional.ofNullable(redeemedOn(handle, List.of(orderId)).get(orderId));
    }

    /** One row of a redeemed code with one line it took something off (none for an order redeemed before lines were recorded). */
    private record RedeemedRow(long orderId, String code, int percentOff, Optional<RedeemedCode.LineDiscount> line) {
    }

    /** The codes redeemed on these orders, by order id, each with what it took off each line; in one statement (a pick list page). */
    public static java.util.Map<Long, RedeemedCode> redeemedOn(Handle handle, List<Long> orderIds) {
        List<RedeemedRow> rows = handle.createQuery("""
                        select c.redeemed_order_id, c.code, c.percent_off,
                               d.order_line_id, d.unit_price_minor, d.unit_discount_minor, d.units, d.currency
                        from discount_codes c left join order_line_discounts d on d.code = c.code
                        where c.redeemed_order_id = any(:orders) order by c.redeemed_order_id, d.order_line_id""")
                .bindArray("orders", Long.class, orderIds)
                .map((rs, ctx) -> new RedeemedRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4) == null ? Optional.empty()
                        : Optional.of(new RedeemedCode.LineDiscount(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getString(8)))))
                .list();
        java.util.Map<Long, RedeemedCode> redeemed = new java.util.HashMap<>();
        rows.stream().collect(java.util.stream.Collectors.groupingBy(RedeemedRow::orderId)).forEach((order, ofOrder) ->
                redeemed.put(order, new RedeemedCode(ofOrder.get(0).code(), ofOrder.get(0).percentOff(),
                        ofOrder.stream().flatMap(row -> row.line().stream()).toList())));
        return redeemed;
    }

    /** Failed attempts since a moment by the attempt's email, with its code, and from its client. */
    public record FailedAttempts(int byEmail, int byCode, int byClient) {
    }

    public static FailedAttempts failedAttemptsSince(Handle handle, CodeAttempt attempt, Instant since) {
        return handle.createQuery("""
                        select (select count(*) from redemption_attempts
                                where lower(customer_email) = lower(:email) and not succeeded and attempted_at > :since),
                               (select count(*) from redemption_attempts where code = :code and not succeeded and attempted_at > :since),
                               (select count(*) from redemption_attempts where client = :client and not succeeded and attempted_at > :since)""")
                .bind("email", attempt.email()).bind("code", attempt.code()).bind("client", attempt.client().orElse(null))
                .bind("since", SqlPurchasing.utc(since))
                .map((rs, ctx) -> new FailedAttempts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).one();
    }

    public static void recordAttempt(Handle handle, CodeAttempt attempt, boolean succeeded, Instant now) {
        handle.createUpdate("""
                        insert into redemption_attempts (customer_email, code, client, succeeded, attempted_at)
                        values (:email, :code, :client, :ok, :at)""")
                .bind("email", attempt.email()).bind("code", attempt.code()).bind("client", attempt.client().orElse(null))
                .bind("ok", succeeded).bind("at", SqlPurchasing.utc(now)).execute();
    }

    /** What a rule would have issued over a period: the value (minor units) of each case it would have covered, by currency. */
    public record Case(String currency, long valueMinor, long daysLate) {
    }

    public static List<Case> waitlistCases(Handle handle, Instant since) {
        return handle.createQuery("""
                        select p.currency, p.price_minor * w.quantity as value, 0 as late from waitlist w join products p on p.sku = w.sku
                        where w.notified_at > :since""")
                .bind("since", SqlPurchasing.utc(since)).map((rs, ctx) -> new Case(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    public static List<Case> lateCases(Handle handle, Instant since) {
        return handle.createQuery("""
                        select p.currency, p.price_minor * l.quantity as value,
                               (lp.filled_at at time zone 'UTC')::date - lp.first_eta_to as late
                        from line_promises lp join order_lines l on l.id = lp.order_line_id join products p on p.sku = l.sku
                        where lp.filled_at > :since and lp.first_eta_to is not null""")
                .bind("since", SqlPurchasing.utc(since)).map((rs, ctx) -> new Case(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    public static List<Case> longWaitCases(Handle handle, Instant since, int afterDays) {
        return handle.createQuery("""
                        select p.currency, p.price_minor * l.quantity as value, 0 as late
                        from order_events e join order_lines l on l.id = e.order_line_id join products p on p.sku = l.sku
                        where e.kind = 'shipped' and e.occurred_at > :since and e.occurred_at - l.placed_at >= make_interval(days => :after)""")
                .bind("since", SqlPurchasing.utc(since)).bind("after", afterDays)
                .map((rs, ctx) -> new Case(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** Whether the customer asked for no more offers. */
    public static boolean optedOut(Handle handle, String email) {
        return handle.createQuery("select exists (select 1 from offer_opt_outs where customer_email = lower(:email))")
                .bind("email", email).mapTo(Boolean.class).one();
    }

    public static void optOut(Handle handle, String email, Instant now) {
        handle.createUpdate("insert into offer_opt_outs (customer_email, opted_out_at) values (lower(:email), :at) on conflict do nothing")
                .bind("email", email).bind("at", SqlPurchasing.utc(now)).execute();
    }

    /** The email of an order's customer, or of a waitlist sign-up. */
    public static Optional<String> customerEmail(Handle handle, boolean order, long id) {
        return handle.createQuery(order ? "select customer_email from orders where id = :id" : "select email from waitlist where id = :id")
                .bind("id", id).mapTo(String.class).findOne();
    }
}
