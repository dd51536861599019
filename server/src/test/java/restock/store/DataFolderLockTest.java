package restock.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One process runs a data folder's server; every other opener works through it or is refused, and never stops it. */
class DataFolderLockTest {
    @TempDir
    Path folder;

    @Test
    void a_second_opener_works_through_the_owners_server_and_closing_it_leaves_the_server_running() {
        Path data = folder.resolve("data");
        try (Database owner = Database.embedded(data)) {
            owner.jdbi().useHandle(h -> h.execute("create table kept (n int)"));
            try (Database second = Database.embedded(data)) {
                second.jdbi().useHandle(h -> h.execute("insert into kept values (1)"));
            }
            int rows = owner.jdbi().withHandle(h -> h.createQuery("select count(*) from kept").mapTo(Integer.class).one());
            assertThat(rows).as("the owner's server still answers after the second opener closed").isEqualTo(1);
            assertThatThrownBy(() -> Database.embeddedForServing(data)).isInstanceOf(DataFolderInUse.class)
                    .hasMessageContaining("already served by Restock pid " + ProcessHandle.current().pid());
            assertThat(DataFolderLock.tryAcquire(data)).as("the owner still holds the lock").isEmpty();
        }
        try (DataFolderLock free = DataFolderLock.tryAcquire(data).orElseThrow()) {
            assertThat(free.lockFile()).isEqualTo(folder.resolve("data.lock"));
        }
    }

    @Test
    void a_lock_file_left_by_a_dead_process_names_no_owner() {
        assertThat(DataFolderLock.parse("pid=999999999\nstate=serving\njdbcUrl=jdbc:postgresql://localhost:1/postgres\nsince=2026-11-30T00:00:00Z\n"))
                .isEmpty();
        assertThat(DataFolderLock.parse("pid=" + ProcessHandle.current().pid() + "\nstate=starting\n")).isEmpty();
        assertThat(DataFolderLock.parse("")).isEmpty();
    }
}
