package restock.cli;

import org.jdbi.v3.core.Handle;
import restock.catalog.ProductPlacement;
import restock.common.HandClock;
import restock.catalog.Category;
import restock.catalog.Sku;
import restock.catalog.Supplier;
import restock.orders.Order;
import restock.orders.CancellationChannel;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.promise.PromiseSettings;
import restock.service.CatalogEdits;
import restock.service.OrderCommands;
import restock.service.Restock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Replays a real year of sales (the demo products' daily units, demo/daily_units.csv) through Restock's own
 * commands, day by day on a {@link HandClock}: customers order in baskets, the shop ships each evening, a weekly
 * review orders from four suppliers with their own terms and habits (some late, some short), monthly counts find
 * some shrinkage, a planner misses a few weeks for some products, some waiting customers cancel. Everything the
 * console shows (forecasts, restock notes, causes, KPIs, suggestions) then comes from this history. Seeded: the
 * same demo every time.
 */
final class DemoYear {
    /** A supplier of the demo, with its terms and its habits: days late (uniform 0..maxDaysLate when late), how often late or short. */
    record DemoSupplier(String name, String contact, String email, int leadTimeDays, int minimumOrder, int packSize, String currency,
                        double lateShare, int maxDaysLate, double shortShare) {
    }

    static final List<DemoSupplier> SUPPLIERS = List.of(
            new DemoSupplier("Hangzhou Giftware Co.", "Li Wei", "sales@hangzhou-giftware.example", 28, 100, 12, "CNY", 0.3, 6, 0.05),
            new DemoSupplier("Midlands Paper Goods", "Sarah Hughes", "orders@midlands-paper.example", 10, 0, 6, "GBP", 0.1, 2, 0.0),
            new DemoSupplier("Yiwu Trading Ltd", "Chen Jun", "export@yiwu-trading.example", 35, 200, 24, "USD", 0.6, 15, 0.2),
            new DemoSupplier("Bristol Candle Works", "Tom Reed", "trade@bristolcandle.example", 14, 48, 12, "GBP", 0.2, 4, 0.1));
    private static final String[][] CATEGORIES = {
            {"lights", "Candles and lights", "T-LIGHT", "CANDLE", "LIGHT", "LANTERN"},
            {"bags", "Bags", "BAG"},
            {"kitchen", "Kitchen and tea", "CAKE", "TEA", "MUG", "LUNCH", "BOTTLE", "JAM", "DOILY", "PANTRY"},
            {"party", "Party", "PARTY", "BUNTING", "POPCORN", "PAPER", "STRAW", "CHAIN"},
            {"decorations", "Decorations", "HEART", "HANGING", "ORNAMENT", "DECORATION", "ASSORTED"},
            {"gifts", "Gifts"}};
    private static final String[] CANCEL_REASONS = {"found it elsewhere", "took too long", "no longer needed"};
    private static final int CUSTOMERS = 400;
    private static final int BASKET_LINES = 8;
    private static final double CANCEL_WHILE_WAITING_SHARE = 0.12;

    private final Restock restock;
    private final HandClock clock;
    private final Random random = new Random(2011);
    private final Map<String, DemoSupplier> supplierOf = new HashMap<>();
    private final Map<String, Long> supplierIds = new HashMap<>();
    private final Map<LocalDate, List<Arrival>> arrivals = new HashMap<>();
    private final Map<LocalDate, List<long[]>> reschedules = new HashMap<>();
    private final Map<Long, Integer> pendingArrivals = new HashMap<>();
    private final Map<LocalDate, List<long[]>> cancellations = new HashMap<>();
    private final Set<String> lapsed = new java.util.HashSet<>();
    private final LocalDate lastDay;
    /**
     * Sea freight's lines due in the replay's last days slip this much (a backlog at the port), so the demo opens with
     * late purchase orders. Only the suppliers who ship by sea (lead time {@link #SEA_FREIGHT_LEAD_TIME_DAYS} or more):
     * when every supplier's last lines slipped, the month's promises were kept 62% of the time against the 80% they
     * stated, a shock no delivery record could foresee, and the demo's overview opened on it.
     */
    private static final int FINAL_BACKLOG_DAYS = 12;
    private static final int SEA_FREIGHT_LEAD_TIME_DAYS = 28;
    private static final int FINAL_BACKLOG_WINDOW_DAYS = 10;

    /** A purchase order line's delivery as it will happen: on what day, how many units. */
    private record Arrival(long purchaseOrderId, Sku sku, int units) {
    }

    private DemoYear(Restock restock, HandClock clock, LocalDate lastDay) {
        this.restock = restock;
        this.clock = clock;
        this.lastDay = lastDay;
    }

    /** What the replay made. */
    record Summary(int days, int orders, int purchaseOrders) {
    }

    /** Replays the year so that its last day is yesterday (of {@code today}); the products must exist. */
    static Summary replay(Restock live, List<Demo.DemoProduct> products, Map<String, int[]> dailyUnits, LocalDate today,
                          java.util.function.IntConsumer daysDone) {
        int days = dailyUnits.values().iterator().next().length;
        LocalDate first = today.minusDays(days);
        HandClock clock = new HandClock(first.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(6 * 3600));
        Restock restock = new Restock(live.jdbi(), clock, PromiseSettings.defaults(first), live.paymentPolicy(), live.links());
        DemoYear year = new DemoYear(restock, clock, today.minusDays(1));
        return year.run(products, dailyUnits, first, days, daysDone);
    }

    private Summary run(List<Demo.DemoProduct> products, Map<String, int[]> dailyUnits, LocalDate first, int days,
                        java.util.function.IntConsumer daysDone) {
        restock.inTransaction(h -> {
            products.forEach(demo -> restock.catalog().create(h, demo.product()));
            setUpSuppliersAndCategories(h, products);
            for (Demo.DemoProduct product : products) {
                int[] units = dailyUnits.get(product.product().sku().code());
                restock.stock().count(h, product.product().sku(), (int) Math.round(rate(units, 0) * (supplierOf(product).leadTimeDays() + 14)),
                        "opening stock");
            }
            return null;
        });
        int orders = 0;
        int purchaseOrders = 0;
        for (int day = 0; day < days; day++) {
            LocalDate date = first.plusDays(day);
            int d = day;
            int[] counts = restock.inTransaction(h -> {
                at(date, 7);
                int placed = 0;
                int ordered = date.getDayOfWeek() == java.time.DayOfWeek.MONDAY ? review(h, products, dailyUnits, d, date) : 0;
                at(date, 8);
                deliveries(h, date);
                if (date.getDayOfMonth() == 15) {
                    at(date, 9);
                    counts(h, products);
                }
                placed += customers(h, products, dailyUnits, d, date);
                at(date, 18);
                cancelWaiting(h, date);
                at(date, 19);
                ship(h);
                return new int[] {placed, ordered};
            });
            orders += counts[0];
            purchaseOrders += counts[1];
            daysDone.accept(day + 1);
        }
        return new Summary(days, orders, purchaseOrders);
    }

    private void at(LocalDate date, int hour) {
        Instant target = date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(hour * 3600L);
        if (target.isAfter(clock.instant())) {
            clock.set(target);
        }
    }

    private DemoSupplier supplierOf(Demo.DemoProduct product) {
        return supplierOf.get(product.product().sku().code());
    }

    private void setUpSuppliersAndCategories(Handle h, List<Demo.DemoProduct> products) {
        for (DemoSupplier s : SUPPLIERS) {
            Supplier created = restock.catalogEdits().createSupplier(h, new Supplier(0, s.name(), Optional.of(s.contact()), Optional.of(s.email()),
                    Optional.empty(), Optional.of(s.leadTimeDays()), s.minimumOrder(), s.packSize(), Optional.of(s.currency())), "demo").value();
            supplierIds.put(s.name(), created.id());
        }
        for (String[] category : CATEGORIES) {
            restock.catalogEdits().createCategory(h, new Category(category[0], category[1]), "demo");
        }
        for (int i = 0; i < products.size(); i++) {
            Demo.DemoProduct product = products.get(i);
            DemoSupplier supplier = SUPPLIERS.get(i % SUPPLIERS.size());
            supplierOf.put(product.product().sku().code(), supplier);
            if (i % 9 == 4) {
                lapsed.add(product.product().sku().code());
            }
            String category = categoryOf(product.product().name());
            restock.catalogEdits().editProduct(h, product.product().sku(), filed -> new CatalogEdits.FiledProduct(filed.product(),
                    new ProductPlacement(Optional.of(category), Optional.of(supplierIds.get(supplier.name())))), "demo");
        }
    }

    static String categoryOf(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        for (String[] category : CATEGORIES) {
            for (int k = 2; k < category.length; k++) {
                if (upper.contains(category[k])) {
                    return category[0];
                }
            }
        }
        return "gifts";
    }

    /** Mean daily units over the four weeks before {@code day} (the first four weeks at the start). */
    static double rate(int[] units, int day) {
        int from = Math.max(0, day - 28);
        int to = Math.max(from + 28, day);
        double sum = 0;
        for (int i = from; i < Math.min(to, units.length); i++) {
            sum += units[i];
        }
        return sum / 28;
    }

    /**
     * The weekly review: per supplier, one purchase order for the products whose position is under lead-time demand
     * plus a week, up to four weeks more, in whole packs and at least the MOQ. Products in a planner's lapse (weeks
     * 30 to 36) are forgotten.
     */
    private int review(Handle h, List<Demo.DemoProduct> products, Map<String, int[]> dailyUnits, int day, LocalDate date) {
        Map<DemoSupplier, List<PurchaseOrderRequest.Line>> lines = new HashMap<>();
        for (Demo.DemoProduct product : products) {
            String code = product.product().sku().code();
            if (lapsed.contains(code) && day >= 30 * 7 && day < 36 * 7) {
                continue;
            }
            DemoSupplier supplier = supplierOf(product);
            double rate = rate(dailyUnits.get(code), day);
            var level = restock.stock().level(h, product.product().sku());
            int position = level.onHand() - level.reserved() - level.backordered() + level.incoming();
            double reorderPoint = rate * (supplier.leadTimeDays() + 7);
            if (rate == 0 || position >= reorderPoint) {
                continue;
            }
            double wanted = reorderPoint + rate * 28 - position;
            int quantity = (int) Math.ceil(Math.max(wanted, supplier.minimumOrder()) / supplier.packSize()) * supplier.packSize();
            lines.computeIfAbsent(supplier, s -> new ArrayList<>()).add(new PurchaseOrderRequest.Line(product.product().sku(),
                    Math.min(quantity, PurchaseOrderRequest.MAX_UNITS_PER_LINE), date.plusDays(supplier.leadTimeDays())));
        }
        for (Map.Entry<DemoSupplier, List<PurchaseOrderRequest.Line>> entry : lines.entrySet()) {
            DemoSupplier supplier = entry.getKey();
            PurchaseOrder po = restock.purchasing().create(h, new PurchaseOrderRequest(supplier.name(), false, entry.getValue()));
            for (PurchaseOrder.Line line : po.lines()) {
                int late = random.nextDouble() < supplier.lateShare() ? 1 + random.nextInt(supplier.maxDaysLate()) : 0;
                if (supplier.leadTimeDays() >= SEA_FREIGHT_LEAD_TIME_DAYS
                        && !line.expectedDate().isBefore(lastDay.minusDays(FINAL_BACKLOG_WINDOW_DAYS)) && !line.expectedDate().isAfter(lastDay)) {
                    late = Math.max(late, FINAL_BACKLOG_DAYS);
                }
                boolean isShort = random.nextDouble() < supplier.shortShare();
                int units = isShort ? Math.max(1, (int) (line.quantityOrdered() * (0.5 + random.nextDouble() * 0.3))) : line.quantityOrdered();
                LocalDate arrival = line.expectedDate().plusDays(late);
                arrivals.computeIfAbsent(arrival, d -> new ArrayList<>()).add(new Arrival(po.id(), line.sku(), units));
                if (late > 0) {
                    reschedules.computeIfAbsent(line.expectedDate(), d -> new ArrayList<>())
                            .add(new long[] {po.id(), line.lineNumber(), arrival.toEpochDay()});
                }
                pendingArrivals.merge(po.id(), 1, Integer::sum);
            }
        }
        return lines.size();
    }

    /** The supplier's word that a line slips (on the day it was due), then the day's deliveries; short orders are closed. */
    private void deliveries(Handle h, LocalDate date) {
        for (long[] slip : reschedules.getOrDefault(date, List.of())) {
            restock.purchasing().reschedule(h, slip[0], (int) slip[1], LocalDate.ofEpochDay(slip[2]));
        }
        for (Arrival arrival : arrivals.getOrDefault(date, List.of())) {
            restock.purchasing().receive(h, arrival.purchaseOrderId(), List.of(new ReceiptPlan.Received(arrival.sku(), arrival.units())));
            int left = pendingArrivals.merge(arrival.purchaseOrderId(), -1, Integer::sum);
            if (left == 0 && restock.purchasing().find(h, arrival.purchaseOrderId()).status() == PurchaseOrder.Status.OPEN) {
                restock.purchasing().close(h, arrival.purchaseOrderId());
            }
        }
    }

    /** A third of the products counted; some counts find a few percent less than the record. */
    private void counts(Handle h, List<Demo.DemoProduct> products) {
        for (Demo.DemoProduct product : products) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            var level = restock.stock().level(h, product.product().sku());
            // Only units not reserved for orders can be missing: a count below the reserved units is refused.
            int missing = (int) Math.round((level.onHand() - level.reserved()) * random.nextDouble() * 0.08);
            if (missing > 0) {
                restock.stock().count(h, product.product().sku(), level.onHand() - missing, "monthly cycle count");
            }
        }
    }

    /** The day's real units per product, in baskets of up to eight products from random customers. */
    private int customers(Handle h, List<Demo.DemoProduct> products, Map<String, int[]> dailyUnits, int day, LocalDate date) {
        List<OrderRequest.Line> wanted = new ArrayList<>();
        for (Demo.DemoProduct product : products) {
            int units = dailyUnits.get(product.product().sku().code())[day];
            if (units > 0) {
                wanted.add(new OrderRequest.Line(product.product().sku(), Math.min(units, OrderRequest.MAX_UNITS_PER_LINE)));
            }
        }
        Collections.shuffle(wanted, random);
        int placed = 0;
        for (int from = 0; from < wanted.size(); from += BASKET_LINES) {
            at(date, 9 + Math.min(8, placed));
            String email = "customer" + (1 + random.nextInt(CUSTOMERS)) + "@example.com";
            Order order = restock.orders().place(h, new OrderRequest(email, true, 0, wanted.subList(from, Math.min(wanted.size(), from + BASKET_LINES))));
            placed++;
            for (OrderLine line : order.lines()) {
                if (line.quantities().waiting() > 0 && random.nextDouble() < CANCEL_WHILE_WAITING_SHARE) {
                    cancellations.computeIfAbsent(date.plusDays(2 + random.nextInt(10)), d -> new ArrayList<>())
                            .add(new long[] {order.id(), line.lineNumber()});
                }
            }
        }
        return placed;
    }

    private void cancelWaiting(Handle h, LocalDate date) {
        for (long[] cancel : cancellations.getOrDefault(date, List.of())) {
            Order order = restock.orders().find(h, cancel[0]);
            OrderLine line = order.lines().get((int) cancel[1] - 1);
            if (line.quantities().waiting() > 0) {
                restock.orders().cancelLine(h, cancel[0], (int) cancel[1], CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)], CancellationChannel.API);
            }
        }
    }

    /** Ships what is reserved, from the pick list a warehouse reads (oldest order first). */
    private void ship(Handle h) {
        long after = 0;
        restock.common.Paged<OrderCommands.ToShip> page;
        do {
            page = restock.orders().toShip(h, after, OrderCommands.MAX_PICK_LIST_PAGE);
            for (OrderCommands.ToShip due : page.items()) {
                restock.orders().ship(h, due.order().id());
                after = due.order().id();
            }
        } while (page.more());
    }
}
