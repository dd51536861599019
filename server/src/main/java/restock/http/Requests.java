package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Listing;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.engagement.OfferRule;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;

import java.util.List;
import java.util.Optional;

/** Turns JSON bodies into validated domain requests. */
final class Requests {
    private Requests() {
    }

    static Sku sku(String path, String code) {
        try {
            return Sku.of(code);
        } catch (InvalidInput e) {
            throw new InvalidInput(path + "sku", e.getMessage());
        }
    }

    static Product product(JsonNode body) {
        JsonBody.requireKnownFields(body, "", NEW_PRODUCT_FIELDS);
        Sku sku = sku("", JsonBody.requiredText(body, "", "sku"));
        String name = JsonBody.requiredText(body, "", "name");
        long priceMinor = JsonBody.requiredLong(body, "", "priceMinor");
        String currency = JsonBody.requiredText(body, "", "currency");
        String policy = JsonBody.optionalText(body, "", "backorderPolicy");
        Integer cap = JsonBody.optionalInt(body, "", "backorderCap", 0, BackorderPolicy.MAX_CAP);
        String release = JsonBody.optionalText(body, "", "releaseDate");
        Lifecycle lifecycle = new Lifecycle(Optional.ofNullable(release == null ? null : JsonBody.requiredDate(body, "", "releaseDate")),
                JsonBody.optionalBoolean(body, "discontinued", false));
        Listing listing = Listing.of(JsonBody.optionalText(body, "", "imageUrl"), JsonBody.optionalText(body, "", "brand"),
                JsonBody.optionalText(body, "", "gtin"), JsonBody.optionalText(body, "", "mpn"));
        return new Product(sku, name, new Money(priceMinor, currency), BackorderPolicy.parse(policy, cap), lifecycle, listing);
    }

    /** The fields of each request body, as openapi.yaml declares them ({@code RequestFieldsTest} compares). */
    static final java.util.Set<String> NEW_PRODUCT_FIELDS = java.util.Set.of("sku", "name", "priceMinor", "currency", "backorderPolicy",
            "backorderCap", "releaseDate", "discontinued", "imageUrl", "brand", "gtin", "mpn");
    static final java.util.Set<String> ORDER_FIELDS = java.util.Set.of("customerEmail", "allowPartial", "priority", "lines",
            "paymentMethod", "discountCode");
    static final java.util.Set<String> LINE_FIELDS = java.util.Set.of("sku", "quantity");
    static final java.util.Set<String> PURCHASE_ORDER_FIELDS = java.util.Set.of("supplier", "newSupplier", "lines");
    static final java.util.Set<String> PURCHASE_ORDER_LINE_FIELDS = java.util.Set.of("sku", "quantity", "expectedDate");
    static final java.util.Set<String> CART_FIELDS = java.util.Set.of("items");
    static final java.util.Set<String> RECEIPT_FIELDS = java.util.Set.of("lines");
    static final java.util.Set<String> ADJUSTMENT_FIELDS = java.util.Set.of("quantity", "reason");
    static final java.util.Set<String> COUNT_FIELDS = java.util.Set.of("countedQuantity", "reason");
    static final java.util.Set<String> RETURN_FIELDS = java.util.Set.of("quantity", "reason");
    static final java.util.Set<String> EXPECTED_DATE_FIELDS = java.util.Set.of("expectedDate");
    static final java.util.Set<String> WAITLIST_FIELDS = java.util.Set.of("sku", "email", "quantity", "consent");
    static final java.util.Set<String> WEBHOOK_FIELDS = java.util.Set.of("url");
    static final java.util.Set<String> KEY_FIELDS = java.util.Set.of("name", "scope", "requestsPerMinute");
    static final java.util.Set<String> PAY_LINK_FIELDS = java.util.Set.of("token", "paymentMethod");
    static final java.util.Set<String> OFFER_RULE_FIELDS = java.util.Set.of("kind", "validDays", "percentOff", "minOrderMinor", "sku",
            "percentPerWeekLate", "capPercent", "afterDays");
    static final java.util.Set<String> ROTATION_FIELDS = java.util.Set.of("graceMinutes");

