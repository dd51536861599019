package restock.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.jdbi.v3.core.Handle;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.planning.DemandBuckets;
import restock.planning.DemandForecast;
import restock.planning.DemandHistory;
import restock.service.Restock;
import restock.support.TestDatabases;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan reads a SKU's demand as weekly, monthly and daily sums made by the database ({@link SqlDemand#buckets});
 * the chart and the forecast route bucket the daily history in Java ({@link DemandBuckets#of}). Both must give the same
 * totals, or the plan's forecast is not the one the chart and the route show: random histories, and the calendar's
 * edges by name, compare the two.
 */
class DemandBucketsReadProperties {
    private static final AtomicInteger SKUS = new AtomicInteger();
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private static restock.store.Database database;
    private static Restock restock;

    /** One unit of demand as it is stored: an order line or a waitlist sign-up, at a second of a day before (or on) today. */
    record Asked(int daysBeforeToday, int secondOfDay, int quantity, boolean waitlist) {
    }

    /** A history to read: the day it is read on, how many days before it, and the demand asked for. */
    record History(LocalDate today, int historyDays, List<Asked> asked) {
    }

    @Property(tries = 150)
    void the_database_sums_the_same_weeks_months_and_days_as_the_java_bucketing(@ForAll("histories") History history) {
        readsAgree(history);
    }

    @Example
    void a_history_read_on_a_monday_has_last_week_complete() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        readsAgree(new History(monday, DemandForecast.HISTORY_DAYS, everyDay(DemandForecast.HISTORY_DAYS + 3)));
        assertThat(DemandBuckets.Window.of(monday, DemandForecast.HISTORY_DAYS).weeks()).isEqualTo(DemandBuckets.MAX_WEEKS);
    }

    @Example
    void a_history_read_on_the_first_of_a_month_has_last_month_complete() {
        readsAgree(new History(LocalDate.of(2026, 12, 1), DemandForecast.HISTORY_DAYS, everyDay(DemandForecast.HISTORY_DAYS + 3)));
    }

    @Example
    void the_leap_day_counts_in_february_and_in_its_week() {
        LocalDate today = LocalDate.of(2024, 3, 1);
        History history = new History(today, 400, List.of(new Asked(1, 0, 5, false), new Asked(1, 86_399, 2, true),
                new Asked(2, 43_200, 3, false), new Asked(30, 0, 7, false)));
        DemandBuckets read = readsAgree(history);
        assertThat(read.months()[read.months().length - 1]).isEqualTo(10.0); // 28 and 29 February; 31 January is not February
        assertThat(read.weeks()[read.weeks().length - 1]).isEqualTo(0.0); // Monday 26 February's week is the current one
    }

    @Example
    void a_bucket_that_starts_on_the_first_day_of_the_history_is_complete() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        DemandBuckets weeks = readsAgree(new History(monday, 140, everyDay(150)));
        assertThat(weeks.weeks()).hasSize(20).containsOnly(7);
        LocalDate first = LocalDate.of(2026, 12, 1);
        DemandBuckets months = readsAgree(new History(first, (int) java.time.temporal.ChronoUnit.DAYS.between(first.minusMonths(3), first),
                everyDay(120)));
        assertThat(months.months()).containsExactly(30, 31, 30); // September, October, November
    }

    @Example
    void a_history_shorter_than_a_week_has_no_buckets_only_days() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        DemandBuckets read = readsAgree(new History(thursday, 5, everyDay(10)));
        assertThat(read.weeks()).isEmpty();
        assertThat(read.months()).isEmpty();
        assertThat(read.latestDays()).containsExactly(1, 1, 1, 1, 1);
    }

    @Example
    void a_bucket_the_history_starts_inside_of_is_left_out_but_its_days_are_kept() {
        // Read on Thursday 26 November over 12 days: from Saturday 14 November, so the week of 9 November is only partly
        // covered; its Sunday's 9 units are among the latest days but in no week.
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        DemandBuckets read = readsAgree(new History(thursday, 12, List.of(new Asked(10, 0, 4, false), new Asked(11, 0, 9, false),
                new Asked(8, 3_600, 2, true))));
        assertThat(read.weeks()).containsExactly(6);
        assertThat(read.months()).isEmpty();
        assertThat(read.latestDays()).startsWith(0, 9, 4);
    }

    @Example
    void first_demand_in_the_middle_of_a_week_and_a_month_counts_in_both() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        DemandBuckets read = readsAgree(new History(today, 200, List.of(new Asked(50, 61, 3, false)))); // Wednesday 7 October
        assertThat(read.weeks()).contains(3.0);
        assertThat(read.months()).contains(3.0);
    }

    @Example
    void demand_at_the_edges_of_a_utc_day_counts_on_that_day_and_demand_of_today_not_at_all() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        DemandBuckets read = readsAgree(new History(monday, 30, List.of(new Asked(1, 86_399, 5, false), new Asked(0, 0, 8, false),
                new Asked(0, 86_399, 1, true), new Asked(7, 0, 2, true), new Asked(8, 86_399, 4, false))));
        assertThat(read.weeks()).endsWith(4, 7);
        assertThat(read.latestDays()).endsWith(5);
    }

    /** Reads the history both ways, holds them equal and returns the database's buckets. */
    private static DemandBuckets readsAgree(History history) {
        Sku sku = Sku.of("B" + SKUS.incrementAndGet());
        restock().inTransaction(h -> {
            restock.catalog().create(h, new Product(sku, "Bucket test " + sku, new Money(100, "GBP"), new BackorderPolicy.Never()));
            history.asked().forEach(asked -> store(h, sku, history.today(), asked));
            return null;
        });
        LocalDate today = history.today();
        double[] daily = expectedDaily(history);
        DemandBuckets inJava = DemandBuckets.of(daily, today);
        DemandBuckets inSql = restock().inTransaction(h -> {
            // The sums are days of UTC whatever the session's zone (St John's is 3.5 hours behind, with summer time).
            h.execute("set local time zone 'America/St_Johns'");
            return SqlDemand.buckets(h, sku, DemandBuckets.Window.of(today, history.historyDays()));
        });
        double[] dailyRead = restock().read(h -> SqlDemand.days(h, sku, today.minusDays(history.historyDays()), today.minusDays(1)))
                .stream().mapToDouble(DemandHistory.Period::demand).toArray();
        assertThat(dailyRead).as("the daily read of %s over %d days", today, history.historyDays()).containsExactly(daily);
        String what = "%s read on %s (%s) over %d days".formatted(sku, today, today.getDayOfWeek(), history.historyDays());
        assertThat(inSql.today()).isEqualTo(today);
        assertThat(inSql.weeks()).as("weeks of " + what).containsExactly(inJava.weeks());
        assertThat(inSql.months()).as("months of " + what).containsExactly(inJava.months());
        assertThat(inSql.latestDays()).as("latest days of " + what).containsExactly(inJava.latestDays());
        return inSql;
    }

    /** What the history asks for on each of its days, as the planner counts it (order lines and waitlist sign-ups). */
    private static double[] expectedDaily(History history) {
        double[] daily = new double[history.historyDays()];
        for (Asked asked : history.asked()) {
            int index = history.historyDays() - asked.daysBeforeToday();
            if (asked.daysBeforeToday() >= 1 && index >= 0) {
                daily[index] += asked.quantity();
            }
        }
        return daily;
    }

    private static void store(Handle h, Sku sku, LocalDate today, Asked asked) {
        var at = today.minusDays(asked.daysBeforeToday()).atStartOfDay().plusSeconds(asked.secondOfDay()).atOffset(ZoneOffset.UTC);
        if (asked.waitlist()) {
            h.createUpdate("""
                            insert into waitlist (sku, email, quantity, consent_at, created_at)
                            values (:sku, :email, :quantity, :at, :at)""")
                    .bind("sku", sku.code()).bind("email", "waiting" + EMAILS.incrementAndGet() + "@example.com").bind("quantity", asked.quantity()).bind("at", at).execute();
            return;
        }
        long order = h.createQuery("""
                        insert into orders (customer_email, allow_partial, priority, placed_at)
                        values ('bucket@example.com', true, 0, :at) returning id""")
                .bind("at", at).mapTo(Long.class).one();
        h.createUpdate("""
                        insert into order_lines (order_id, line_number, sku, priority, placed_at, quantity, reserved, waiting, refused, shipped, cancelled)
                        values (:order, 1, :sku, 0, :at, :quantity, 0, 0, 0, :quantity, 0)""")
                .bind("order", order).bind("sku", sku.code()).bind("at", at).bind("quantity", asked.quantity()).execute();
    }

    private static List<Asked> everyDay(int days) {
        return java.util.stream.IntStream.rangeClosed(0, days).mapToObj(d -> new Asked(d, (d * 7_919) % 86_400, 1, d % 5 == 0)).toList();
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<LocalDate> anyDay = Arbitraries.integers().between(0, 12 * 366)
                .map(offset -> LocalDate.of(2019, 1, 1).plusDays(offset));
        // Days the calendar turns on, oftener than chance: Mondays, Sundays, firsts and lasts of months, around 29 February.
        Arbitrary<LocalDate> today = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, anyDay),
                net.jqwik.api.Tuple.of(1, anyDay.map(day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))),
                net.jqwik.api.Tuple.of(1, anyDay.map(day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)))),
                net.jqwik.api.Tuple.of(1, anyDay.map(day -> day.withDayOfMonth(1))),
                net.jqwik.api.Tuple.of(1, anyDay.map(day -> day.with(TemporalAdjusters.lastDayOfMonth()))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 4),
                        LocalDate.of(2028, 3, 1), LocalDate.of(2027, 3, 1))));
        Arbitrary<Integer> historyDays = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 40)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(41, 1_089)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1_090, DemandForecast.HISTORY_DAYS)));
        return Combinators.combine(today, historyDays).flatAs((day, days) -> asked(days).map(asked -> new History(day, days, asked)));
    }

    /** Demand spread over the history, a little of it on today and before the history, at any second (the day's edges oftener). */
    private static Arbitrary<List<Asked>> asked(int historyDays) {
        Arbitrary<Integer> second = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(86_399)), net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 86_399)));
        Arbitrary<Integer> daysBefore = Arbitraries.integers().between(0, historyDays + 40);
        return Combinators.combine(daysBefore, second, Arbitraries.integers().between(1, 50), Arbitraries.integers().between(0, 3))
                .as((before, at, quantity, kind) -> new Asked(before, at, quantity, kind == 0))
                .list().ofMaxSize(80);
    }

    private static Restock restock() {
        if (restock == null) {
            database = TestDatabases.external().orElseGet(() -> TestDatabases.targets().get(0)).freshSchema();
            restock = new Restock(database.jdbi(), Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC));
        }
        return restock;
    }

    @AfterContainer
    static void close() {
        if (database != null) {
            database.close();
            database = null;
            restock = null;
        }
    }
}
