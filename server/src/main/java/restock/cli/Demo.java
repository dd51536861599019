package restock.cli;

import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.service.Restock;
import restock.service.WaitlistCommands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a demo shop derived from a real online retailer (see demo/README.md): 36 products, four suppliers with
 * their terms, six categories, and a year of that retailer's real daily sales replayed through Restock's commands
 * ({@link DemoYear}), with purchase orders, receipts (some late, some short), counts, cancellations, and the
 * backorders and their causes that follow; a few shoppers on waitlists. Loads once, into an empty database.
 */
public final class Demo {
    /** Products sold under "always" (a few), "never" (the data's out-of-stock situation) or the default. */
    private static final java.util.Set<String> ALWAYS = java.util.Set.of("47566", "22423", "84879");

    private Demo() {
    }

    record DemoProduct(Product product, int weeklyUnits, String situation) {
    }

    /** What was loaded, for the start-up line. */
    public record Loaded(int products, int days, int orders, int purchaseOrders, int causes) {
    }

    public static boolean loadIfEmpty(Restock restock) {
        return load(restock, Optional.empty()).isPresent();
    }

    /** Loads the demo into an empty database; with waitlist commands, some shoppers wait for products out of stock. */
    public static Optional<Loaded> load(Restock restock, Optional<WaitlistCommands> waitlist) {
        boolean empty = restock.read(h -> restock.catalog().isEmpty(h));
        if (!empty) {
            return Optional.empty();
        }
        // Said only when it happens: every restart said "Loading the demo shop" and loaded nothing (an outside check).
        System.out.println("Loading the demo shop (a year of a real UK online retailer's sales, replayed; first start only)...");
        List<DemoProduct> products = readProducts();
        LocalDate today = LocalDate.ofInstant(restock.clock().instant(), ZoneOffset.UTC);
        ProgressBar progress = new ProgressBar(System.out);
        java.util.Map<String, int[]> dailyUnits = readDailyUnits();
        int days = dailyUnits.values().iterator().next().length;
        DemoYear.Summary year = DemoYear.replay(restock, products, dailyUnits, today, done -> progress.update(done, days));
        addComingSoon(restock, today);
        addOfferRules(restock);
        waitlist.ifPresent(commands -> restock.inTransaction(h -> {
            // Signed up over the last weeks, each product's three a few hours apart (all at the load's moment, the queue's
            // order and its "signed up" column said nothing).
            Instant loadedAt = restock.clock().instant();
            int shopper = 0;
            int waitlisted = 0;
            for (DemoProduct demo : products) {
                if (restock.stock().level(h, demo.product().sku()).available() == 0) {
                    for (int i = 0; i < WAITLIST_SHOPPERS; i++) {
                        shopper++;
                        WaitlistCommands then = commands.withClock(Clock.fixed(signedUpAt(loadedAt, waitlisted, i), ZoneOffset.UTC));
                        then.signUp(h, demo.product().sku(), "shopper" + shopper + "@example.com", 1 + i % 2, true);
                    }
                    waitlisted++;
                }
            }
            return null;
        }));
        int causes = new restock.service.CauseAnalysis(restock, restock.clock()).classifyPending(Integer.MAX_VALUE);
        return Optional.of(new Loaded(products.size(), year.days(), year.orders(), year.purchaseOrders(), causes));
    }

    /** The demo's waitlist: shoppers per product out of stock, signed up over this many days before the load. */
    static final int WAITLIST_SHOPPERS = 3;
    static final int WAITLIST_SPREAD_DAYS = 20;
    private static final int WAITLIST_DAYS_STEP = 7;
    private static final Duration WAITLIST_GAP = Duration.ofHours(5);
    /** Each product's first sign-up at another time of day too (all at the load's minute read as made up). */
    private static final int WAITLIST_MINUTES_STEP = 317;

    /**
     * When the demo's {@code shopper}-th shopper for its {@code product}-th waitlisted product signed up: the product's
     * first a day or more before the load (products spread over {@value #WAITLIST_SPREAD_DAYS} days), the others hours after.
     */
    static Instant signedUpAt(Instant loadedAt, int product, int shopper) {
        Instant first = loadedAt.minus(Duration.ofDays(1 + (long) product * WAITLIST_DAYS_STEP % WAITLIST_SPREAD_DAYS))
                .minus(Duration.ofMinutes((long) product * WAITLIST_MINUTES_STEP % (24 * 60)));
        return first.plus(WAITLIST_GAP.multipliedBy(shopper));
    }

