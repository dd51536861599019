package restock.service;

import org.jdbi.v3.core.Handle;
import restock.allocation.Admission;
import restock.allocation.OrderDecision;
import restock.allocation.SkuPosition;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.orders.OrderRequest;
import restock.promise.Availability;
import restock.promise.PromiseCalibration;
import restock.promise.RestockCadence;
import restock.store.SqlPromises;
import restock.store.SqlBooks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storefront answers: for each SKU and quantity, what an order placed now would get ({@link OrderDecision}, on the
 * same position a locked book would show), presented as a shop shows it. The feed and the offer read these answers.
 */
public final class AvailabilityQueries {
    /** A cart or a category page; more at once is a feed. */
    public static final int MAX_BATCH = 200;
    /** Receipt days further back than this many say little about today's restock cadence. */
    static final int MAX_RECEIPT_DAYS = 50;

    private final Books books;

    public AvailabilityQueries(Books books) {
        this.books = books;
    }

    /** A SKU's availability for a quantity: the decision an order would get, and how a shop presents it. */
    public record Answer(Sku sku, int quantity, Admission decision, Availability availability) {
    }

    public Answer availability(Handle handle, Sku sku, int quantity) {
        OrderRequest.requireQuantity("quantity", quantity);
        // One SKU named in the path: an unknown one is the path's "sku", not "items[0].sku" (an outside check).
        return answers(handle, List.of(new OrderRequest.Line(sku, quantity)), false, false).get(0);
    }

    /** The calibration report over every settled first promise. */
    public List<PromiseCalibration.Bucket> calibration(Handle handle) {
        return PromiseCalibration.ofFirstPromises(SqlPromises.firstPromises(handle), books.today(), books.settingsToday().handlingDays());
    }

    /**
     * Each item answered on its own: several questions at once (a category page, a feed, one SKU at several
     * quantities), each as if it were the only order.
     */
    public List<Answer> batch(Handle handle, List<OrderRequest.Line> items) {
        return answers(handle, items, false, true);
    }

    /**
     * A cart: the items answered as one order with those lines would be placed, so a SKU named again is answered on
     * what its earlier lines left (an outside check found two lines of 2 answered "in stock" with 3 free, and the
     * order refusing 1).
     */
    public List<Answer> cart(Handle handle, List<OrderRequest.Line> items) {
        return answers(handle, items, true, true);
    }

    private List<Answer> answers(Handle handle, List<OrderRequest.Line> items, boolean asOneOrder, boolean itemsNamed) {
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw new InvalidInput("items", "items must hold 1 to " + MAX_BATCH + " SKUs, had " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            OrderRequest.requireQuantity("items[" + i + "].quantity", items.get(i).quantity());
        }
        List<Sku> skus = items.stream().map(OrderRequest.Line::sku).distinct().toList();
        SqlBooks.Positions read;
        try {
            read = books.positions(handle, skus, MAX_RECEIPT_DAYS);
        } catch (restock.common.NotFound unknown) {
            throw itemsNamed ? unknown.at("items", items.stream().map(item -> item.sku().code()).toList(), "sku") : unknown;
        }
        Map<Sku, SkuPosition> positions = new java.util.HashMap<>(read.bySku());
        Map<Sku, List<LocalDate>> receiptDays = read.receiptDays();
        List<Answer> answers = new ArrayList<>();
        for (OrderRequest.Line item : items) {
            SkuPosition position = positions.get(item.sku());
            Admission decision = OrderDecision.decide(position, item.quantity(), 0);
            if (asOneOrder) {
                positions.put(item.sku(), position.after(decision));
            }
            Optional<Integer> cadence = RestockCadence.typicalIntervalDays(receiptDays.getOrDefault(item.sku(), List.of()));
            answers.add(new Answer(item.sku(), item.quantity(), decision, Availability.of(decision.status(),
                    position.released() ? position.freeUnits() : 0,
                    decision.reserved(), decision.waiting(), decision.refused(), decision.promise(), decision.moreDue(), position.released(), cadence,
                    books.today())));
        }
        return answers;
    }
}
