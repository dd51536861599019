package restock.store;

import restock.orders.CancellationChannel;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import restock.inventory.MovementKind;
import restock.orders.OrderEventKind;
import restock.payments.PaymentEventKind;
import restock.payments.PaymentOperation;
import restock.support.TestDatabases;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds and statuses Java knows as types are exactly the codes the database's CHECK constraints allow: a code
 * added on one side only fails here, not on a customer's write.
 */
class CodesMatchTheSchemaTest {
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'::text");

    @Test
    void every_java_type_of_codes_lists_what_its_column_check_allows() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            database.jdbi().useHandle(h -> {
                assertThat(codes(OrderEventKind.values(), OrderEventKind::code)).isEqualTo(allowed(h, "order_events", "kind"));
                assertThat(codes(MovementKind.values(), MovementKind::code)).isEqualTo(allowed(h, "stock_movements", "kind"));
                assertThat(codes(PaymentEventKind.values(), PaymentEventKind::code)).isEqualTo(allowed(h, "payment_events", "kind"));
                assertThat(codes(PaymentOperation.Kind.values(), PaymentOperation.Kind::code)).isEqualTo(allowed(h, "payment_operations", "kind"));
                assertThat(codes(PaymentOperation.Status.values(), PaymentOperation.Status::code)).isEqualTo(allowed(h, "payment_operations", "status"));
                assertThat(codes(CancellationChannel.values(), CancellationChannel::code))
                        .isEqualTo(allowed(h, "cancellations", "via"));
            });
        }
    }

    @Test
    void codes_read_back_as_the_same_types() {
        for (PaymentEventKind kind : PaymentEventKind.values()) {
            assertThat(PaymentEventKind.of(kind.code())).isEqualTo(kind);
        }
        for (PaymentOperation.Status status : PaymentOperation.Status.values()) {
            assertThat(PaymentOperation.Status.of(status.code())).isEqualTo(status);
        }
        for (OrderEventKind kind : OrderEventKind.values()) {
            assertThat(OrderEventKind.of(kind.code())).isEqualTo(kind);
        }
        for (CancellationChannel channel : CancellationChannel.values()) {
            assertThat(CancellationChannel.of(channel.code())).isEqualTo(channel);
        }
    }

    private static <T> Set<String> codes(T[] values, Function<T, String> code) {
        return Arrays.stream(values).map(code).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The quoted values of the table's CHECK constraint on that column ({@code column in (...)}). */
    private static Set<String> allowed(Handle h, String table, String column) {
        String definition = h.createQuery("""
                        select pg_get_constraintdef(c.oid) from pg_constraint c
                        where c.conrelid = cast(:table as regclass) and c.contype = 'c'
                          and pg_get_constraintdef(c.oid) like '%(' || :column || ' = ANY%'""")
                .bind("table", table).bind("column", column).mapTo(String.class).one();
        Set<String> values = new TreeSet<>();
        Matcher m = QUOTED.matcher(definition);
        while (m.find()) {
            values.add(m.group(1));
        }
        assertThat(values).as(table + "." + column + " check: " + definition).isNotEmpty();
        return values;
    }
}
