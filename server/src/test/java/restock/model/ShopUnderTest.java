package restock.model;

import restock.allocation.Admission;
import restock.allocation.Placement;
import restock.allocation.SkuBook;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.SignedLinks;
import restock.notify.Branding;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.payments.PaymentPolicy;
import restock.promise.PromiseSettings;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.AvailabilityQueries;
import restock.service.NoticeRelay;
import restock.service.OrderCommands;
import restock.service.QueueUpkeep;
import restock.service.Restock;
import restock.service.StorefrontQueries;
import restock.service.WaitlistCommands;
import restock.store.Database;
import restock.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The real system, driven through its services on PostgreSQL, beside the model: each command is sent to both, and
 * ids are translated (the model numbers its own). A command the model refuses must be refused by the product with
 * a Conflict or an InvalidInput, and the other way round.
 */
final class ShopUnderTest {
    private static final byte[] SECRET = "model-based test secret, long enough".getBytes(StandardCharsets.UTF_8);

    /** The feed's links; the checks compare availability, not addresses. */
    private static final StorefrontQueries.Pages PAGES = new StorefrontQueries.Pages() {
        @Override
        public String productPage(Sku sku) {
            return "https://shop.example.com/" + sku.code();
        }

        @Override
        public String image(Product product) {
            return "https://shop.example.com/images/" + product.sku().code() + ".jpg";
        }
    };

    final TestClock clock;
    final Restock restock;
    final WaitlistCommands waitlist;
    final QueueUpkeep upkeep;
    final StorefrontQueries storefront;
    private final Map<Long, Long> orderIds = new HashMap<>();
    private final Map<Long, Long> lineIds = new HashMap<>();
    private final Map<Long, Long> purchaseOrderIds = new HashMap<>();

