package restock.service;

import restock.catalog.Product;
import restock.catalog.Sku;
import restock.inventory.NamedStockLevel;
import restock.common.NotFound;
import restock.store.SqlCatalog;
import restock.store.SqlConsole;
import restock.views.ConsoleRows;
import restock.engagement.ListedOfferRule;
import restock.orders.LineState;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.payments.LinePayment;
import restock.store.SqlOffers;
import restock.store.SqlOrders;
import restock.store.SqlPayments;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the operations console lists: read-only queries, each with a named limit on how many rows it returns. */
public final class ConsoleQueries {
    /** Rows on one list page; the pages say when there are more. */
    public static final int PAGE_ROWS = 100;
    /** Days in the overview's trend chart. */
    public static final int TREND_DAYS = 30;
    /** Ledger movements shown on a SKU's page. */
    public static final int MOVEMENT_ROWS = 30;
    /** Days a line has waited from which the backorder queue shades its row (and its key says so). */
    public static final int LONG_WAIT_DAYS = 14;
    /** The longest search text accepted. */
    public static final int MAX_SEARCH_LENGTH = 100;

    private final Restock restock;

    public ConsoleQueries(Restock restock) {
        this.restock = restock;
    }

    /** Rows in each list of alerts on the overview. */
    public static final int ALERT_ROWS = 10;

    /** Today's figures, the trend up to today, and what needs a look: late or overdue supply and promises at risk. */
    public record Overview(LocalDate today, ConsoleRows.Figures figures, List<ConsoleRows.Day> trend, List<ConsoleRows.LateOrOverdueLine> lateSupply,
                           List<ConsoleRows.PromiseAtRisk> promisesAtRisk) {
    }

    public Overview overview() {
        LocalDate today = restock.books().today();
        return restock.read(h -> new Overview(today, SqlConsole.figures(h, today.atStartOfDay().toInstant(ZoneOffset.UTC), today),
                trend(h, today), SqlConsole.lateOrOverdueLines(h, today, ALERT_ROWS),
                SqlConsole.promisesAtRisk(h, today, ALERT_ROWS)));
    }

    /** The trend alone, for the overview's chart. */
    public List<ConsoleRows.Day> trend() {
        LocalDate today = restock.books().today();
        return restock.read(h -> trend(h, today));
    }

    /** Days of the trend summed up afresh on every request: today and yesterday (a transaction may straddle midnight). */
    static final int LIVE_TREND_DAYS = 2;

    /** How long the trend's older days are kept before they are summed up again. */
    static final java.time.Duration KEEP_TREND_DAYS_FOR = java.time.Duration.ofMinutes(10);

    /** The trend's older days, summed up at a moment. */
    private record KeptDays(LocalDate from, LocalDate through, java.time.Instant summedAt, List<ConsoleRows.Day> days) {
    }

    private volatile KeptDays keptDays;

    /**
     * The trend: its older days are kept from an earlier request for {@link #KEEP_TREND_DAYS_FOR} (events are written
     * with the time they happen, so only a replay with a clock in the past, such as the demo's, adds to those days; it
     * shows within that time), summed up again when the days move on; the last days are summed up each time. At
     * 1,000,000 orders summing 30 days of events took one to two seconds on every load (docs/BENCHMARKS.md).
     */
    private List<ConsoleRows.Day> trend(org.jdbi.v3.core.Handle handle, LocalDate today) {
        LocalDate from = today.minusDays(TREND_DAYS - 1L);
        LocalDate through = today.minusDays(LIVE_TREND_DAYS);
        java.time.Instant now = restock.clock().instant();
        KeptDays kept = keptDays;
        if (kept == null || !kept.from().equals(from) || !kept.through().equals(through) || !now.isBefore(kept.summedAt().plus(KEEP_TREND_DAYS_FOR))) {
            kept = new KeptDays(from, through, now, SqlConsole.trend(handle, from, through));
            keptDays = kept;
        }
        List<ConsoleRows.Day> days = new java.util.ArrayList<>(kept.days());
        days.addAll(SqlConsole.trend(handle, through.plusDays(1), today));
        return days;
    }

    /** The waiting lines, oldest first, with their causes (the events not yet classified are classified first). */
    public List<ConsoleRows.QueueLine> backorderQueue(Optional<Sku> sku) {
        new CauseAnalysis(restock, restock.clock()).classifyRecent(InsightQueries.CATCH_UP_EVENTS);
        return restock.read(h -> SqlConsole.queue(h, sku.map(Sku::code), PAGE_ROWS));
    }

