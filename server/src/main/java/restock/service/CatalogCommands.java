package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Currencies;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.store.SqlCatalog;

import java.time.Clock;

/** Creating and reading products. */
public final class CatalogCommands {
    /** Why lines are cancelled when their product is discontinued, for the customer and the cancellation log. */
    public static final String DISCONTINUED_REASON = "the product was discontinued and no supply will come";

    private final Clock clock;
    private final OrderCommands orders;

    public CatalogCommands(Clock clock, OrderCommands orders) {
        this.clock = clock;
        this.orders = orders;
    }

    /** The outcome of a create: a new product, or the same one already there. */
    public enum Created { CREATED, EXISTS }

    /** Creates a product; the same product again is answered {@code EXISTS}, a different one under the same SKU is a conflict. */
    public Created create(Handle handle, Product product) {
        Currencies.checked("currency", product.price().currency());
        requireListable(product);
        if (SqlCatalog.insertProduct(handle, product, clock.instant())) {
            return Created.CREATED;
        }
        Product existing = find(handle, product.sku());
        if (!existing.equals(product)) {
            throw new Conflict("sku", "product " + product.sku() + " already exists with other details; SKUs are unique");
        }
        return Created.EXISTS;
    }

    /** What a new product must be for shopping feeds to carry it as it is; checked where products enter. */
    static void requireListable(Product product) {
        if (!product.sku().listable()) {
            throw new InvalidInput("sku", "sku '" + product.sku() + "' is longer than " + Sku.MAX_NEW_LENGTH
                    + " characters; shopping feeds identify products by SKU and cut longer ones");
        }
    }

    /**
     * Marks a product discontinued and cancels the waiting lines that open supply does not cover (nothing else
     * will come for them); lines pegged to a purchase order keep waiting for it. Idempotent.
     */
    public Product discontinue(Handle handle, Sku sku) {
        if (!SqlCatalog.discontinue(handle, sku)) {
            throw new NotFound("sku", "unknown sku '" + sku + "'");
        }
        orders.cancelLinesWithoutSupply(handle, sku, DISCONTINUED_REASON);
        return find(handle, sku);
    }

    /** The product of a SKU, if the catalog has one. */
    public java.util.Optional<Product> lookUp(Handle handle, Sku sku) {
        return SqlCatalog.findProduct(handle, sku);
    }

    public Product find(Handle handle, Sku sku) {
        return SqlCatalog.findProduct(handle, sku).orElseThrow(() -> new NotFound("sku", "unknown sku '" + sku + "'"));
    }

    /** Whether the catalog has no product yet (a new shop, where the demo may load). */
    public boolean isEmpty(Handle handle) {
        return SqlCatalog.listProducts(handle, 1, "").isEmpty();
    }
}
