package restock.catalog;

import java.time.LocalDate;
import java.util.Optional;

/** A product's release and end of life: not yet released products are pre-ordered, discontinued ones do not return. */
public record Lifecycle(Optional<LocalDate> releaseDate, boolean discontinued) {
    public static final Lifecycle ACTIVE = new Lifecycle(Optional.empty(), false);
}