    public List<ConsoleRows.OrderRow> orders(String search) {
        String term = search == null ? "" : search.strip();
        if (term.length() > MAX_SEARCH_LENGTH || term.chars().anyMatch(Character::isISOControl)) {
            throw new restock.common.InvalidInput("q", "a search is at most " + MAX_SEARCH_LENGTH + " characters without control characters");
        }
        return restock.read(h -> withHeld(h, SqlConsole.orders(h, term, PAGE_ROWS)));
    }

    /**
     * Each order with the payments that keep its reserved lines from shipping, by {@link OrderCommands#shipsNow} (the rule
     * of the pick list and of a shipment): the list showed an order reserved whole with a declined card as plain "ready"
     * (an outside check). Two statements for the page, for the orders with units reserved.
     */
    private static List<ConsoleRows.OrderRow> withHeld(org.jdbi.v3.core.Handle handle, List<ConsoleRows.OrderRow> rows) {
        List<Long> reserved = rows.stream().filter(row -> row.units().reserved() > 0).map(ConsoleRows.OrderRow::id).toList();
        if (reserved.isEmpty()) {
            return rows;
        }
        Map<Long, List<OrderLine>> lines = SqlOrders.linesOfOrders(handle, reserved);
        Map<Long, LinePayment> payments = new HashMap<>();
        SqlPayments.ofOrders(handle, reserved).values().forEach(list -> list.forEach(p -> payments.put(p.orderLineId(), p)));
        return rows.stream().map(row -> row.withHeld(lines.getOrDefault(row.id(), List.of()).stream()
                .filter(line -> line.state() instanceof LineState.Reserved && !OrderCommands.shipsNow(line, payments.get(line.id())))
                .map(line -> payments.get(line.id()).state())
                .toList())).toList();
    }

    /** The furthest page of purchase orders the console pages to: 1,000,000 purchase orders at {@link #PAGE_ROWS} a page. */
    public static final int MAX_PURCHASE_ORDER_PAGE = 10_000;

    /** One page of the purchase orders list (numbered from 1), and how many purchase orders the list holds in all. */
    public record PurchaseOrderPage(List<ConsoleRows.PurchaseOrderRow> rows, int page, int total) {
        public PurchaseOrderPage {
            rows = List.copyOf(rows);
        }

        /** The number of the list's first row on this page (1 for the first page). */
        public int firstRow() {
            return (page - 1) * PAGE_ROWS + 1;
        }

        public boolean hasNewer() {
            return page > 1;
        }

        public boolean hasOlder() {
            return (long) page * PAGE_ROWS < total;
        }
    }

    /**
     * A page of the purchase orders, open ones first (soonest due), then the rest newest first. The API pages by id
     * ({@code after}); this list is in another order, so it is paged by number.
     */
    public PurchaseOrderPage purchaseOrders(Optional<String> status, int page) {
        return purchaseOrders(status, Optional.empty(), page);
    }

    /** As {@link #purchaseOrders(Optional, int)}, only those with a line still owed that is late, overdue or either when asked. */
    public PurchaseOrderPage purchaseOrders(Optional<String> status, Optional<ConsoleRows.Lateness> lateness, int page) {
        if (page < 1 || page > MAX_PURCHASE_ORDER_PAGE) {
            throw new restock.common.InvalidInput("page", "page is a number from 1 to " + MAX_PURCHASE_ORDER_PAGE + ", was " + page);
        }
        LocalDate today = restock.books().today();
        return restock.read(h -> new PurchaseOrderPage(SqlConsole.purchaseOrders(h, status, lateness, today, (page - 1) * PAGE_ROWS, PAGE_ROWS),
                page, SqlConsole.purchaseOrderCount(h, status, lateness, today)));
    }

    /** The supplier a SKU is usually ordered from (the last it was ordered from, else its product's), for a new purchase order. */
    /**
     * The waiting lines a purchase order's supply is to fill, at most {@link #PAGE_ROWS} (a newcomer found them only in
     * the close question).
     */
    public List<ConsoleRows.PeggedLine> waitingOn(long purchaseOrderId) {
        return restock.read(h -> SqlConsole.peggedTo(h, purchaseOrderId, PAGE_ROWS));
    }

