package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.orders.OrderRequest;
import restock.promise.Availability;
import restock.promise.AvailabilityDecision;
import restock.promise.PromiseCalibration;
import restock.store.SqlAvailability;
import restock.store.SqlPromises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Storefront answers, read from the availability projection: one indexed row per SKU, no timeline recomputed. */
public final class AvailabilityQueries {
    /** A cart or a category page; more at once is a feed. */
    public static final int MAX_BATCH = 200;

    private final Books books;

    public AvailabilityQueries(Books books) {
        this.books = books;
    }

    /** A SKU's availability for a quantity, with its product name. */
    public record Answer(Sku sku, int quantity, Availability availability) {
    }

    public Answer availability(Handle handle, Sku sku, int quantity) {
        return batch(handle, List.of(new OrderRequest.Line(sku, quantity))).get(0);
    }

    /** The calibration report over every resolved first promise. */
    public List<PromiseCalibration.Bucket> calibration(Handle handle) {
        return PromiseCalibration.report(SqlPromises.outcomes(handle, books.today(), books.settingsToday().handlingDays()));
    }

    public List<Answer> batch(Handle handle, List<OrderRequest.Line> items) {
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw new InvalidInput("items", "items must hold 1 to " + MAX_BATCH + " SKUs, had " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            OrderRequest.requireQuantity("items[" + i + "].quantity", items.get(i).quantity());
        }
        Map<Sku, SqlAvailability.Projected> projected = new LinkedHashMap<>();
        SqlAvailability.list(handle, items.stream().map(OrderRequest.Line::sku).distinct().toList())
                .forEach(p -> projected.put(p.sku(), p));
        List<Answer> answers = new ArrayList<>();
        for (OrderRequest.Line item : items) {
            SqlAvailability.Projected p = projected.get(item.sku());
            if (p == null) {
                throw new NotFound("sku", "unknown sku '" + item.sku() + "'");
            }
            answers.add(new Answer(item.sku(), item.quantity(), AvailabilityDecision.decide(p.steps(), item.quantity(), p.lifecycle(),
                    p.restockIntervalDays(), books.today())));
        }
        return answers;
    }
}
