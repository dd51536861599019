package restock.insight;

import restock.promise.FirstPromise;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The backorder KPIs of a period, per SKU, supplier, category or period (week or month), from {@link KpiFacts}.
 * Pure: the same facts give the same rows. Definitions are on {@link KpiRow}; percentiles are nearest-rank.
 */
public final class Kpis {
    /** Age buckets of waiting lines, in days since placement. */
    public static final List<String> AGING_BUCKETS = List.of("0-7", "8-14", "15-30", "31+");
    static final String NO_SUPPLIER = "(no supplier)";
    static final String NO_CATEGORY = "(no category)";

    private Kpis() {
    }

    /** What the rows are grouped by. */
    public enum By { SKU, SUPPLIER, CATEGORY, PERIOD }

    /** The length of a period row. */
    public enum Grain { WEEK, MONTH }

    public static List<KpiRow> compute(KpiFacts facts, By by, Grain grain) {
        Map<String, KpiFacts.SkuFact> skus = new HashMap<>();
        facts.skus().forEach(sku -> skus.put(sku.sku(), sku));
        Keys keys = new Keys(by, grain, skus, facts.from(), facts.to());
        Map<String, Group> groups = new TreeMap<>();
        Function<String, Group> group = key -> groups.computeIfAbsent(key, k -> new Group());
        for (KpiFacts.LineFact line : facts.lines()) {
            group.apply(keys.of(line.sku(), line.placedOn())).lines.add(line);
        }
        for (KpiFacts.SupplyFact supply : facts.supply()) {
            String key = by == By.SUPPLIER ? supply.supplier() : keys.of(supply.sku(), supply.confirmedDate());
            group.apply(key).supply.add(supply);
        }
        for (KpiFacts.StockDay day : facts.stockDays()) {
            Group g = group.apply(keys.of(day.sku(), day.day()));
            g.stockDays.add(day);
            g.skus.add(day.sku());
        }
        List<KpiRow> rows = new ArrayList<>();
        groups.forEach((key, g) -> rows.add(row(key, g, keys.days(key), keys.lastDay(key), facts.today(), facts.handlingDays(), skus)));
        return rows;
    }

    /** The key of {@link #overall}'s one row. */
    public static final String OVERALL = "all";

    /** The KPIs of the whole period in one row (the console's figures): every line, receipt and stock day together. */
    public static KpiRow overall(KpiFacts facts) {
        Map<String, KpiFacts.SkuFact> skus = new HashMap<>();
        facts.skus().forEach(sku -> skus.put(sku.sku(), sku));
        Group all = new Group();
        all.lines.addAll(facts.lines());
        all.supply.addAll(facts.supply());
        all.stockDays.addAll(facts.stockDays());
        facts.stockDays().forEach(day -> all.skus.add(day.sku()));
        int days = (int) ChronoUnit.DAYS.between(facts.from(), facts.to()) + 1;
        return row(OVERALL, all, days, facts.to(), facts.today(), facts.handlingDays(), skus);
    }

    /** The facts of one group. */
    private static final class Group {
        final List<KpiFacts.LineFact> lines = new ArrayList<>();
        final List<KpiFacts.SupplyFact> supply = new ArrayList<>();
        final List<KpiFacts.StockDay> stockDays = new ArrayList<>();
        final Set<String> skus = new HashSet<>();
    }