    /** The order lines holding reserved units of a SKU, oldest order first, at most {@code limit}. */
    public List<ConsoleRows.ReservedLine> reservedBy(Sku sku, int limit) {
        return restock.read(h -> SqlConsole.reservedBy(h, sku.code(), limit));
    }

    public Optional<String> usualSupplier(Sku sku) {
        return restock.read(h -> SqlConsole.usualSupplier(h, sku.code()));
    }

    public List<ConsoleRows.SupplierRow> suppliers() {
        return restock.read(h -> SqlConsole.suppliers(h, PAGE_ROWS));
    }

    /** A supplier's figures as the suppliers list shows them, and its open purchase orders (a page of them). */
    public record SupplierActivity(ConsoleRows.SupplierRow figures, List<ConsoleRows.PurchaseOrderRow> openPurchaseOrders) {
    }

    public SupplierActivity supplierActivity(long supplierId) {
        return restock.read(h -> new SupplierActivity(
                SqlConsole.supplier(h, supplierId).orElseThrow(() -> new NotFound("id", "no supplier " + supplierId)),
                SqlConsole.openPurchaseOrders(h, supplierId, restock.books().today(), PAGE_ROWS)));
    }

    public restock.common.Paged<NamedStockLevel> products(String afterSku) {
        return restock.read(h -> restock.stock().list(h, afterSku, PAGE_ROWS));
    }

    public List<ConsoleRows.WaitlistRow> waitlists() {
        return restock.read(h -> SqlConsole.waitlists(h, PAGE_ROWS));
    }

    /**
     * The rules as the console lists them: newest first, where each stays when paused or resumed. Listed active first
     * (the API's order), a paused rule's row moved to the bottom and the Pause buttons shifted under the mouse (an
     * outside tester's finding).
     */
    public List<ListedOfferRule> offerRules() {
        return restock.read(SqlOffers::all).stream()
                .sorted(java.util.Comparator.comparingLong(ListedOfferRule::id).reversed()).toList();
    }

    /** A SKU typed into a filter that no product has, and the SKU differing from it only in case, if a product has one. */
    public record UnknownSku(String typed, Optional<String> meant) {
    }

    /**
     * Why a SKU typed into a filter finds nothing: no product has it, with the SKU that differs only in case if one does
     * (SKUs are case-sensitive); empty when a product has it. A mistyped SKU read like an empty queue (a newcomer's finding).
     */
    /** The most products a name typed into the queue's filter lists to choose from. */
    public static final int MAX_NAMED_PRODUCTS = 20;

    /** What the backorder queue's filter found for what was typed: states as types. */
    public sealed interface QueueFilter {
        /** Nothing typed: the whole queue. */
        record Everything() implements QueueFilter {
        }

        /** One product's queue: its SKU typed, or the one product whose name holds the words typed ({@code byName}). */
        record OneProduct(Sku sku, Optional<String> byName) implements QueueFilter {
        }

        /** Several products' names hold the words: a list to choose from (at most {@link #MAX_NAMED_PRODUCTS}). */
        record Choose(String typed, List<ConsoleRows.NamedProduct> products) implements QueueFilter {
        }

        /** No product has the SKU or a name holding the words. */
        record NoProduct(UnknownSku unknown) implements QueueFilter {
        }
    }

    /**
     * Reads the queue's filter as a SKU, else as (part of) a product's name, as the orders search does: it said "There is
     * no product 'Popcorn'" while the orders search found it (an outside tester's finding). A SKU differing only in case
     * is named as before, ahead of names.
     */
    public QueueFilter queueFilter(String typed) {
        String words = typed == null ? "" : typed.strip();
        if (words.isEmpty()) {
            return new QueueFilter.Everything();
        }
        if (words.length() > MAX_SEARCH_LENGTH || words.chars().anyMatch(Character::isISOControl)) {
            throw new restock.common.InvalidInput("sku", "a SKU or name is at most " + MAX_SEARCH_LENGTH + " characters without control characters");
        }
        Optional<String> known = restock.read(h -> SqlCatalog.skuIgnoringCase(h, words));
        if (known.filter(words::equals).isPresent()) {
            return new QueueFilter.OneProduct(Sku.of(words), Optional.empty());
        }
        if (known.isPresent()) {
            return new QueueFilter.NoProduct(new UnknownSku(words, known));
        }
        List<ConsoleRows.NamedProduct> named = restock.read(h -> SqlConsole.productsNamed(h, words, MAX_NAMED_PRODUCTS));
        if (named.size() == 1) {
            return new QueueFilter.OneProduct(Sku.of(named.get(0).sku()), Optional.of(named.get(0).name()));
        }
        return named.isEmpty() ? new QueueFilter.NoProduct(new UnknownSku(words, Optional.empty())) : new QueueFilter.Choose(words, named);
    }

