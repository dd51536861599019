package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.catalog.ProductPlacement;
import restock.catalog.AuditEntry;
import restock.catalog.BackorderPolicy;
import restock.catalog.Category;
import restock.catalog.Lifecycle;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Supplier;
import restock.common.InvalidInput;
import restock.service.CatalogEdits;
import restock.service.Restock;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suppliers, categories and product edits. PATCH bodies name only the fields to change; null clears an optional
 * field; an unknown field is refused (a typo must not look like success).
 */
final class CatalogRoutes {
    static final Set<String> SUPPLIER_FIELDS = Set.of("name", "contactName", "contactEmail", "phone", "leadTimeDays", "minimumOrder",
            "packSize", "currency");
    static final Set<String> PRODUCT_FIELDS = Set.of("name", "priceMinor", "currency", "backorderPolicy", "backorderCap", "releaseDate",
            "category", "supplierId");

    private final Restock restock;
    private final HttpCommands commands;

    CatalogRoutes(Restock restock, HttpCommands commands) {
        this.restock = restock;
        this.commands = commands;
    }

    private CatalogEdits edits() {
        return restock.catalogEdits();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/suppliers", ctx -> {
            long after = Optional.ofNullable(ctx.queryParam("after")).map(value -> number("after", value)).orElse(0L);
            int limit = HttpCommands.queryInt(ctx, "limit", 50);
            var suppliers = restock.read(h -> edits().suppliers(h, after, limit));
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", suppliers.items().stream().map(CatalogRoutes::supplierView).toList());
            suppliers.next(Supplier::id).ifPresent(next -> page.put("next", next));
            ctx.json(page);
        });
        routes.post("/api/suppliers", ctx -> {
            JsonNode body = JsonBody.parseObject(commands.mapper(), ctx.body());
            JsonBody.requireKnownFields(body, "", SUPPLIER_FIELDS);
            Supplier draft = applySupplier(Supplier.named(0, JsonBody.requiredText(body, "", "name")), body);
            CatalogEdits.Created<Supplier> created = restock.inTransaction(h -> edits().createSupplier(h, draft, changedBy(ctx)));
            ctx.status(created.created() ? 201 : 200).json(supplierView(created.value()));
        });
        routes.get("/api/suppliers/{id}", ctx -> {
            Supplier supplier = restock.read(h -> edits().supplier(h, HttpCommands.id(ctx)));
            ctx.header("ETag", HttpCommands.etag(CatalogEdits.version(supplier))).json(supplierView(supplier));
        });
        routes.patch("/api/suppliers/{id}", ctx -> commands.command(ctx, 200, (h, body) -> {
            JsonBody.requireKnownFields(body, "", SUPPLIER_FIELDS);
            Supplier edited = edits().editSupplier(h, HttpCommands.id(ctx), HttpCommands.readVersion(ctx),
                    supplier -> applySupplier(supplier, body), changedBy(ctx));
            ctx.header("ETag", HttpCommands.etag(CatalogEdits.version(edited)));
            return supplierView(edited);
        }));
        routes.get("/api/suppliers/{id}/audit", ctx -> {
            long id = HttpCommands.id(ctx);
            restock.read(h -> edits().supplier(h, id));
            ctx.json(Map.of("items", restock.read(h -> edits().auditTrail(h, "supplier", Long.toString(id))).stream()
                    .map(CatalogRoutes::auditView).toList()));
        });
        routes.get("/api/categories", ctx -> ctx.json(Map.of("items", restock.read(h -> edits().categories(h)))));
        routes.post("/api/categories", ctx -> {
            JsonNode body = JsonBody.parseObject(commands.mapper(), ctx.body());
            JsonBody.requireKnownFields(body, "", Set.of("code", "name"));
            Category category = new Category(JsonBody.requiredText(body, "", "code"), JsonBody.requiredText(body, "", "name"));
            CatalogEdits.Created<Category> created = restock.inTransaction(h -> edits().createCategory(h, category, changedBy(ctx)));
            ctx.status(created.created() ? 201 : 200).json(created.value());
        });
        routes.get("/api/products", ctx -> {
            String after = Optional.ofNullable(ctx.queryParam("after")).orElse("");
            int limit = HttpCommands.queryInt(ctx, "limit", 50);
            var rows = restock.read(h -> edits().products(h, after, limit, Optional.ofNullable(ctx.queryParam("category"))));
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", rows.items().stream().map(CatalogRoutes::productRow).toList());
            rows.next(row -> row.get("sku")).ifPresent(next -> page.put("next", next));
            ctx.json(page);
        });
        routes.patch("/api/products/{sku}", ctx -> commands.command(ctx, 200, (h, body) -> {
            JsonBody.requireKnownFields(body, "", PRODUCT_FIELDS);
            CatalogEdits.FiledProduct edited = edits().editProduct(h, HttpCommands.sku(ctx), HttpCommands.readVersion(ctx),
                    filed -> applyProduct(filed, body), changedBy(ctx));
            ctx.header("ETag", HttpCommands.etag(edited.version()));
            return productView(edited, true);
        }));
        routes.get("/api/products/{sku}/audit", ctx -> {
            var sku = HttpCommands.sku(ctx);
            restock.read(h -> restock.catalog().find(h, sku));
            ctx.json(Map.of("items", restock.read(h -> edits().auditTrail(h, "product", sku.code())).stream().map(CatalogRoutes::auditView).toList()));
        });
    }

    /**
     * Who a change through the API is recorded as: the key's name and prefix ("www (rk_sf_AbCd1234)"); the key from the
     * environment, whose prefix is "(environment)", as "RESTOCK_API_KEY (environment)" (it read "((environment))").
     */
    static String changedBy(Context ctx) {
        var key = Authentication.key(ctx);
        String prefix = key.prefix();
        return key.name() + " " + (prefix.startsWith("(") && prefix.endsWith(")") ? prefix : "(" + prefix + ")");
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, field + " must be a whole number, was '" + value + "'");
        }
    }

    /** The supplier with the body's fields applied; the constructor validates the result. */
    static Supplier applySupplier(Supplier s, JsonNode body) {
        return new Supplier(s.id(),
                body.has("name") ? JsonBody.requiredText(body, "", "name") : s.name(),
                body.has("contactName") ? Optional.ofNullable(JsonBody.optionalText(body, "", "contactName")) : s.contactName(),
                body.has("contactEmail") ? Optional.ofNullable(JsonBody.optionalText(body, "", "contactEmail")) : s.contactEmail(),
                body.has("phone") ? Optional.ofNullable(JsonBody.optionalText(body, "", "phone")) : s.phone(),
                body.has("leadTimeDays") ? Optional.ofNullable(JsonBody.optionalInt(body, "", "leadTimeDays", 1, Supplier.MAX_LEAD_TIME_DAYS))
                        : s.leadTimeDays(),
                body.has("minimumOrder") ? JsonBody.requiredInt(body, "", "minimumOrder", 0, Supplier.MAX_MINIMUM_ORDER) : s.minimumOrder(),
                body.has("packSize") ? JsonBody.requiredInt(body, "", "packSize", 1, Supplier.MAX_PACK_SIZE) : s.packSize(),
                body.has("currency") ? Optional.ofNullable(JsonBody.optionalText(body, "", "currency")) : s.currency());
    }

    /**
     * The product with the body's fields applied; a policy other than always drops the product's cap, and a cap given
     * with one is refused (BackorderPolicy.parse), as a cap given for a product whose policy is not always is.
     */
    static CatalogEdits.FiledProduct applyProduct(CatalogEdits.FiledProduct filed, JsonNode body) {
        Product p = filed.product();
        String name = body.has("name") ? JsonBody.requiredText(body, "", "name") : p.name();
        long price = body.has("priceMinor") ? JsonBody.requiredLong(body, "", "priceMinor") : p.price().amountMinor();
        String currency = body.has("currency") ? JsonBody.requiredText(body, "", "currency") : p.price().currency();
        String policy = body.has("backorderPolicy") ? JsonBody.requiredText(body, "", "backorderPolicy") : p.backorderPolicy().code();
        Integer cap = body.has("backorderCap") ? JsonBody.optionalInt(body, "", "backorderCap", 0, BackorderPolicy.MAX_CAP)
                : p.backorderPolicy().cap().isPresent() && policy.equals("always") ? Integer.valueOf(p.backorderPolicy().cap().getAsInt()) : null;
        Optional<LocalDate> release = body.has("releaseDate")
                ? (body.get("releaseDate").isNull() ? Optional.empty() : Optional.of(JsonBody.requiredDate(body, "", "releaseDate")))
                : p.lifecycle().releaseDate();
        Optional<String> category = body.has("category") ? Optional.ofNullable(JsonBody.optionalText(body, "", "category"))
                : filed.placement().category();
        Optional<Long> supplierId = body.has("supplierId")
                ? (body.get("supplierId").isNull() ? Optional.empty() : Optional.of(positive(body, "supplierId")))
                : filed.placement().supplierId();
        Product edited = new Product(p.sku(), name, new Money(price, currency), BackorderPolicy.parse(policy, cap),
                new Lifecycle(release, p.lifecycle().discontinued()));
        return new CatalogEdits.FiledProduct(edited, new ProductPlacement(category, supplierId));
    }

    private static long positive(JsonNode body, String field) {
        long value = JsonBody.requiredLong(body, "", field);
        if (value <= 0) {
            throw new InvalidInput(field, field + " must be a positive id, was " + value);
        }
        return value;
    }

    static Map<String, Object> supplierView(Supplier s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("name", s.name());
        view.put("contactName", s.contactName().orElse(null));
        view.put("contactEmail", s.contactEmail().orElse(null));
        view.put("phone", s.phone().orElse(null));
        view.put("leadTimeDays", s.leadTimeDays().orElse(null));
        view.put("minimumOrder", s.minimumOrder());
        view.put("packSize", s.packSize());
        view.put("currency", s.currency().orElse(null));
        return view;
    }

    /**
     * A product as GET /api/products/{sku} and a PATCH answer it, one shape for both: its own fields, its category and,
     * for keys that may know it ({@code withSupplier}), its supplier; the listing's fields when it has them. A GET left
     * out releaseDate, category and supplierId that the PATCH answer gave (a storefront developer saw two shapes for one
     * product; an outside check), and a storefront key is not told who supplies the shop.
     */
    static Map<String, Object> productView(CatalogEdits.FiledProduct filed, boolean withSupplier) {
        Views.ProductView product = Views.ProductView.of(filed.product());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sku", product.sku());
        view.put("name", product.name());
        view.put("priceMinor", product.priceMinor());
        view.put("currency", product.currency());
        view.put("backorderPolicy", product.backorderPolicy());
        view.put("backorderCap", product.backorderCap());
        view.put("releaseDate", product.releaseDate() == null ? null : product.releaseDate().toString());
        view.put("discontinued", product.discontinued());
        view.put("category", filed.placement().category().orElse(null));
        if (withSupplier) {
            view.put("supplierId", filed.placement().supplierId().orElse(null));
        }
        // The listing's fields, as creating the product answers them: only those it has.
        putWhenSet(view, "imageUrl", product.imageUrl());
        putWhenSet(view, "brand", product.brand());
        putWhenSet(view, "gtin", product.gtin());
        putWhenSet(view, "mpn", product.mpn());
        return view;
    }

    private static void putWhenSet(Map<String, Object> view, String field, String value) {
        if (value != null) {
            view.put(field, value);
        }
    }

    private static Map<String, Object> productRow(Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sku", row.get("sku"));
        view.put("name", row.get("name"));
        view.put("priceMinor", row.get("price_minor"));
        view.put("currency", row.get("currency"));
        view.put("backorderPolicy", row.get("backorder_policy"));
        view.put("backorderCap", row.get("backorder_cap"));
        view.put("releaseDate", row.get("release_date") == null ? null : row.get("release_date").toString());
        view.put("discontinued", row.get("discontinued"));
        view.put("category", row.get("category_code"));
        view.put("supplierId", row.get("supplier_id"));
        view.put("supplier", row.get("supplier"));
        return view;
    }

    private static Map<String, Object> auditView(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("action", entry.action());
        view.put("changedBy", entry.changedBy());
        view.put("at", entry.at().toString());
        try {
            view.put("changes", new com.fasterxml.jackson.databind.ObjectMapper().readTree(entry.changesJson()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("audit entry " + entry.id() + " holds no JSON", e);
        }
        return view;
    }
}
