package restock.store;

import org.junit.jupiter.api.Test;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Every connection Restock opens, from its pool or a separate one, has PostgreSQL's JIT off (see Database). */
class SessionSettingsTest {
    @Test
    void restock_s_connections_run_without_the_jit_compiler() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            String pooled = database.jdbi().withHandle(h -> h.createQuery("show jit").mapTo(String.class).one());
            String separate = database.separatePool("settings-test", 1).withHandle(h -> h.createQuery("show jit").mapTo(String.class).one());
            assertThat(pooled).isEqualTo("off");
            assertThat(separate).isEqualTo("off");
        }
    }

    @Test
    void restock_s_transactions_are_read_committed_on_every_pool() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            restock.service.Restock restock = new restock.service.Restock(database.jdbi(), java.time.Clock.systemUTC());
            String pooled = restock.inTransaction(h -> h.createQuery("show transaction_isolation").mapTo(String.class).one());
            assertThat(pooled).isEqualTo("read committed");
            String separate = database.separatePool("isolation-test", 1).inTransaction(h ->
                    h.createQuery("show transaction_isolation").mapTo(String.class).one());
            assertThat(separate).isEqualTo("read committed");
        }
    }
}
