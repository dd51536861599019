package restock.planning;

import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.service.PlanningQueries;
import restock.service.Restock;
import restock.store.Database;
import restock.store.SqlPlanningRuns;
import restock.support.TestDatabases;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlanningRunTest {
    @Test
    void the_nightly_run_stores_its_plan_for_planners() {
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            Restock restock = new Restock(database.jdbi(), Clock.systemUTC());
            restock.inTransaction(h -> restock.catalog().create(h, new Product(Sku.of("22423"), "Regency Cakestand 3 Tier",
                    new Money(1275, "GBP"), new BackorderPolicy.Never())));
            long id = new PlanningQueries(restock).runAndStore(0.95, plans -> "sku\n" + plans.get(0).sku() + "\n");
            Optional<restock.planning.PlanningRun> latest = restock.read(SqlPlanningRuns::latest);
            assertThat(latest).hasValueSatisfying(run -> {
                assertThat(run.id()).isEqualTo(id);
                assertThat(run.skus()).isEqualTo(1);
                assertThat(run.suggested()).isZero();
                assertThat(run.planCsv()).isEqualTo("sku\n22423\n");
            });
        }
    }
}
