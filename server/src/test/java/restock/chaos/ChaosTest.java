package restock.chaos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run CI does: two instances on a PostgreSQL of the test's own, clients retrying keyed commands,
 * SIGKILLs of an instance and a restart of the database under load; then nothing lost, nothing twice, every
 * invariant. tools/chaos.sh runs the long one (docs/BENCHMARKS.md).
 */
class ChaosTest {
    @TempDir
    Path folder;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void kills_and_a_database_restart_under_load_lose_nothing_and_do_nothing_twice() throws Exception {
        ChaosRun.Settings settings = new ChaosRun.Settings(Duration.ofSeconds(15), 1, 1, 2, 3, Long.getLong("chaos.seed", System.nanoTime()),
                Duration.ofSeconds(5));
        ChaosChecks.Outcome outcome;
        try (ChaosDatabase database = ChaosDatabase.own(folder.resolve("pgdata"))) {
            outcome = ChaosRun.run(settings, database, folder.resolve("logs"));
        }
        assertThat(outcome.figures().get("acknowledged orders")).as("the load placed orders").isPositive();
        assertThat(outcome.figures().get("SIGKILLs")).isEqualTo(1);
        assertThat(outcome.figures().get("database restarts")).isEqualTo(1);
        assertThat(outcome.figures().get("webhooks marked sent")).as("notices reached the webhook").isPositive();
        assertThat(outcome.figures().get("messages still queued at the end (not lost: waiting in the outbox)")).isZero();
        assertThat(outcome.violations()).isEmpty();
    }
}
