package restock.catalog;

import java.util.Optional;

/** Where a product is filed: its category code and its supplier's id (either may be none yet). */
public record ProductPlacement(Optional<String> category, Optional<Long> supplierId) {
}
