package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.Paged;
import restock.catalog.ProductPlacement;
import restock.catalog.AuditEntry;
import restock.catalog.CatalogAudit;
import restock.catalog.Category;
import restock.catalog.Currencies;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.catalog.Supplier;
import restock.common.Conflict;
import restock.common.CalendarLimits;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.common.StaleVersion;
import restock.store.SqlCatalog;
import restock.store.SqlCatalogEdits;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Suppliers, categories and product edits, each change written with an audit entry (who, when, each field from and
 * to) in the same transaction. An edit that changes nothing writes nothing.
 */
public final class CatalogEdits {
    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_AUDIT_ENTRIES = 200;

    private final Clock clock;
    private final CatalogCommands catalog;

    public CatalogEdits(Clock clock, CatalogCommands catalog) {
        this.clock = clock;
        this.catalog = catalog;
    }

    /** A create's outcome: new, or the same record already there. */
    public record Created<T>(T value, boolean created) {
    }

    public Paged<Supplier> suppliers(Handle handle, long afterId, int limit) {
        requirePageSize(limit);
        return Paged.of(SqlCatalogEdits.suppliers(handle, afterId, Paged.rowsToRead(limit)), limit);
    }

    public Supplier supplier(Handle handle, long id) {
        return SqlCatalogEdits.supplier(handle, id, false).orElseThrow(() -> new NotFound("id", "no supplier " + id));
    }

    /** The names of these suppliers by id (the audit trail names a product's supplier by id); an id not on file is left out. */
    public Map<Long, String> supplierNames(Handle handle, java.util.Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : SqlCatalogEdits.supplierNames(handle, ids);
    }

    /** The supplier with this name (names are unique), for pages that know a supplier only by the name a purchase order shows. */
    public Optional<Supplier> supplierNamed(Handle handle, String name) {
        return SqlCatalogEdits.supplierNamed(handle, name);
    }

    /** Creates a supplier; the same supplier again is answered as existing, other terms under its name are a conflict. */
    public Created<Supplier> createSupplier(Handle handle, Supplier draft, String changedBy) {
        draft.currency().ifPresent(code -> Currencies.checked("currency", code));
        Optional<Long> id = SqlCatalogEdits.insertSupplier(handle, draft, clock.instant());
        if (id.isEmpty()) {
            Supplier existing = SqlCatalogEdits.supplierNamed(handle, draft.name()).orElseThrow();
            if (!CatalogAudit.fields(existing).equals(CatalogAudit.fields(draft))) {
                throw new Conflict("name", "supplier '" + draft.name() + "' already exists (id " + existing.id()
                        + ") with other terms; change it with PATCH /api/suppliers/" + existing.id());
            }
            return new Created<>(existing, false);
        }
        Supplier created = supplier(handle, id.get());
        SqlCatalogEdits.audit(handle, "supplier", Long.toString(created.id()), "created", changedBy,
                CatalogAudit.diff(Map.of(), CatalogAudit.fields(created)), clock.instant());
        return new Created<>(created, true);
    }

    /** Applies an edit to a supplier under its row lock. */
    public Supplier editSupplier(Handle handle, long id, UnaryOperator<Supplier> edit, String changedBy) {
        return editSupplier(handle, id, Optional.empty(), edit, changedBy);
    }

    /** {@link #editSupplier(Handle, long, UnaryOperator, String)} made against the version the editor read (see {@link #editProduct}). */
    public Supplier editSupplier(Handle handle, long id, Optional<String> readVersion, UnaryOperator<Supplier> edit, String changedBy) {
        Supplier before = SqlCatalogEdits.supplier(handle, id, true).orElseThrow(() -> new NotFound("id", "no supplier " + id));
        readVersion.filter(read -> !read.equals(version(before))).ifPresent(read -> {
            throw new StaleVersion("supplier " + id, read, version(before));
        });
        Supplier after = edit.apply(before);
        Map<String, CatalogAudit.Change> changes = CatalogAudit.diff(CatalogAudit.fields(before), CatalogAudit.fields(after));
        if (changes.isEmpty()) {
            return before;
        }
        requireCurrencyInUse("supplier " + id, "give another currency, or none, with the edit", before.currency(), after.currency());
        if (!SqlCatalogEdits.updateSupplier(handle, after, clock.instant())) {
            throw new Conflict("name", "another supplier is already named '" + after.name() + "'");
        }
        SqlCatalogEdits.audit(handle, "supplier", Long.toString(id), "updated", changedBy, changes, clock.instant());
        return after;
    }

