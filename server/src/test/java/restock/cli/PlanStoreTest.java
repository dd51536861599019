package restock.cli;

import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.planning.Planner;
import restock.planning.PlanningRun;
import restock.service.PlanningQueries;
import restock.service.Restock;
import restock.store.Database;
import restock.store.SqlPlanningRuns;
import restock.support.TestDatabases;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `restock plan` printed a new plan while the console kept showing the night's (an outside tester's check): at the nightly
 * run's target it stores what it printed, saying so; at another target it stores nothing and says which plan the console shows.
 */
class PlanStoreTest {
    @Test
    void plan_at_the_nightly_target_stores_its_plan_for_the_console_and_other_targets_do_not() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            Restock restock = new Restock(database.jdbi(), Clock.systemUTC());
            restock.inTransaction(h -> restock.catalog().create(h, new Product(Sku.of("16014"), "Ribbon Reel",
                    new Money(165, "GBP"), new BackorderPolicy.Never())));
            List<Planner.SkuPlan> plans = restock.read(h -> new PlanningQueries(restock).plan(h, 0.95, done -> { }));

            String stored = PlanCommand.storedOrNot(restock, plans, new Planner.ServiceTarget.CycleService(0.95), true, restock.clock().instant());

            PlanningRun run = restock.read(SqlPlanningRuns::latest).orElseThrow();
            assertThat(run.madeBy()).contains(PlanningRun.MadeBy.CLI);
            assertThat(run.planCsv()).contains("16014");
            assertThat(stored).contains("Stored as planning run " + run.id() + ": the console's planning page and overview show it");

            String other = PlanCommand.storedOrNot(restock, plans, new Planner.ServiceTarget.CycleService(0.99), true, restock.clock().instant());
            assertThat(other).contains("Not stored (stored plans are at the default 95% service level): the console shows planning run " + run.id());
            String printOnly = PlanCommand.storedOrNot(restock, plans, new Planner.ServiceTarget.CycleService(0.95), false, restock.clock().instant());
            assertThat(printOnly).contains("Not stored (--no-store)");
            assertThat(restock.read(SqlPlanningRuns::latestId)).contains(run.id());
        }
    }
}