    ShopUnderTest(Database database, Instant start) {
        this.clock = new TestClock(start);
        this.restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.ofInstant(start, java.time.ZoneOffset.UTC)),
                PaymentPolicy.DEFAULT, new SignedLinks(SECRET));
        NoticeRelay relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        this.waitlist = new WaitlistCommands(restock, restock.links(), relay, WaitlistCommands.Settings.DEFAULT.holding(), clock);
        this.upkeep = new QueueUpkeep(restock, clock);
        this.storefront = new StorefrontQueries(restock);
    }

    /** Whether the product accepted the command (false: it refused it as the rules say, with a 4xx-kind error). */
    static boolean accepted(Runnable command) {
        try {
            command.run();
            return true;
        } catch (Conflict | InvalidInput refused) {
            return false;
        }
    }

    void createProduct(String sku, ReferenceModel.Policy policy, Integer cap, LocalDate releaseDate) {
        BackorderPolicy backorderPolicy = switch (policy) {
            case NEVER -> new BackorderPolicy.Never();
            case WHEN_SUPPLY_CONFIRMED -> new BackorderPolicy.WhenSupplyConfirmed();
            case ALWAYS -> new BackorderPolicy.Always(cap == null ? OptionalInt.empty() : OptionalInt.of(cap));
        };
        restock.inTransaction(h -> restock.catalog().create(h, new Product(Sku.of(sku), "Product " + sku, new Money(1_000, "GBP"),
                backorderPolicy, new Lifecycle(Optional.ofNullable(releaseDate), false))));
    }

    void discontinue(String sku) {
        restock.inTransaction(h -> restock.catalog().discontinue(h, Sku.of(sku)));
    }

    boolean adjust(String sku, int delta) {
        return accepted(() -> restock.inTransaction(h -> restock.stock().adjust(h, Sku.of(sku), delta, "model step")));
    }

    boolean count(String sku, int counted) {
        return accepted(() -> restock.inTransaction(h -> restock.stock().count(h, Sku.of(sku), counted, "model count")));
    }

    void returnToStock(String sku, int quantity) {
        restock.inTransaction(h -> restock.stock().returnToStock(h, Sku.of(sku), quantity, "model return"));
    }

    boolean purchaseOrder(long modelId, String supplier, String sku, int quantity, LocalDate expected) {
        return accepted(() -> {
            PurchaseOrder order = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest(supplier, true,
                    List.of(new PurchaseOrderRequest.Line(Sku.of(sku), quantity, expected)))));
            purchaseOrderIds.put(modelId, order.id());
        });
    }

    boolean receive(long modelPurchaseOrderId, String sku, int quantity) {
        long id = purchaseOrderIds.get(modelPurchaseOrderId);
        return accepted(() -> restock.inTransaction(h -> restock.purchasing().receive(h, id, List.of(new ReceiptPlan.Received(Sku.of(sku), quantity)))));
    }

    boolean close(long modelPurchaseOrderId) {
        long id = purchaseOrderIds.get(modelPurchaseOrderId);
        return accepted(() -> restock.inTransaction(h -> restock.purchasing().close(h, id)));
    }

    boolean cancelPurchaseOrder(long modelPurchaseOrderId) {
        long id = purchaseOrderIds.get(modelPurchaseOrderId);
        return accepted(() -> restock.inTransaction(h -> restock.purchasing().cancel(h, id)));
    }

    /** "ok", "invalid" or "conflict", as the model says it. */
    String reschedule(long modelPurchaseOrderId, LocalDate expected) {
        long id = purchaseOrderIds.get(modelPurchaseOrderId);
        try {
            restock.inTransaction(h -> restock.purchasing().reschedule(h, id, 1, expected));
            return "ok";
        } catch (InvalidInput invalid) {
            return "invalid";
        } catch (Conflict conflict) {
            return "conflict";
        }
    }

    Order place(long modelOrderId, List<Long> modelLineIds, String customer, int priority, boolean allowPartial,
                List<ReferenceModel.Requested> requested) {
        Order order = restock.inTransaction(h -> restock.orders().place(h, request(customer, priority, allowPartial, requested)));
        orderIds.put(modelOrderId, order.id());
        for (int i = 0; i < modelLineIds.size(); i++) {
            lineIds.put(modelLineIds.get(i), order.lines().get(i).id());
        }
        return order;
    }

    private static OrderRequest request(String customer, int priority, boolean allowPartial, List<ReferenceModel.Requested> requested) {
        return new OrderRequest(customer + "@example.com", allowPartial, priority,
                requested.stream().map(r -> new OrderRequest.Line(Sku.of(r.sku()), r.quantity())).toList());
    }

    /**
     * What orders for each quantity would get, decided as placement decides, and what an order placed now gets, in
     * one transaction that is rolled back: the SKUs' books locked and loaded, {@link Placement#decide} on them for a
     * shopper with no holds for every SKU and quantity, then the trial order placed through placement itself
     * (written and read back). Nothing is written before the order, so it sees the book the decisions saw.
     */
    UnderLock underLock(List<String> skus, List<Integer> quantities, List<ReferenceModel.Requested> trialLines) {
        try {
            restock.inTransaction(h -> {
                List<Sku> codes = skus.stream().map(Sku::of).toList();
                Map<Sku, SkuBook> books = restock.books().lock(h, codes);
                Map<Sku, List<Admission>> decisions = new LinkedHashMap<>();
                for (Sku sku : codes) {
                    List<Admission> admissions = new ArrayList<>();
                    for (int quantity : quantities) {
                        OrderRequest request = request("trial", 0, true, List.of(new ReferenceModel.Requested(sku.code(), quantity)));
                        admissions.add(Placement.decide(request, Map.of(sku, books.get(sku)), List.of(-1L), clock.instant()).admissions().get(0));
                    }
                    decisions.put(sku, admissions);
                }
                Order trial = restock.orders().place(h, request("trial", 0, true, trialLines));
                throw new Rollback(new UnderLock(decisions, trial));
            });
            throw new AssertionError("unreachable");
        } catch (Rollback rollback) {
            return rollback.answers;
        }
    }

    /** The decisions on the locked books, by SKU in the order of the quantities asked, and the trial order. */
    record UnderLock(Map<Sku, List<Admission>> decisions, Order trial) {
    }

    /** Carries the answers out of the transaction they roll back. */
    private static final class Rollback extends RuntimeException {
        final transient UnderLock answers;

        Rollback(UnderLock answers) {
            super(null, null, false, false);
            this.answers = answers;
        }
    }

    /**
     * What the shop shows at one committed state, read on one connection without locks: the availability answers
     * for the items (each on its own), the cart's answers (the cart's lines as one order), the Merchant feed's rows,
     * each SKU's stock figures (on hand, reserved, backordered, open incoming) and each order line's quantities
     * (reserved, waiting, refused, shipped, cancelled) by real line id.
     */
    Reading reading(List<OrderRequest.Line> items, List<ReferenceModel.Requested> cart) {
        List<OrderRequest.Line> cartLines = cart.stream().map(r -> new OrderRequest.Line(Sku.of(r.sku()), r.quantity())).toList();
        return restock.read(h -> new Reading(restock.availability().batch(h, items), restock.availability().cart(h, cartLines),
                storefront.merchantRows(h, PAGES), stock(h), lines(h), toShip(h)));
    }

    record Reading(List<AvailabilityQueries.Answer> answers, List<AvailabilityQueries.Answer> cart, List<Map<String, String>> feed,
                   Map<String, int[]> stock, Map<Long, int[]> lines, List<Long> toShip) {
    }

    /** The pick list, every page of it: the real ids of the orders a warehouse would ship now, oldest first. */
    private List<Long> toShip(org.jdbi.v3.core.Handle h) {
        List<Long> ids = new ArrayList<>();
        restock.common.Paged<OrderCommands.ToShip> page;
        do {
            page = restock.orders().toShip(h, ids.isEmpty() ? 0 : ids.get(ids.size() - 1), OrderCommands.MAX_PICK_LIST_PAGE);
            page.items().forEach(due -> ids.add(due.order().id()));
        } while (page.more());
        return ids;
    }

    long realOrderId(long modelOrderId) {
        return orderIds.get(modelOrderId);
    }

    private static Map<String, int[]> stock(org.jdbi.v3.core.Handle h) {
        Map<String, int[]> stock = new HashMap<>();
        h.createQuery("""
                        select s.sku, s.on_hand, s.reserved, s.backordered,
                               coalesce((select sum(l.quantity_ordered - l.quantity_received)
                                         from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                                         where o.status = 'open' and l.sku = s.sku), 0) as incoming
                        from stock s""")
                .map((rs, ctx) -> Map.entry(rs.getString("sku"), new int[] {rs.getInt("on_hand"), rs.getInt("reserved"),
                        rs.getInt("backordered"), rs.getInt("incoming")}))
                .forEach(entry -> stock.put(entry.getKey(), entry.getValue()));
        return stock;
    }

    private static Map<Long, int[]> lines(org.jdbi.v3.core.Handle h) {
        Map<Long, int[]> lines = new HashMap<>();
        h.createQuery("select id, reserved, waiting, refused, shipped, cancelled from order_lines")
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), new int[] {rs.getInt("reserved"), rs.getInt("waiting"),
                        rs.getInt("refused"), rs.getInt("shipped"), rs.getInt("cancelled")}))
                .forEach(entry -> lines.put(entry.getKey(), entry.getValue()));
        return lines;
    }

    boolean cancelOrder(long modelOrderId) {
        long id = orderIds.get(modelOrderId);
        return accepted(() -> restock.inTransaction(h -> restock.orders().cancel(h, id)));
    }

    boolean cancelLine(long modelOrderId, int lineNumber) {
        long id = orderIds.get(modelOrderId);
        return accepted(() -> restock.inTransaction(h -> restock.orders().cancelLine(h, id, lineNumber)));
    }

    boolean reprioritize(long modelOrderId, int lineNumber, int priority) {
        long id = orderIds.get(modelOrderId);
        return accepted(() -> restock.inTransaction(h -> restock.orders().reprioritize(h, id, lineNumber, priority)));
    }

    boolean ship(long modelOrderId) {
        long id = orderIds.get(modelOrderId);
        return accepted(() -> restock.inTransaction(h -> restock.orders().ship(h, id)));
    }

    boolean signUp(String customer, String sku, int quantity) {
        return accepted(() -> restock.inTransaction(h -> waitlist.signUp(h, Sku.of(sku), customer + "@example.com", quantity, true)));
    }

    void noticePass() {
        waitlist.noticePass();
    }

    void pass(Duration duration) {
        clock.advance(duration);
        upkeep.drain();
    }

    long realLineId(long modelLineId) {
        return lineIds.get(modelLineId);
    }

    <R> R read(org.jdbi.v3.core.HandleCallback<R, RuntimeException> work) {
        return restock.read(work);
    }
}