    public List<Category> categories(Handle handle) {
        return SqlCatalogEdits.categories(handle);
    }

    public Created<Category> createCategory(Handle handle, Category category, String changedBy) {
        if (!SqlCatalogEdits.insertCategory(handle, category, clock.instant())) {
            Category existing = SqlCatalogEdits.category(handle, category.code()).orElseThrow();
            if (!existing.equals(category)) {
                throw new Conflict("code", "category '" + category.code() + "' already exists named '" + existing.name() + "'");
            }
            return new Created<>(existing, false);
        }
        SqlCatalogEdits.audit(handle, "category", category.code(), "created", changedBy,
                CatalogAudit.diff(Map.of(), Map.of("code", category.code(), "name", category.name())), clock.instant());
        return new Created<>(category, true);
    }

    /** A product with where it is filed: its category and supplier. */
    public record FiledProduct(Product product, ProductPlacement placement) {
        /** The version of its editable fields ({@link CatalogAudit#version}). */
        public String version() {
            return CatalogAudit.version(CatalogAudit.fields(product, placement.category(), placement.supplierId()));
        }
    }

    /** A supplier's version ({@link CatalogAudit#version}). */
    public static String version(Supplier supplier) {
        return CatalogAudit.version(CatalogAudit.fields(supplier));
    }

    public FiledProduct product(Handle handle, Sku sku) {
        return new FiledProduct(catalog.find(handle, sku), SqlCatalogEdits.placement(handle, sku.code()));
    }

    /**
     * Applies an edit to a product (name, price, policy, cap, release date, category, supplier); discontinuing is
     * {@link CatalogCommands#discontinue}, which also cancels what no supply will fill.
     */
    public FiledProduct editProduct(Handle handle, Sku sku, UnaryOperator<FiledProduct> edit, String changedBy) {
        return editProduct(handle, sku, Optional.empty(), edit, changedBy);
    }

    /**
     * {@link #editProduct(Handle, Sku, UnaryOperator, String)} made against the version the editor read: refused with
     * {@link StaleVersion} when the product changed since (two people editing one product no longer see the last
     * writer silently undo the first). The product's row is locked while the edit is decided and written.
     */
    public FiledProduct editProduct(Handle handle, Sku sku, Optional<String> readVersion, UnaryOperator<FiledProduct> edit, String changedBy) {
        SqlCatalogEdits.lockProduct(handle, sku.code());
        FiledProduct before = product(handle, sku);
        readVersion.filter(read -> !read.equals(before.version())).ifPresent(read -> {
            throw new StaleVersion("product " + sku, read, before.version());
        });
        FiledProduct after = edit.apply(before);
        if (!after.product().sku().equals(sku)) {
            throw new InvalidInput("sku", "a product's SKU cannot change; create a new product instead");
        }
        if (after.product().lifecycle().discontinued() != before.product().lifecycle().discontinued()) {
            throw new InvalidInput("discontinued", "discontinue with POST /api/products/" + sku + "/discontinue; a discontinued product does not return");
        }
        requirePlacement(handle, after.placement());
        // A release date stored before the limits (V65) is kept by an edit that does not give a new one, and the
        // database refuses the row so: said here, with what to do, instead of as a failed write.
        after.product().lifecycle().releaseDate().filter(date -> !CalendarLimits.contains(date)).ifPresent(date -> {
            throw new InvalidInput("releaseDate", "the release date stored for " + sku + ", " + date + ", is outside "
                    + CalendarLimits.EARLIEST + " to " + CalendarLimits.LATEST + " (it was stored before dates were held to them);"
                    + " give a releaseDate within them, or none, with this edit");
        });
        Map<String, CatalogAudit.Change> changes = CatalogAudit.diff(
                CatalogAudit.fields(before.product(), before.placement().category(), before.placement().supplierId()),
                CatalogAudit.fields(after.product(), after.placement().category(), after.placement().supplierId()));
        if (changes.isEmpty()) {
            return before;
        }
        requireCurrencyInUse("product " + sku, "send a currency with the edit (PATCH /api/products/" + sku + "; the console's form keeps the one stored)",
                Optional.of(before.product().price().currency()), Optional.of(after.product().price().currency()));
        SqlCatalogEdits.updateProduct(handle, after.product(), after.placement(), clock.instant());
        SqlCatalogEdits.audit(handle, "product", sku.code(), "updated", changedBy, changes, clock.instant());
        return product(handle, sku);
    }

