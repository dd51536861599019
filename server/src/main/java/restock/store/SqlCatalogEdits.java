package restock.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import restock.catalog.AuditEntry;
import restock.catalog.CatalogAudit;
import restock.catalog.ProductPlacement;
import restock.catalog.Category;
import restock.catalog.Product;
import restock.catalog.Supplier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Suppliers with their terms, categories, product edits and the catalog's audit trail. Decides nothing. */
public final class SqlCatalogEdits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlCatalogEdits() {
    }

    private static Supplier supplier(ResultSet rs) throws SQLException {
        return new Supplier(rs.getLong("id"), rs.getString("name"), Optional.ofNullable(rs.getString("contact_name")),
                Optional.ofNullable(rs.getString("contact_email")), Optional.ofNullable(rs.getString("phone")),
                Optional.ofNullable((Integer) rs.getObject("lead_time_days")), rs.getInt("minimum_order"), rs.getInt("pack_size"),
                Optional.ofNullable(rs.getString("currency")));
    }

    public static List<Supplier> suppliers(Handle handle, long afterId, int limit) {
        return handle.createQuery("select * from suppliers where id > :after order by id limit :limit")
                .bind("after", afterId).bind("limit", limit).map((rs, ctx) -> supplier(rs)).list();
    }

    /**
     * Locks a product's row for an edit (no key update: orders referencing the product, which take a key share
     * lock, are not held up); nothing when there is no such product.
     */
    public static void lockProduct(Handle handle, String sku) {
        handle.createQuery("select 1 from products where sku = :sku for no key update").bind("sku", sku).mapTo(Integer.class).findOne();
    }

    public static Optional<Supplier> supplier(Handle handle, long id, boolean lock) {
        return handle.createQuery("select * from suppliers where id = :id" + (lock ? " for update" : ""))
                .bind("id", id).map((rs, ctx) -> supplier(rs)).findOne();
    }

    public static Map<Long, String> supplierNames(Handle handle, java.util.Collection<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        handle.createQuery("select id, name from suppliers where id = any(:ids)").bindArray("ids", Long.class, ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("name"))).forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }

    public static Optional<Supplier> supplierNamed(Handle handle, String name) {
        return handle.createQuery("select * from suppliers where name = :name").bind("name", name).map((rs, ctx) -> supplier(rs)).findOne();
    }

    /** Inserts a supplier; empty when the name is taken (nothing written). */
    public static Optional<Long> insertSupplier(Handle handle, Supplier supplier, Instant now) {
        return handle.createQuery("""
                        insert into suppliers (name, contact_name, contact_email, phone, lead_time_days, minimum_order, pack_size, currency,
                                               created_at, updated_at)
                        values (:name, :contactName, :contactEmail, :phone, :leadTimeDays, :minimumOrder, :packSize, :currency, :at, :at)
                        on conflict (name) do nothing returning id""")
                .bindMap(columns(supplier)).bind("at", utc(now)).mapTo(Long.class).findOne();
    }

    /** Writes a supplier's fields; false when another supplier has the new name. */
    public static boolean updateSupplier(Handle handle, Supplier supplier, Instant now) {
        boolean nameTaken = handle.createQuery("select exists (select 1 from suppliers where name = :name and id <> :id)")
                .bind("name", supplier.name()).bind("id", supplier.id()).mapTo(Boolean.class).one();
        if (nameTaken) {
            return false;
        }
        handle.createUpdate("""
                        update suppliers set name = :name, contact_name = :contactName, contact_email = :contactEmail, phone = :phone,
                               lead_time_days = :leadTimeDays, minimum_order = :minimumOrder, pack_size = :packSize, currency = :currency,
                               updated_at = :at
                        where id = :id""")
                .bindMap(columns(supplier)).bind("id", supplier.id()).bind("at", utc(now)).execute();
        return true;
    }

    private static Map<String, Object> columns(Supplier supplier) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("name", supplier.name());
        columns.put("contactName", supplier.contactName().orElse(null));
        columns.put("contactEmail", supplier.contactEmail().orElse(null));
        columns.put("phone", supplier.phone().orElse(null));
        columns.put("leadTimeDays", supplier.leadTimeDays().orElse(null));
        columns.put("minimumOrder", supplier.minimumOrder());
        columns.put("packSize", supplier.packSize());
        columns.put("currency", supplier.currency().orElse(null));
        return columns;
    }

    public static List<Category> categories(Handle handle) {
        return handle.createQuery("select code, name from categories order by code limit 1000")
                .map((rs, ctx) -> new Category(rs.getString("code"), rs.getString("name"))).list();
    }

    public static Optional<Category> category(Handle handle, String code) {
        return handle.createQuery("select code, name from categories where code = :code").bind("code", code)
                .map((rs, ctx) -> new Category(rs.getString("code"), rs.getString("name"))).findOne();
    }

    /** Inserts a category; false when the code exists (nothing written). */
    public static boolean insertCategory(Handle handle, Category category, Instant now) {
        return handle.createUpdate("insert into categories (code, name, created_at) values (:code, :name, :at) on conflict (code) do nothing")
                .bind("code", category.code()).bind("name", category.name()).bind("at", utc(now)).execute() == 1;
    }

    public static ProductPlacement placement(Handle handle, String sku) {
        return handle.createQuery("select category_code, supplier_id from products where sku = :sku").bind("sku", sku)
                .map((rs, ctx) -> new ProductPlacement(Optional.ofNullable(rs.getString("category_code")),
                        Optional.ofNullable((Long) rs.getObject("supplier_id"))))
                .one();
    }

    /** Writes a product's editable fields (discontinuing has its own command). */
    public static void updateProduct(Handle handle, Product product, ProductPlacement placement, Instant now) {
        handle.createUpdate("""
                        update products set name = :name, price_minor = :priceMinor, currency = :currency, backorder_policy = :policy,
                               backorder_cap = :cap, release_date = :release, category_code = :category, supplier_id = :supplier, updated_at = :at
                        where sku = :sku""")
                .bind("sku", product.sku().code()).bind("name", product.name()).bind("priceMinor", product.price().amountMinor())
                .bind("currency", product.price().currency()).bind("policy", product.backorderPolicy().code())
                .bind("cap", product.backorderPolicy().cap().isPresent() ? product.backorderPolicy().cap().getAsInt() : null)
                .bind("release", product.lifecycle().releaseDate().orElse(null))
                .bind("category", placement.category().orElse(null)).bind("supplier", placement.supplierId().orElse(null))
                .bind("at", utc(now)).execute();
    }

    public static void audit(Handle handle, String entity, String key, String action, String changedBy,
                             Map<String, CatalogAudit.Change> changes, Instant now) {
        try {
            handle.createUpdate("""
                            insert into catalog_audit (entity, entity_key, action, changed_by, changes, occurred_at)
                            values (:entity, :key, :action, :by, cast(:changes as jsonb), :at)""")
                    .bind("entity", entity).bind("key", key).bind("action", action).bind("by", changedBy)
                    .bind("changes", JSON.writeValueAsString(changes)).bind("at", utc(now)).execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes of " + entity + " " + key + " could not be written as JSON", e);
        }
    }

    public static List<AuditEntry> auditTrail(Handle handle, String entity, String key, int limit) {
        return handle.createQuery("""
                        select * from catalog_audit where entity = :entity and entity_key = :key order by id desc limit :limit""")
                .bind("entity", entity).bind("key", key).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getString("entity"), rs.getString("entity_key"), rs.getString("action"),
                        rs.getString("changed_by"), rs.getString("changes"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Products with their category and supplier names, in SKU order after a SKU (paging). */
    public static List<Map<String, Object>> products(Handle handle, String afterSku, int limit, Optional<String> category) {
        return handle.createQuery("""
                        select p.sku, p.name, p.price_minor, p.currency, p.backorder_policy, p.backorder_cap, p.release_date, p.discontinued,
                               p.category_code, p.supplier_id, s.name as supplier
                        from products p left join suppliers s on s.id = p.supplier_id
                        where p.sku > :after and (cast(:category as text) is null or p.category_code = :category)
                        order by p.sku limit :limit""")
                .bind("after", afterSku).bind("limit", limit).bind("category", category.orElse(null)).mapToMap().list();
    }

    /** The currency most products are priced in (the first code, of two as common), and of how many; none without products. */
    public static Optional<restock.catalog.MainCurrency> mainCurrency(Handle handle) {
        return handle.createQuery("""
                        select currency, count(*) as products, sum(count(*)) over () as of_products
                        from products group by currency order by products desc, currency limit 1""")
                .map((rs, ctx) -> new restock.catalog.MainCurrency(rs.getString("currency"), rs.getLong("products"), rs.getLong("of_products")))
                .findOne();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
