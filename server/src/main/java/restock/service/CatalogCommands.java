package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.NotFound;
import restock.store.SqlCatalog;

import java.time.Clock;

/** Creating and reading products. */
public final class CatalogCommands {
    private final Clock clock;

    public CatalogCommands(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of a create: a new product, or the same one already there. */
    public enum Created { CREATED, EXISTS }

    /** Creates a product; the same product again is answered {@code EXISTS}, a different one under the same SKU is a conflict. */
    public Created create(Handle handle, Product product) {
        if (SqlCatalog.insertProduct(handle, product, clock.instant())) {
            return Created.CREATED;
        }
        Product existing = find(handle, product.sku());
        if (!existing.equals(product)) {
            throw new Conflict("product " + product.sku() + " already exists with other details; SKUs are unique");
        }
        return Created.EXISTS;
    }

    /** Marks a product discontinued; idempotent. */
    public Product discontinue(Handle handle, Sku sku) {
        if (!SqlCatalog.discontinue(handle, sku)) {
            throw new NotFound("sku", "unknown sku '" + sku + "'");
        }
        return find(handle, sku);
    }

    public Product find(Handle handle, Sku sku) {
        return SqlCatalog.findProduct(handle, sku).orElseThrow(() -> new NotFound("sku", "unknown sku '" + sku + "'"));
    }
}