    public Optional<UnknownSku> unknownSku(Sku sku) {
        Optional<String> known = restock.read(h -> SqlCatalog.skuIgnoringCase(h, sku.code()));
        if (known.filter(sku.code()::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new UnknownSku(sku.code(), known));
    }

    /** A SKU's page: the product, its figures, queue, incoming supply and movements, and what the shop says for one unit. */
    public record SkuDetail(Product product, restock.inventory.StockLevel level, List<ConsoleRows.QueueLine> queue,
                            List<ConsoleRows.IncomingRow> incoming, List<ConsoleRows.MovementRow> movements,
                            AvailabilityQueries.Answer shopAnswer, Optional<OrderLimit> orderLimit) {
    }

    /**
     * The most units one order can be taken for now, reserved and waiting, and why the shop refuses more: the reason of the
     * one decision ({@link restock.allocation.OrderDecision}) for one unit more than that. The page said "Only 2,318 can
     * be ordered" beside 9,048 incoming with no word of why (an outside tester's finding).
     */
    public record OrderLimit(int reserved, int waiting, String refusalReason) {
        public int orderable() {
            return reserved + waiting;
        }
    }

    public SkuDetail sku(Sku sku) {
        return restock.read(h -> new SkuDetail(restock.catalog().find(h, sku), restock.stock().level(h, sku),
                SqlConsole.queue(h, Optional.of(sku.code()), PAGE_ROWS), SqlConsole.incoming(h, sku.code()),
                SqlConsole.movements(h, sku.code(), MOVEMENT_ROWS), restock.availability().availability(h, sku, 1), orderLimit(h, sku)));
    }

    /**
     * The decision for the most units a line may ask for ({@link OrderRequest#MAX_UNITS_PER_LINE}) gives how many an order
     * can take; the decision for one more than that, why the rest is refused (for the most, the reason speaks of all the
     * units asked for, not of the limit). None when an order for the most is taken whole, or when not one unit can be
     * ordered (the answer for one unit says why).
     */
    private Optional<OrderLimit> orderLimit(org.jdbi.v3.core.Handle h, Sku sku) {
        var most = restock.availability().availability(h, sku, OrderRequest.MAX_UNITS_PER_LINE).decision();
        int orderable = most.reserved() + most.waiting();
        if (most.refused() == 0 || orderable == 0) {
            return Optional.empty();
        }
        var beyond = restock.availability().availability(h, sku, orderable + 1).decision();
        String reason = beyond.refusalReason().or(most::refusalReason).orElseThrow();
        return Optional.of(new OrderLimit(most.reserved(), most.waiting(), reason));
    }

    /** Each SKU's next delivery: the open purchase order line due soonest, for SKUs with one. */
    public java.util.Map<String, ConsoleRows.IncomingRow> nextDeliveries(java.util.Collection<String> skus) {
        return restock.read(h -> {
            java.util.Map<String, ConsoleRows.IncomingRow> next = new java.util.HashMap<>();
            for (String sku : new java.util.LinkedHashSet<>(skus)) {
                SqlConsole.incoming(h, sku).stream().findFirst().ifPresent(row -> next.put(sku, row));
            }
            return next;
        });
    }

    /** Product names by SKU code, for pages that show lines. */
    public java.util.Map<String, String> productNames(java.util.Collection<Sku> skus) {
        return restock.read(h -> productNames(h, skus));
    }

    /** As {@link #productNames(java.util.Collection)}, on a transaction's own connection (one that holds a lock takes no second). */
    public java.util.Map<String, String> productNames(org.jdbi.v3.core.Handle h, java.util.Collection<Sku> skus) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Sku sku : new java.util.LinkedHashSet<>(skus)) {
            names.put(sku.code(), restock.catalog().find(h, sku).name());
        }
        return names;
    }
}