    private static KpiRow row(String key, Group g, int days, LocalDate lastDay, LocalDate today, int handlingDays,
                              Map<String, KpiFacts.SkuFact> skus) {
        int lines = g.lines.size();
        int units = g.lines.stream().mapToInt(KpiFacts.LineFact::quantity).sum();
        Map<Long, Boolean> ordersInFull = new HashMap<>();
        g.lines.forEach(line -> ordersInFull.merge(line.orderId(), line.reservedAtPlacement() == line.quantity(), Boolean::logicalAnd));
        long linesInFull = g.lines.stream().filter(line -> line.reservedAtPlacement() == line.quantity()).count();
        int reservedUnits = g.lines.stream().mapToInt(KpiFacts.LineFact::reservedAtPlacement).sum();
        long waited = g.lines.stream().filter(line -> line.backordered() > 0).count();
        int refused = g.lines.stream().mapToInt(KpiFacts.LineFact::refused).sum();
        List<Double> waits = g.lines.stream().filter(line -> line.backordered() > 0 && line.filledAt().isPresent())
                .map(line -> Duration.between(line.placedAt(), line.filledAt().get()).toMinutes() / (24.0 * 60)).sorted().toList();
        Promises promises = promises(g.lines, today, handlingDays);
        Map<String, Integer> cancelled = new TreeMap<>();
        g.lines.stream().filter(line -> line.cancelledWhileWaiting() > 0)
                .forEach(line -> cancelled.merge(line.cancelReason().orElse("no reason given"), 1, Integer::sum));
        int lostUnits = refused + g.lines.stream().mapToInt(KpiFacts.LineFact::cancelledWhileWaiting).sum();
        // A line due today is not late before the day ends: it counts once received in full or once its day is over (an
        // operations check saw this week's on-time-in-full at 0% on a Monday morning, with seven lines due that day).
        List<KpiFacts.SupplyFact> due = g.supply.stream().filter(s -> s.confirmedDate().isBefore(today)
                || !s.confirmedDate().isAfter(today) && s.receivedByConfirmedDate() >= s.ordered()).toList();
        long onTimeInFull = due.stream().filter(s -> s.receivedByConfirmedDate() >= s.ordered()).count();
        List<Double> leadTimes = g.supply.stream().filter(s -> s.firstReceivedOn().isPresent())
                .map(s -> (double) ChronoUnit.DAYS.between(s.orderedOn(), s.firstReceivedOn().get())).sorted().toList();
        int stockOutDays = (int) g.stockDays.stream().filter(d -> d.onHandAtEnd() == 0).count();
        int shipped = g.stockDays.stream().mapToInt(KpiFacts.StockDay::shippedUnits).sum();
        double averageOnHand = g.stockDays.stream().mapToLong(KpiFacts.StockDay::onHandAtEnd).sum() / (double) days;
        int onHandAtEnd = g.stockDays.stream().filter(d -> d.day().equals(lastDay)).mapToInt(KpiFacts.StockDay::onHandAtEnd).sum();
        double dailyDemand = units / (double) days;
        Set<String> currencies = new HashSet<>();
        long lostValue = 0;
        for (KpiFacts.LineFact line : g.lines) {
            KpiFacts.SkuFact sku = skus.get(line.sku());
            int lost = line.refused() + line.cancelledWhileWaiting();
            if (sku != null && lost > 0) {
                currencies.add(sku.currency());
                lostValue += lost * sku.priceMinor();
            }
        }
        return new KpiRow(key, lines, ordersInFull.size(), units, share(linesInFull, lines), share(reservedUnits, units),
                share(ordersInFull.values().stream().filter(b -> b).count(), ordersInFull.size()), share(waited, lines), refused,
                (int) g.lines.stream().filter(line -> line.waitingNow() > 0).count(), aging(g.lines, today),
                waits.isEmpty() ? null : round(waits.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
                percentile(waits, 0.9), share(promises.kept(), promises.settled()), promises.settled(), cancelled, due.size(),
                share(onTimeInFull, due.size()),
                leadTimes.isEmpty() ? null : round(leadTimes.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
                percentile(leadTimes, 0.1), percentile(leadTimes, 0.9), standardDeviation(leadTimes), stockOutDays, g.stockDays.size(),
                lostUnits, lostValue(currencies, lostValue, lostUnits),
                currencies.size() == 1 ? currencies.iterator().next() : null,
                dailyDemand == 0 ? null : round(onHandAtEnd / dailyDemand), shipped, round(averageOnHand),
                averageOnHand == 0 ? null : round(shipped / averageOnHand));
    }

    /** The lost units' value when they share one currency; none lost is zero; several currencies have no one total. */
    private static Long lostValue(Set<String> currencies, long value, int units) {
        if (units == 0) {
            return 0L;
        }
        return currencies.size() == 1 ? Long.valueOf(value) : null;
    }

    private record Promises(int kept, int settled) {
    }

    /** First promises kept and settled, as {@link FirstPromise#verdict} judges them. */
    private static Promises promises(List<KpiFacts.LineFact> lines, LocalDate today, int handlingDays) {
        int kept = 0;
        int settled = 0;
        for (KpiFacts.LineFact line : lines) {
            if (line.firstPromise().isEmpty()) {
                continue;
            }
            FirstPromise.Verdict verdict = line.firstPromise().get().verdict(today, handlingDays);
            settled += verdict.settled() ? 1 : 0;
            kept += verdict == FirstPromise.Verdict.KEPT ? 1 : 0;
        }
        return new Promises(kept, settled);
    }

    private static Map<String, Integer> aging(List<KpiFacts.LineFact> lines, LocalDate today) {
        Map<String, Integer> buckets = new LinkedHashMap<>();
        AGING_BUCKETS.forEach(bucket -> buckets.put(bucket, 0));
        for (KpiFacts.LineFact line : lines) {
            if (line.waitingNow() > 0) {
                long age = ChronoUnit.DAYS.between(line.placedOn(), today);
                String bucket = age <= 7 ? "0-7" : age <= 14 ? "8-14" : age <= 30 ? "15-30" : "31+";
                buckets.merge(bucket, 1, Integer::sum);
            }
        }
        return buckets;
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return round(sorted.get(Math.max(0, rank - 1)));
    }

    private static Double standardDeviation(List<Double> values) {
        if (values.size() < 2) {
            return null;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return round(Math.sqrt(squares / (values.size() - 1)));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** The group key of a SKU's fact on a day, and each group's days. */
    private record Keys(By by, Grain grain, Map<String, KpiFacts.SkuFact> skus, LocalDate from, LocalDate to) {
        String of(String sku, LocalDate day) {
            Optional<KpiFacts.SkuFact> fact = Optional.ofNullable(skus.get(sku));
            return switch (by) {
                case SKU -> sku;
                case SUPPLIER -> fact.flatMap(KpiFacts.SkuFact::supplier).orElse(NO_SUPPLIER);
                case CATEGORY -> fact.flatMap(KpiFacts.SkuFact::category).orElse(NO_CATEGORY);
                case PERIOD -> start(day).toString();
            };
        }

        LocalDate start(LocalDate day) {
            return grain == Grain.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        }

        LocalDate firstDay(String key) {
            return by == By.PERIOD ? max(from, LocalDate.parse(key)) : from;
        }

        LocalDate lastDay(String key) {
            if (by != By.PERIOD) {
                return to;
            }
            LocalDate start = LocalDate.parse(key);
            LocalDate end = grain == Grain.WEEK ? start.plusDays(6) : start.plusMonths(1).minusDays(1);
            return end.isAfter(to) ? to : end;
        }

        int days(String key) {
            return (int) ChronoUnit.DAYS.between(firstDay(key), lastDay(key)) + 1;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
