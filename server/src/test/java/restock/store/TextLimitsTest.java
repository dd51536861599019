package restock.store;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import restock.common.TextLimit;
import restock.support.TestDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text limit the API checks at entry fits the columns the value is stored in, as the schema itself says
 * (declared lengths and CHECK constraints read from the catalog), so nothing the API accepts fails a write later.
 */
class TextLimitsTest {
    private static final Pattern LENGTH_AT_MOST = Pattern.compile("length\\(\\(?(\\w+)\\)?(?:::text)?\\) <= (\\d+)");
    /** A regular expression of one leading character and a bounded repeat: '^[...][...]{0,63}$' holds 64. */
    private static final Pattern BOUNDED_PATTERN = Pattern.compile("\\((\\w+) ~ '\\^\\[[^]]+\\]\\[[^]]+\\]\\{0,(\\d+)\\}\\$'");

    @Test
    void every_api_text_limit_fits_the_columns_its_value_is_stored_in() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            List<String> mismatches = new ArrayList<>();
            database.jdbi().useHandle(h -> {
                for (TextLimit limit : TextLimit.values()) {
                    for (String column : limit.columns()) {
                        OptionalInt stored = columnLimit(h, column.split("\\.")[0], column.split("\\.")[1]);
                        if (stored.isEmpty()) {
                            mismatches.add(limit + ": " + column + " has no length limit in the schema");
                        } else if (stored.getAsInt() < limit.maxLength()) {
                            mismatches.add(limit + " allows " + limit.maxLength() + " characters but " + column + " holds " + stored.getAsInt());
                        }
                    }
                }
            });
            assertThat(mismatches).isEmpty();
        }
    }

    @Test
    void limits_stored_as_given_equal_their_columns_so_the_schema_is_no_stricter_than_the_api_says() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            database.jdbi().useHandle(h -> {
                for (TextLimit limit : TextLimit.values()) {
                    if (limit == TextLimit.DISCOUNT_CODE) {
                        continue; // stored normalized, with dashes added
                    }
                    String first = limit.columns().get(0);
                    assertThat(columnLimit(h, first.split("\\.")[0], first.split("\\.")[1])).as(limit + " / " + first).hasValue(limit.maxLength());
                }
            });
        }
    }

    private static OptionalInt columnLimit(Handle handle, String table, String column) {
        Optional<Integer> declared = handle.createQuery("""
                        select character_maximum_length from information_schema.columns
                        where table_schema = current_schema() and table_name = :table and column_name = :column""")
                .bind("table", table).bind("column", column).mapTo(Integer.class).findOne();
        assertThat(handle.createQuery("""
                        select count(*) from information_schema.columns
                        where table_schema = current_schema() and table_name = :table and column_name = :column""")
                .bind("table", table).bind("column", column).mapTo(Integer.class).one()).as(table + "." + column + " exists").isEqualTo(1);
        if (declared.isPresent()) {
            return OptionalInt.of(declared.get());
        }
        List<String> checks = handle.createQuery("""
                        select pg_get_constraintdef(c.oid) from pg_constraint c
                        join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                        where c.contype = 'c' and n.nspname = current_schema() and t.relname = :table""")
                .bind("table", table).mapTo(String.class).list();
        OptionalInt tightest = OptionalInt.empty();
        for (String check : checks) {
            for (Pattern pattern : List.of(LENGTH_AT_MOST, BOUNDED_PATTERN)) {
                Matcher matcher = pattern.matcher(check);
                while (matcher.find()) {
                    if (matcher.group(1).equals(column)) {
                        int max = Integer.parseInt(matcher.group(2)) + (pattern == BOUNDED_PATTERN ? 1 : 0);
                        tightest = OptionalInt.of(tightest.isPresent() ? Math.min(tightest.getAsInt(), max) : max);
                    }
                }
            }
        }
        return tightest;
    }
}