    /**
     * Creates a product filed under its category and supplier, with a "created" audit entry naming who made it. The
     * product is checked as {@link CatalogCommands#create} checks it (the same SKU with other details is a conflict);
     * the same product again is answered as existing and its placement is left as it is.
     */
    public Created<FiledProduct> createProduct(Handle handle, FiledProduct draft, String changedBy) {
        requirePlacement(handle, draft.placement());
        Sku sku = draft.product().sku();
        if (catalog.create(handle, draft.product()) == CatalogCommands.Created.EXISTS) {
            return new Created<>(product(handle, sku), false);
        }
        SqlCatalogEdits.updateProduct(handle, draft.product(), draft.placement(), clock.instant());
        FiledProduct created = product(handle, sku);
        SqlCatalogEdits.audit(handle, "product", sku.code(), "created", changedBy, CatalogAudit.diff(Map.of(),
                CatalogAudit.fields(created.product(), created.placement().category(), created.placement().supplierId())), clock.instant());
        return new Created<>(created, true);
    }

    /**
     * An edit keeps a record's currency only if it is money in use ({@link Currencies#checked}). A currency stored
     * before the rule (XXX, XAU, DEM) is read and shown, and an edit that keeps it is refused, saying how to give one in use.
     */
    private static void requireCurrencyInUse(String record, String howToChange, Optional<String> stored, Optional<String> after) {
        if (after.isEmpty()) {
            return;
        }
        if (after.equals(stored) && !Currencies.isMoney(after.get())) {
            throw new InvalidInput("currency", "the currency stored for " + record + ", " + after.get() + ", is not money a shop prices in today"
                    + " (it was stored before currencies were checked), so nothing was changed: it needs one in use, such as GBP, EUR or USD; "
                    + howToChange);
        }
        Currencies.checked("currency", after.get());
    }

    /** A product may be filed only under a category and a supplier on record. */
    private static void requirePlacement(Handle handle, ProductPlacement placement) {
        placement.category().ifPresent(code -> SqlCatalogEdits.category(handle, code)
                .orElseThrow(() -> new InvalidInput("category", "no category '" + code + "'", ": create it first (POST /api/categories)")));
        placement.supplierId().ifPresent(id -> SqlCatalogEdits.supplier(handle, id, false)
                .orElseThrow(() -> new InvalidInput("supplierId", "no supplier " + id, ": create it first (POST /api/suppliers)")));
    }

    public Paged<Map<String, Object>> products(Handle handle, String afterSku, int limit, Optional<String> category) {
        requirePageSize(limit);
        return Paged.of(SqlCatalogEdits.products(handle, afterSku, Paged.rowsToRead(limit), category), limit);
    }

    /**
     * The currency most of the catalogue is priced in: Restock has no setting for a shop's currency, and a new
     * product is most likely priced like the others.
     */
    public Optional<restock.catalog.MainCurrency> mainCurrency(Handle handle) {
        return SqlCatalogEdits.mainCurrency(handle);
    }

    public List<AuditEntry> auditTrail(Handle handle, String entity, String key) {
        return SqlCatalogEdits.auditTrail(handle, entity, key, MAX_AUDIT_ENTRIES);
    }

    private static void requirePageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
    }

    /** Whether a SKU names a product (for routes that must say 404 before they parse a body). */
    public boolean exists(Handle handle, Sku sku) {
        return SqlCatalog.findProduct(handle, sku).isPresent();
    }
}
