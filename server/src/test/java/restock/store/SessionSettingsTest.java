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
}
