package restock.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Restock's rules, written again for clarity rather than speed, to run beside the real system: plain lists and
 * loops, no caching, no SQL. Quantities move between the same buckets as in the product (on hand; each line's
 * reserved, waiting, refused, shipped, cancelled), and {@link #decide} says what an order would get, from the rules
 * in the README and DECISIONS.md:
 *
 * <ul>
 *   <li>free units (on hand less reserved less units held for notified waitlisters) are reserved first; before a
 *       release date nothing is free and the stock in the building waits for the release day;</li>
 *   <li>beyond that, units may wait: never (only for stock in the building before a release), always (up to the cap
 *       on waiting units), when-supply-confirmed (the most units that unclaimed open supply covers with an 80%
 *       promise), discontinued products nothing; the promise shown for N units is the one a line of N placed now
 *       gets (exactly N units of the unclaimed supply, in arrival order);</li>
 *   <li>waiting lines claim supply in queue order (priority, then placement), supply taken in expected-arrival
 *       order (the first day by which the line has come with 80% probability, given it has not come yet; lines that
 *       cannot reach 80% go last);</li>
 *   <li>a promise is the first day by which every portion has arrived (and been handled for a day) with 80%
 *       probability, at most 14 days past the latest supplier date; lateness (first receipt against the date first
 *       confirmed, however the line was moved since) is learned per supplier and SKU, else supplier (5 observations
 *       at least), else a prior, never from other suppliers (fills may be); each distribution has one "never
 *       arrived" pseudo-observation.</li>
 * </ul>
 */
final class ReferenceModel {
    static final double THRESHOLD = 0.8;
    static final int MAX_SLIP_DAYS = 14;
    static final int HANDLING_DAYS = 1;
    static final int MIN_OBSERVATIONS = 5;
    /** Open purchase order lines beyond this many are not looked at (the product's Staircase.MAX_STEPS). */
    static final int MAX_STEPS = 50;
    static final List<Integer> PRIOR_LATENESS = List.of(0, 0, 0, 0, 1, 2, 3, 5, 7, 14);
    static final Duration NOTICE_WINDOW = Duration.ofHours(24);

    enum Policy { NEVER, WHEN_SUPPLY_CONFIRMED, ALWAYS }

    enum Status { IN_STOCK, BACKORDER, PREORDER, OUT_OF_STOCK, DISCONTINUED }

    static final class Product {
        final String sku;
        final Policy policy;
        final Integer cap;
        final LocalDate releaseDate;
        boolean discontinued;
        int onHand;

        Product(String sku, Policy policy, Integer cap, LocalDate releaseDate) {
            this.sku = sku;
            this.policy = policy;
            this.cap = cap;
            this.releaseDate = releaseDate;
        }
    }

    static final class Line {
        final long id;
        final long orderId;
        final String sku;
        final String customer;
        int priority;
        final Instant placedAt;
        final int quantity;
        int reserved;
        int waiting;
        int refused;
        int shipped;
        int cancelled;

        Line(long id, long orderId, String sku, String customer, int priority, Instant placedAt, int quantity) {
            this.id = id;
            this.orderId = orderId;
            this.sku = sku;
            this.customer = customer;
            this.priority = priority;
            this.placedAt = placedAt;
            this.quantity = quantity;
        }

        int open() {
            return reserved + waiting;
        }
    }

    static final class PurchaseLine {
        final long id;
        final long purchaseOrderId;
        final String supplier;
        final String sku;
        final int ordered;
        int received;
        LocalDate expected;
        /** The date the supplier first confirmed: lateness is learned against it, whatever the line was moved to. */
        final LocalDate firstConfirmed;
        LocalDate firstReceived;
        boolean ended;

        PurchaseLine(long id, long purchaseOrderId, String supplier, String sku, int ordered, LocalDate expected) {
            this.id = id;
            this.purchaseOrderId = purchaseOrderId;
            this.supplier = supplier;
            this.sku = sku;
            this.ordered = ordered;
            this.expected = expected;
            this.firstConfirmed = expected;
        }

        int open() {
            return ended ? 0 : ordered - received;
        }
    }

    static final class Hold {
        final String customer;
        final String sku;
        int units;
        final Instant until;
        boolean used;

        Hold(String customer, String sku, int units, Instant until) {
            this.customer = customer;
            this.sku = sku;
            this.units = units;
            this.until = until;
        }
    }

    static final class WaitlistEntry {
        final long id;
        final String sku;
        final String customer;
        final int quantity;
        boolean notified;

        WaitlistEntry(long id, String sku, String customer, int quantity) {
            this.id = id;
            this.sku = sku;
            this.customer = customer;
            this.quantity = quantity;
        }
    }

    /** A promise: ship between from and to, with the probability of shipping by to. */
    record Promise(LocalDate from, LocalDate to, double probability) {
    }

    /**
     * What an order for some units would get; for refused units, when more is due: the promise the whole shortfall
     * would get were it let wait (a policy that lets none wait, a cap reached, a discontinued product), promising
     * nothing to this order.
     */
    record Decision(int reserve, int waiting, int refused, Status status, Optional<Promise> promise, Optional<Promise> moreDue) {
    }

    Instant now;
    final Map<String, Product> products = new TreeMap<>();
    final Map<Long, Line> lines = new LinkedHashMap<>();
    final Map<Long, PurchaseLine> purchaseLines = new LinkedHashMap<>();
    final List<Hold> holds = new ArrayList<>();
    final List<WaitlistEntry> waitlist = new ArrayList<>();
    private long nextLineId = 1;
    private long nextOrderId = 1;
    private long nextPurchaseLineId = 1;
    private long nextPurchaseOrderId = 1;
    private long nextWaitlistId = 1;

    ReferenceModel(Instant start) {
        this.now = start;
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    // ---- figures ----

    boolean released(Product product) {
        return product.releaseDate == null || !product.releaseDate.isAfter(today());
    }

    int reserved(String sku) {
        return lines.values().stream().filter(l -> l.sku.equals(sku)).mapToInt(l -> l.reserved).sum();
    }

    int waiting(String sku) {
        return lines.values().stream().filter(l -> l.sku.equals(sku)).mapToInt(l -> l.waiting).sum();
    }

    int incoming(String sku) {
        return purchaseLines.values().stream().filter(l -> l.sku.equals(sku)).mapToInt(PurchaseLine::open).sum();
    }

    int heldUnits(String sku) {
        int held = holds.stream().filter(h -> h.sku.equals(sku) && !h.used && h.until.isAfter(now)).mapToInt(h -> h.units).sum();
        Product product = products.get(sku);
        return Math.min(held, product.onHand - reserved(sku));
    }

    int free(String sku) {
        Product product = products.get(sku);
        return product.onHand - reserved(sku) - heldUnits(sku);
    }

    int ownHold(String customer, String sku) {
        return holds.stream().filter(h -> h.customer.equals(customer) && h.sku.equals(sku) && !h.used && h.until.isAfter(now))
                .mapToInt(h -> h.units).sum();
    }

    List<Line> queue(String sku) {
        return lines.values().stream().filter(l -> l.sku.equals(sku) && l.waiting > 0)
                .sorted(Comparator.comparingInt((Line l) -> -l.priority).thenComparing(l -> l.placedAt).thenComparingLong(l -> l.id))
                .toList();
    }

    /** Free units go to the waiting lines of released products, first in queue order first. */
    void settle() {
        for (Product product : products.values()) {
            if (!released(product)) {
                continue;
            }
            for (Line line : queue(product.sku)) {
                int give = Math.min(line.waiting, free(product.sku));
                line.waiting -= give;
                line.reserved += give;
            }
        }
    }

    // ---- suppliers ----

    private record Odds(List<Integer> lateness, List<Double> fills) {
    }

    private Odds odds(String supplier, String sku) {
        List<PurchaseLine> bySku = purchaseLines.values().stream().filter(l -> l.supplier.equals(supplier) && l.sku.equals(sku)).toList();
        List<PurchaseLine> bySupplier = purchaseLines.values().stream().filter(l -> l.supplier.equals(supplier)).toList();
        List<PurchaseLine> all = List.copyOf(purchaseLines.values());
        List<Integer> lateness = PRIOR_LATENESS;
        for (List<PurchaseLine> level : List.of(bySku, bySupplier)) {
            List<Integer> seen = level.stream().filter(l -> l.firstReceived != null)
                    .map(l -> (int) ChronoUnit.DAYS.between(l.firstConfirmed, l.firstReceived)).toList();
            if (seen.size() >= MIN_OBSERVATIONS) {
                lateness = seen;
                break;
            }
        }
        List<Double> fills = List.of(1.0);
        for (List<PurchaseLine> level : List.of(bySku, bySupplier, all)) {
            List<Double> seen = level.stream().filter(l -> l.ended).map(l -> (double) l.received / l.ordered).toList();
            if (seen.size() >= MIN_OBSERVATIONS) {
                fills = seen;
                break;
            }
        }
        return new Odds(lateness, fills);
    }

    /** P(lateness <= days), with one pseudo-observation of a delivery that never came. */
    private static double atMost(List<Integer> lateness, long days) {
        return (double) lateness.stream().filter(d -> d <= days).count() / (lateness.size() + 1);
    }

    private Optional<LocalDate> expectedArrival(PurchaseLine line) {
        List<Integer> lateness = odds(line.supplier, line.sku).lateness().stream().sorted().toList();
        long beforeToday = ChronoUnit.DAYS.between(line.expected, today()) - 1;
        List<Integer> still = lateness.stream().filter(d -> d > beforeToday).toList();
        int remaining = still.size() + 1;
        for (int i = 0; i < still.size(); i++) {
            if ((double) (i + 1) / remaining >= THRESHOLD) {
                return Optional.of(line.expected.plusDays(still.get(i)));
            }
        }
        return Optional.empty();
    }

    List<PurchaseLine> supplyInArrivalOrder(String sku) {
        return purchaseLines.values().stream().filter(l -> l.sku.equals(sku) && l.open() > 0)
                .sorted(Comparator.comparing((PurchaseLine l) -> expectedArrival(l).orElse(LocalDate.MAX))
                        .thenComparing(l -> l.expected).thenComparingLong(l -> l.id))
                .toList();
    }

    // ---- promises ----

    /** Units a promise takes from a purchase line, after the units waiting lines already claimed on it. */
    private record Portion(PurchaseLine line, int before, int units) {
    }

    private Optional<Promise> promise(List<Portion> portions) {
        LocalDate today = today();
        double quantityFactor = 1;
        LocalDate latestExpected = portions.get(0).line.expected;
        LocalDate earliest = today;
        // Each portion's odds, once: they do not change from one day to the next.
        Map<Portion, Odds> oddsOf = new LinkedHashMap<>();
        portions.forEach(portion -> oddsOf.put(portion, odds(portion.line.supplier, portion.line.sku)));
        for (Portion portion : portions) {
            Odds odds = oddsOf.get(portion);
            double share = (double) (portion.before + portion.units) / portion.line.open();
            quantityFactor *= (double) odds.fills().stream().filter(f -> Math.max(0, Math.min(1, f)) + 1e-9 >= share).count() / odds.fills().size();
            if (!portion.line.expected.isBefore(latestExpected)) {
                latestExpected = portion.line.expected;
            }
            int minLateness = odds.lateness().stream().mapToInt(Integer::intValue).min().orElseThrow();
            LocalDate possible = portion.line.expected.plusDays(minLateness + (long) HANDLING_DAYS);
            if (possible.isAfter(earliest)) {
                earliest = possible;
            }
        }
        LocalDate horizon = latestExpected.plusDays(MAX_SLIP_DAYS + HANDLING_DAYS);
        for (LocalDate day = today; !day.isAfter(horizon); day = day.plusDays(1)) {
            double all = 1;
            for (Portion portion : portions) {
                List<Integer> lateness = oddsOf.get(portion).lateness();
                long byDay = ChronoUnit.DAYS.between(portion.line.expected, day.minusDays(HANDLING_DAYS));
                long beforeToday = ChronoUnit.DAYS.between(portion.line.expected, today) - 1;
                double notYet = 1 - atMost(lateness, beforeToday);
                all *= notYet <= 0 ? 0 : Math.max(0, (atMost(lateness, byDay) - atMost(lateness, beforeToday)) / notYet);
            }
            double probability = quantityFactor * all;
            if (probability >= THRESHOLD) {
                return Optional.of(new Promise(earliest.isAfter(day) ? day : earliest, day, probability));
            }
        }
        return Optional.empty();
    }

    /** The part of an open purchase order line that no waiting line claims; {@code before} units of it are claimed. */
    private record Leftover(PurchaseLine line, int before, int units) {
    }

    /** Before a release, the units in the building that no waiting line claims; then the unclaimed supply in arrival order. */
    private record Unclaimed(int inTheBuilding, List<Leftover> leftovers) {
    }

    private Unclaimed unclaimed(Product product) {
        int claimed = waiting(product.sku);
        int building = released(product) ? 0 : free(product.sku);
        int inTheBuilding = Math.max(0, building - claimed);
        claimed = Math.max(0, claimed - building);
        List<Leftover> leftovers = new ArrayList<>();
        for (PurchaseLine line : supplyInArrivalOrder(product.sku)) {
            int before = Math.min(claimed, line.open());
            claimed -= before;
            int leftover = line.open() - before;
            if (leftover > 0 && leftovers.size() < MAX_STEPS) {
                leftovers.add(new Leftover(line, before, leftover));
            }
        }
        return new Unclaimed(inTheBuilding, leftovers);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The promise a line of {@code units} waiting units placed now gets: the building's unclaimed units first (on the
     * release day), then exactly the units still needed from the unclaimed supply, in arrival order.
     */
    private Optional<Promise> outlookFor(Product product, Unclaimed unclaimed, int units) {
        if (units <= unclaimed.inTheBuilding()) {
            return Optional.of(new Promise(product.releaseDate, product.releaseDate, 1.0));
        }
        int needed = units - unclaimed.inTheBuilding();
        List<Portion> portions = new ArrayList<>();
        for (Leftover leftover : unclaimed.leftovers()) {
            if (needed == 0) {
                break;
            }
            int take = Math.min(needed, leftover.units());
            portions.add(new Portion(leftover.line(), leftover.before(), take));
            needed -= take;
        }
        if (needed > 0) {
            return Optional.empty();
        }
        Optional<Promise> promise = promise(portions);
        if (!released(product)) {
            LocalDate release = product.releaseDate;
            promise = promise.map(p -> new Promise(later(p.from(), release), later(p.to(), release), p.probability()));
        }
        return promise;
    }

    /** The most units of a shortfall that can wait with a promise: tried from the whole shortfall down. */
    private int promisable(Product product, Unclaimed unclaimed, int shortfall) {
        for (int units = shortfall; units > 0; units--) {
            if (outlookFor(product, unclaimed, units).isPresent()) {
                return units;
            }
        }
        return 0;
    }

    // ---- the decision ----

    Decision decide(String sku, int quantity, int ownHold) {
        Product product = products.get(sku);
        int usable = released(product) ? free(sku) + Math.min(ownHold, heldUnits(sku)) : 0;
        int reserve = Math.min(quantity, usable);
        int shortfall = quantity - reserve;
        if (shortfall == 0) {
            return new Decision(reserve, 0, 0, Status.IN_STOCK, Optional.empty(), Optional.empty());
        }
        Unclaimed unclaimed = unclaimed(product);
        int waiting = 0;
        if (!product.discontinued) {
            int inTheBuilding = released(product) ? 0 : Math.max(0, free(sku) - waiting(sku));
            int fromTheBuilding = Math.min(shortfall, inTheBuilding);
            int rest = shortfall - fromTheBuilding;
            int beyond = switch (product.policy) {
                case NEVER -> 0;
                case WHEN_SUPPLY_CONFIRMED -> promisable(product, unclaimed, fromTheBuilding + rest) - fromTheBuilding;
                case ALWAYS -> product.cap == null ? rest : Math.min(rest, Math.max(0, product.cap - waiting(sku) - fromTheBuilding));
            };
            waiting = fromTheBuilding + Math.max(0, beyond);
        }
        int refused = shortfall - waiting;
        Status status = refused > 0 ? (product.discontinued ? Status.DISCONTINUED : Status.OUT_OF_STOCK)
                : released(product) ? Status.BACKORDER : Status.PREORDER;
        Optional<Promise> moreDue = refused > 0 ? outlookFor(product, unclaimed, shortfall) : Optional.empty();
        return new Decision(reserve, waiting, refused, status, waiting > 0 ? outlookFor(product, unclaimed, waiting) : Optional.empty(), moreDue);
    }

    // ---- commands (each returns false where the product refuses it) ----

    void createProduct(String sku, Policy policy, Integer cap, LocalDate releaseDate) {
        products.put(sku, new Product(sku, policy, cap, releaseDate));
    }

    /** One order line as asked. */
    record Requested(String sku, int quantity) {
    }

    /**
     * Places an order: each line decided in turn (a customer's own held units count as free for them); refused whole
     * when it may not be accepted in part and a unit is refused. An order that takes anything uses up the customer's
     * holds on its products; what it did not take goes to the queue or back on sale.
     */
    long place(String customer, int priority, boolean allowPartial, List<Requested> requested) {
        long orderId = nextOrderId++;
        Map<Hold, Integer> unitsBefore = new LinkedHashMap<>();
        holds.stream().filter(h -> h.customer.equals(customer)).forEach(h -> unitsBefore.put(h, h.units));
        List<Line> placed = new ArrayList<>();
        for (Requested r : requested) {
            int freeBefore = free(r.sku());
            Decision decision = decide(r.sku(), r.quantity(), ownHold(customer, r.sku()));
            Line line = new Line(nextLineId++, orderId, r.sku(), customer, priority, now, r.quantity());
            line.reserved = decision.reserve();
            line.waiting = decision.waiting();
            line.refused = decision.refused();
            takeFromHolds(customer, r.sku(), Math.max(0, decision.reserve() - freeBefore));
            lines.put(line.id, line);
            placed.add(line);
        }
        boolean anyRefused = placed.stream().anyMatch(l -> l.refused > 0);
        boolean takesAnything = placed.stream().anyMatch(l -> l.refused < l.quantity);
        if (anyRefused && !allowPartial || !takesAnything) {
            for (Line line : placed) {
                line.refused = line.quantity;
                line.reserved = 0;
                line.waiting = 0;
            }
            unitsBefore.forEach((hold, units) -> hold.units = units);
        } else {
            holds.stream().filter(h -> h.customer.equals(customer) && requested.stream().anyMatch(r -> r.sku().equals(h.sku)))
                    .forEach(h -> h.used = true);
        }
        settle();
        return orderId;
    }

    /** Units reserved from a customer's own hold leave the hold. */
    private void takeFromHolds(String customer, String sku, int units) {
        int left = units;
        for (Hold hold : holds) {
            if (left > 0 && hold.customer.equals(customer) && hold.sku.equals(sku) && !hold.used && hold.until.isAfter(now)) {
                int taken = Math.min(left, hold.units);
                hold.units -= taken;
                left -= taken;
            }
        }
    }

    boolean cancelLines(long orderId, java.util.function.Predicate<Line> selected) {
        List<Line> open = lines.values().stream().filter(l -> l.orderId == orderId).filter(selected).filter(l -> l.open() > 0).toList();
        if (open.isEmpty()) {
            return false;
        }
        for (Line line : open) {
            line.cancelled += line.open();
            line.reserved = 0;
            line.waiting = 0;
        }
        settle();
        return true;
    }

    /**
     * A waiting line takes another priority and so another place in its SKU's queue; nothing fills (while lines
     * wait no unit is free), but who gets the next unit changes. Only a waiting line has a place to change.
     */
    boolean reprioritize(long lineId, int priority) {
        Line line = lines.get(lineId);
        if (line.waiting == 0) {
            return false;
        }
        line.priority = priority;
        return true;
    }

    boolean ship(long orderId) {
        List<Line> ready = lines.values().stream().filter(l -> l.orderId == orderId && l.waiting == 0 && l.reserved > 0).toList();
        if (ready.isEmpty()) {
            return false;
        }
        for (Line line : ready) {
            products.get(line.sku).onHand -= line.reserved;
            line.shipped += line.reserved;
            line.reserved = 0;
        }
        settle();
        return true;
    }

    boolean adjust(String sku, int delta) {
        Product product = products.get(sku);
        if (product.onHand + delta < reserved(sku)) {
            return false;
        }
        product.onHand += delta;
        settle();
        return true;
    }

    boolean count(String sku, int counted) {
        return adjust(sku, counted - products.get(sku).onHand);
    }

    void returnToStock(String sku, int quantity) {
        products.get(sku).onHand += quantity;
        settle();
    }

    /** The new purchase order's id; empty when its line is expected before today (a new line promises the future). */
    Optional<Long> createPurchaseOrder(String supplier, String sku, int quantity, LocalDate expected) {
        if (expected.isBefore(today())) {
            return Optional.empty();
        }
        long id = nextPurchaseOrderId++;
        PurchaseLine line = new PurchaseLine(nextPurchaseLineId++, id, supplier, sku, quantity, expected);
        purchaseLines.put(line.id, line);
        return Optional.of(id);
    }

    boolean receive(long purchaseLineId, int quantity) {
        PurchaseLine line = purchaseLines.get(purchaseLineId);
        if (line.ended || quantity > line.open()) {
            return false;
        }
        line.received += quantity;
        if (line.firstReceived == null) {
            line.firstReceived = today();
        }
        products.get(line.sku).onHand += quantity;
        if (line.received == line.ordered) {
            line.ended = true;
        }
        settle();
        return true;
    }

    boolean close(long purchaseLineId) {
        PurchaseLine line = purchaseLines.get(purchaseLineId);
        if (line.ended) {
            return false;
        }
        line.ended = true;
        return true;
    }

    boolean cancelPurchaseOrder(long purchaseLineId) {
        PurchaseLine line = purchaseLines.get(purchaseLineId);
        if (line.ended || line.received > 0) {
            return false;
        }
        line.ended = true;
        return true;
    }

    /** 'invalid' when the date is in the past, 'conflict' when the line is not open, 'ok' otherwise. */
    String reschedule(long purchaseLineId, LocalDate expected) {
        PurchaseLine line = purchaseLines.get(purchaseLineId);
        if (expected.isBefore(today())) {
            return "invalid";
        }
        if (line.ended || line.open() == 0) {
            return "conflict";
        }
        line.expected = expected;
        return "ok";
    }

    /** Discontinues a product and cancels the waiting lines that open supply does not fully cover. */
    void discontinue(String sku) {
        Product product = products.get(sku);
        product.discontinued = true;
        int inTheBuilding = released(product) ? 0 : free(sku);
        int supply = supplyInArrivalOrder(sku).stream().mapToInt(PurchaseLine::open).sum();
        List<Long> uncovered = new ArrayList<>();
        for (Line line : queue(sku)) {
            int fromTheBuilding = Math.min(line.waiting, inTheBuilding);
            inTheBuilding -= fromTheBuilding;
            int needed = line.waiting - fromTheBuilding;
            int pegged = Math.min(needed, supply);
            supply -= pegged;
            if (pegged < needed) {
                uncovered.add(line.id);
            }
        }
        for (long id : uncovered) {
            Line line = lines.get(id);
            cancelLines(line.orderId, l -> l.id == id);
        }
    }

    /** A sign-up; refused for a discontinued product, which will not return. */
    boolean signUp(String customer, String sku, int quantity) {
        if (products.get(sku).discontinued) {
            return false;
        }
        boolean exists = waitlist.stream().anyMatch(e -> e.sku.equals(sku) && e.customer.equals(customer));
        if (!exists) {
            waitlist.add(new WaitlistEntry(nextWaitlistId++, sku, customer, quantity));
        }
        return true;
    }

    /** Tells waitlisters of released products in stock, in sign-up order, holding what each asked for while it fits. */
    void noticePass() {
        for (Product product : products.values()) {
            boolean waiters = waitlist.stream().anyMatch(e -> e.sku.equals(product.sku) && !e.notified);
            if (!waiters || product.onHand <= reserved(product.sku)) {
                continue;
            }
            settle();
            if (!released(product)) {
                continue;
            }
            int free = Math.max(0, free(product.sku));
            List<WaitlistEntry> next = waitlist.stream().filter(e -> e.sku.equals(product.sku) && !e.notified)
                    .sorted(Comparator.comparingLong(e -> e.id)).limit(free).toList();
            for (WaitlistEntry entry : next) {
                if (entry.quantity > free) {
                    break;
                }
                entry.notified = true;
                holds.add(new Hold(entry.customer, entry.sku, entry.quantity, now.plus(NOTICE_WINDOW)));
                free -= entry.quantity;
            }
        }
    }

    void pass(Duration duration) {
        now = now.plus(duration);
        settle();
    }
}
