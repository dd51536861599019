package restock.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;
import restock.allocation.SkuBook;
import restock.catalog.Lifecycle;
import restock.catalog.Sku;
import restock.promise.AvailabilitySteps;
import restock.promise.Outlook;
import restock.promise.Promise;
import restock.promise.RestockCadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The availability projection: one row per SKU, rewritten by every write to the SKU, read by the storefront
 * routes without recomputing any timeline.
 */
public final class SqlAvailability {
    /** Receipt dates further back than this many receipts say little about today's cadence. */
    static final int MAX_RECEIPT_DATES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlAvailability() {
    }

    /** What the projection holds for a SKU, with the product's lifecycle. */
    public record Projected(Sku sku, AvailabilitySteps steps, Lifecycle lifecycle, Optional<Integer> restockIntervalDays) {
    }

    static void project(Handle handle, SkuBook book, Instant now) {
        List<LocalDate> receiptDates = handle.createQuery("""
                        select distinct (r.received_at at time zone 'UTC')::date as day
                        from purchase_order_receipts r join purchase_order_lines l on l.id = r.purchase_order_line_id
                        where l.sku = :sku order by day desc limit :limit""")
                .bind("sku", book.sku().code())
                .bind("limit", MAX_RECEIPT_DATES)
                .mapTo(LocalDate.class)
                .list();
        handle.createUpdate("""
                        insert into availability (sku, available, steps, restock_interval_days, updated_at)
                        values (:sku, :available, cast(:steps as jsonb), :interval, :at)
                        on conflict (sku) do update set available = excluded.available, steps = excluded.steps,
                            restock_interval_days = excluded.restock_interval_days, updated_at = excluded.updated_at""")
                .bind("sku", book.sku().code())
                .bind("available", book.free())
                .bind("steps", toJson(book.availabilitySteps()))
                .bind("interval", RestockCadence.typicalIntervalDays(receiptDates).orElse(null))
                .bind("at", SqlPurchasing.utc(now))
                .execute();
    }

    public static Optional<Projected> find(Handle handle, Sku sku) {
        return list(handle, List.of(sku)).stream().findFirst();
    }

    /** Projections for several SKUs (a cart, a category page), in one query. */
    public static List<Projected> list(Handle handle, List<Sku> skus) {
        return handle.createQuery("""
                        select p.sku, p.release_date, p.discontinued, a.available, a.steps::text as steps, a.restock_interval_days
                        from products p left join availability a on a.sku = p.sku
                        where p.sku = any(:skus)""")
                .bindArray("skus", String.class, skus.stream().map(Sku::code).toList())
                .map((rs, ctx) -> new Projected(Sku.of(rs.getString("sku")),
                        rs.getString("steps") == null ? new AvailabilitySteps(0, List.of())
                                : fromJson(rs.getInt("available"), rs.getString("steps")),
                        new Lifecycle(Optional.ofNullable(rs.getObject("release_date", LocalDate.class)),
                                rs.getBoolean("discontinued")),
                        Optional.ofNullable((Integer) rs.getObject("restock_interval_days"))))
                .list();
    }

    static String toJson(AvailabilitySteps steps) {
        ArrayNode array = JSON.createArrayNode();
        for (AvailabilitySteps.Step step : steps.steps()) {
            ObjectNode node = array.addObject().put("units", step.cumulativeUnits());
            if (step.outlook() instanceof Outlook.Promised promised) {
                Promise p = promised.promise();
                node.put("from", p.from().toString()).put("to", p.to().toString()).put("probability", p.probability())
                        .put("purchaseOrderLineId", p.purchaseOrderLineId());
            } else if (step.outlook() instanceof Outlook.Unconfirmed unconfirmed) {
                node.put("probability", unconfirmed.probability()).put("reason", unconfirmed.reason());
            }
        }
        return array.toString();
    }

    static AvailabilitySteps fromJson(int available, String json) {
        try {
            List<AvailabilitySteps.Step> steps = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                Outlook outlook = node.has("to")
                        ? new Outlook.Promised(new Promise(LocalDate.parse(node.get("from").asText()), LocalDate.parse(node.get("to").asText()),
                        node.get("probability").asDouble(), node.get("purchaseOrderLineId").asLong()))
                        : new Outlook.Unconfirmed(node.get("probability").asDouble(), node.get("reason").asText());
                steps.add(new AvailabilitySteps.Step(node.get("units").asInt(), outlook));
            }
            return new AvailabilitySteps(available, steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("availability projection holds unreadable JSON: " + json, e);
        }
    }
}
