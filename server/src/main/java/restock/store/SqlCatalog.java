package restock.store;

import org.jdbi.v3.core.Handle;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Listing;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Products and suppliers. */
public final class SqlCatalog {
    private SqlCatalog() {
    }

    /** Inserts the product with an empty stock row; returns false when the SKU already exists (nothing written). */
    public static boolean insertProduct(Handle handle, Product product, Instant now) {
        int inserted = handle.createUpdate("""
                        insert into products (sku, name, price_minor, currency, backorder_policy, backorder_cap,
                                              release_date, discontinued, image_url, brand, gtin, mpn, created_at)
                        values (:sku, :name, :priceMinor, :currency, :policy, :cap, :release, :discontinued,
                                :imageUrl, :brand, :gtin, :mpn, :at)
                        on conflict (sku) do nothing""")
                .bind("sku", product.sku().code())
                .bind("name", product.name())
                .bind("priceMinor", product.price().amountMinor())
                .bind("currency", product.price().currency())
                .bind("policy", product.backorderPolicy().code())
                .bind("cap", product.backorderPolicy().cap().isPresent() ? product.backorderPolicy().cap().getAsInt() : null)
                .bind("release", product.lifecycle().releaseDate().orElse(null))
                .bind("discontinued", product.lifecycle().discontinued())
                .bind("imageUrl", product.listing().imageUrl().orElse(null))
                .bind("brand", product.listing().brand().orElse(null))
                .bind("gtin", product.listing().gtin().orElse(null))
                .bind("mpn", product.listing().mpn().orElse(null))
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
        if (inserted == 0) {
            return false;
        }
        handle.createUpdate("""
                        insert into stock (sku, location_code, on_hand, reserved, backordered)
                        values (:sku, :location, 0, 0, 0)""")
                .bind("sku", product.sku().code())
                .bind("location", SqlBooks.LOCATION)
                .execute();
        return true;
    }

    public static Optional<Product> findProduct(Handle handle, Sku sku) {
        return handle.createQuery("select * from products where sku = :sku")
                .bind("sku", sku.code())
                .map((rs, ctx) -> product(rs))
                .findOne();
    }

    public static List<Product> listProducts(Handle handle, int limit, String afterSku) {
        return handle.createQuery("select * from products where sku > :after order by sku limit :limit")
                .bind("after", afterSku)
                .bind("limit", limit)
                .map((rs, ctx) -> product(rs))
                .list();
    }

    private static Product product(ResultSet rs) throws SQLException {
        return new Product(Sku.of(rs.getString("sku")), rs.getString("name"),
                new Money(rs.getLong("price_minor"), rs.getString("currency")),
                BackorderPolicy.parse(rs.getString("backorder_policy"), (Integer) rs.getObject("backorder_cap")),
                new Lifecycle(Optional.ofNullable(rs.getObject("release_date", java.time.LocalDate.class)), rs.getBoolean("discontinued")),
                Listing.of(rs.getString("image_url"), rs.getString("brand"), rs.getString("gtin"), rs.getString("mpn")));
    }

    /** Marks a product discontinued: it will not return, and nothing more may wait for it. */
    public static boolean discontinue(Handle handle, Sku sku) {
        return handle.createUpdate("update products set discontinued = true where sku = :sku").bind("sku", sku.code()).execute() == 1;
    }

    public static Optional<Long> findSupplierId(Handle handle, String name) {
        return handle.createQuery("select id from suppliers where name = :name").bind("name", name).mapTo(Long.class).findOne();
    }

    /** The product's SKU written as given, else one that differs from it only in case ("85099b" for 85099B), else none. */
    public static Optional<String> skuIgnoringCase(Handle handle, String code) {
        return handle.createQuery("select sku from products where lower(sku) = lower(:sku) order by sku = :sku desc, sku limit 1")
                .bind("sku", code).mapTo(String.class).findOne();
    }

    /** Supplier names, oldest first, at most {@code limit}. */
    public static List<String> supplierNames(Handle handle, int limit) {
        return handle.createQuery("select name from suppliers order by id limit :limit").bind("limit", limit).mapTo(String.class).list();
    }

    /**
     * The supplier's id, created on first mention (only for a request that said its supplier may be new). When another transaction inserted the same new name first, this
     * statement's snapshot (taken before that commit) sees neither row, so a second statement reads it.
     */
    public static long supplierId(Handle handle, String name, Instant now) {
        return handle.createQuery("""
                        with inserted as (
                            insert into suppliers (name, created_at) values (:name, :at)
                            on conflict (name) do nothing returning id)
                        select id from inserted union all select id from suppliers where name = :name
                        limit 1""")
                .bind("name", name)
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .mapTo(Long.class)
                .findOne()
                .orElseGet(() -> handle.createQuery("select id from suppliers where name = :name").bind("name", name)
                        .mapTo(Long.class).one());
    }
}