    static OrderRequest order(JsonNode body) {
        JsonBody.requireKnownFields(body, "", ORDER_FIELDS);
        String email = JsonBody.requiredText(body, "", "customerEmail");
        boolean allowPartial = JsonBody.optionalBoolean(body, "allowPartial", true);
        Integer priority = JsonBody.optionalInt(body, "", "priority", 0, OrderRequest.MAX_PRIORITY);
        List<OrderRequest.Line> lines = JsonBody.requiredArray(body, "lines", OrderRequest.MAX_LINES, Requests::line);
        Optional<String> paymentMethod = Optional.ofNullable(JsonBody.optionalText(body, "", "paymentMethod"));
        Optional<String> discountCode = Optional.ofNullable(JsonBody.optionalText(body, "", "discountCode"));
        return new OrderRequest(email, allowPartial, priority == null ? 0 : priority, lines, paymentMethod, discountCode);
    }

    /** One line of an order or one item of a cart: a SKU and a quantity. */
    private static OrderRequest.Line line(JsonNode line, String path) {
        JsonBody.requireKnownFields(line, path, LINE_FIELDS);
        return new OrderRequest.Line(sku(path, JsonBody.requiredText(line, path, "sku")),
                JsonBody.requiredInt(line, path, "quantity", 1, OrderRequest.MAX_UNITS_PER_LINE));
    }

    static PurchaseOrderRequest purchaseOrder(JsonNode body) {
        JsonBody.requireKnownFields(body, "", PURCHASE_ORDER_FIELDS);
        String supplier = JsonBody.requiredText(body, "", "supplier");
        List<PurchaseOrderRequest.Line> lines = JsonBody.requiredArray(body, "lines", PurchaseOrderRequest.MAX_LINES, Requests::purchaseOrderLine);
        return new PurchaseOrderRequest(supplier, JsonBody.optionalBoolean(body, "newSupplier", false), lines);
    }

    private static PurchaseOrderRequest.Line purchaseOrderLine(JsonNode line, String path) {
        JsonBody.requireKnownFields(line, path, PURCHASE_ORDER_LINE_FIELDS);
        return new PurchaseOrderRequest.Line(sku(path, JsonBody.requiredText(line, path, "sku")),
                JsonBody.requiredInt(line, path, "quantity", 1, PurchaseOrderRequest.MAX_UNITS_PER_LINE),
                JsonBody.requiredDate(line, path, "expectedDate"));
    }

    static List<OrderRequest.Line> availabilityItems(JsonNode body) {
        JsonBody.requireKnownFields(body, "", CART_FIELDS);
        return JsonBody.requiredArray(body, "items", restock.service.AvailabilityQueries.MAX_BATCH, Requests::line);
    }

    static OfferRule offerRule(JsonNode body) {
        JsonBody.requireKnownFields(body, "", OFFER_RULE_FIELDS);
        String kind = JsonBody.requiredText(body, "", "kind");
        int validDays = JsonBody.requiredInt(body, "", "validDays", 1, OfferRule.MAX_VALID_DAYS);
        return switch (kind) {
            case "waitlist_discount" -> new OfferRule.WaitlistDiscount(JsonBody.requiredInt(body, "", "percentOff", 1, OfferRule.MAX_PERCENT),
                    validDays, Optional.ofNullable(JsonBody.optionalInt(body, "", "minOrderMinor", 0, Integer.MAX_VALUE)).orElse(0),
                    Optional.ofNullable(JsonBody.optionalText(body, "", "sku")).map(code -> sku("", code).code()));
            case "late_compensation" -> new OfferRule.LateCompensation(
                    JsonBody.requiredInt(body, "", "percentPerWeekLate", 1, OfferRule.MAX_PERCENT),
                    JsonBody.requiredInt(body, "", "capPercent", 1, OfferRule.MAX_PERCENT), validDays);
            case "long_wait_thanks" -> new OfferRule.LongWaitThanks(JsonBody.requiredInt(body, "", "afterDays", 1, 365),
                    JsonBody.requiredInt(body, "", "percentOff", 1, OfferRule.MAX_PERCENT), validDays);
            default -> throw new InvalidInput("kind", "kind must be one of waitlist_discount, late_compensation, long_wait_thanks; was '" + kind + "'");
        };
    }

    static List<ReceiptPlan.Received> receipt(JsonNode body) {
        JsonBody.requireKnownFields(body, "", RECEIPT_FIELDS);
        return JsonBody.requiredArray(body, "lines", PurchaseOrderRequest.MAX_LINES, (line, path) -> {
            JsonBody.requireKnownFields(line, path, LINE_FIELDS);
            return new ReceiptPlan.Received(sku(path, JsonBody.requiredText(line, path, "sku")),
                    JsonBody.requiredInt(line, path, "quantity", 1, PurchaseOrderRequest.MAX_UNITS_PER_LINE));
        });
    }
}
