package restock.catalog;

import java.util.Optional;

/** Where a product sits in the catalog: its category and the supplier it is bought from, either possibly unset. */
public record Placement(Optional<String> category, Optional<Long> supplierId) {
}