    /**
     * One product not yet released, with its first delivery ordered: so the shop shows a pre-order beside the year's
     * products (the data set has none). Not in the replayed year: it has no sales history.
     */
    static final Sku COMING_SOON = Sku.of("90001");
    /** Days until the coming-soon product's release, and until its first delivery is due. */
    static final int COMING_SOON_RELEASE_DAYS = 21;
    static final int COMING_SOON_DELIVERY_DAYS = 14;

    private static void addComingSoon(Restock restock, LocalDate today) {
        restock.inTransaction(h -> {
            restock.catalog().create(h, new Product(COMING_SOON, "Vintage Christmas Paper Chain Kit (new edition)", new Money(325, "GBP"),
                    new BackorderPolicy.WhenSupplyConfirmed(), new restock.catalog.Lifecycle(Optional.of(today.plusDays(COMING_SOON_RELEASE_DAYS)), false)));
            // Filed like the year's products (a category and its supplier), so reports by supplier or category hold it.
            String supplier = DemoYear.SUPPLIERS.get(1).name();
            long supplierId = restock.catalogEdits().suppliers(h, 0, DemoYear.SUPPLIERS.size() + 1).items().stream()
                    .filter(s -> s.name().equals(supplier)).findFirst().orElseThrow().id();
            restock.catalogEdits().editProduct(h, COMING_SOON, filed -> new restock.service.CatalogEdits.FiledProduct(filed.product(),
                    new restock.catalog.ProductPlacement(Optional.of(DemoYear.categoryOf("Paper Chain Kit")), Optional.of(supplierId))), "demo");
            restock.purchasing().create(h, new restock.purchasing.PurchaseOrderRequest(supplier, false,
                    List.of(new restock.purchasing.PurchaseOrderRequest.Line(COMING_SOON, 240, today.plusDays(COMING_SOON_DELIVERY_DAYS)))));
            return null;
        });
    }

    /**
     * The offers a shop would run, so the console's offers section and the mails have something to show (a newcomer
     * found no rule in the demo, and nothing to pause): a waitlist discount in back-in-stock notices, and compensation
     * for a promise missed by a week or more. Made after the replayed year, so they act from the demo's first day on.
     */
    private static void addOfferRules(Restock restock) {
        restock.inTransaction(h -> {
            restock.offers().activate(h, new restock.engagement.OfferRule.WaitlistDiscount(10, 14, 0, Optional.empty()));
            restock.offers().activate(h, new restock.engagement.OfferRule.LateCompensation(5, 20, 30));
            return null;
        });
    }

    /** Units sold per day per product, oldest first (demo/daily_units.csv: sku, first date, units separated by spaces). */
    static java.util.Map<String, int[]> readDailyUnits() {
        var stream = Objects.requireNonNull(Demo.class.getResourceAsStream("/demo/daily_units.csv"), "demo/daily_units.csv missing");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            java.util.Map<String, int[]> units = new java.util.LinkedHashMap<>();
            List<Csv.Line> rows = Csv.parse(reader);
            for (Csv.Line line : rows.subList(1, rows.size())) {
                List<String> row = line.cells();
                units.put(row.get(0), java.util.Arrays.stream(row.get(2).split(" ")).mapToInt(Integer::parseInt).toArray());
            }
            return units;
        } catch (IOException e) {
            throw new IllegalStateException("could not read demo/daily_units.csv", e);
        }
    }

    static List<DemoProduct> readProducts() {
        var stream = Objects.requireNonNull(Demo.class.getResourceAsStream("/demo/products.csv"), "demo/products.csv missing");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<DemoProduct> products = new ArrayList<>();
            List<Csv.Line> rows = Csv.parse(reader);
            for (Csv.Line line : rows.subList(1, rows.size())) {
                List<String> row = line.cells();
                BackorderPolicy policy = row.get(6).equals("out_of_stock") ? new BackorderPolicy.Never()
                        : ALWAYS.contains(row.get(0)) ? new BackorderPolicy.Always(java.util.OptionalInt.empty())
                        : new BackorderPolicy.WhenSupplyConfirmed();
                Product product = new Product(Sku.of(row.get(0)), row.get(1), new Money(Long.parseLong(row.get(2)), row.get(3)), policy);
                products.add(new DemoProduct(product, Integer.parseInt(row.get(4)), row.get(6)));
            }
            return products;
        } catch (IOException e) {
            throw new IllegalStateException("could not read demo/products.csv", e);
        }
    }
}
