package restock.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list, and whether another follows it. The rows are read one past the page, so the last page names
 * no next: a list answered {@code next} whenever a page was full, and a list of exactly one page's rows sent the
 * reader to an empty page (30 outbox messages a page at a time took 31 pages; an outside check).
 */
public record Paged<T>(List<T> items, boolean more) {
    public Paged {
        items = List.copyOf(items);
        if (more && items.isEmpty()) {
            throw new IllegalStateException("an empty page cannot have a page after it");
        }
    }

    /** The rows to read for a page of {@code limit}: one more, to learn whether a page follows. */
    public static int rowsToRead(int limit) {
        return limit + 1;
    }

    /** The page of at most {@code limit} rows from rows read with a limit of {@link #rowsToRead}. */
    public static <T> Paged<T> of(List<T> rows, int limit) {
        if (rows.size() > rowsToRead(limit)) {
            throw new IllegalStateException("read " + rows.size() + " rows for a page of " + limit + "; at most " + rowsToRead(limit));
        }
        return rows.size() > limit ? new Paged<>(rows.subList(0, limit), true) : new Paged<>(rows, false);
    }

    /** The next page's cursor, taken from the page's last item; empty on the last page. */
    public <C> Optional<C> next(Function<? super T, C> cursor) {
        return more ? Optional.of(cursor.apply(items.get(items.size() - 1))) : Optional.empty();
    }
}
