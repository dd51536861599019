package restock.store;

import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.Restock;
import restock.support.TestClock;
import restock.support.TestDatabases;
import restock.views.ConsoleRows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's lists of late and overdue supply filter in SQL ({@link SqlConsole}) by the rules the domain states
 * ({@link PurchaseOrder#daysLate}, {@link PurchaseOrder#daysOverdue}): two code paths that must agree. Over random
 * purchase-order histories (moved dates, partial and late receipts, closed orders), judged on many days, they do.
 */
class LateAndOverdueAgreeTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final int DAYS = 24;
    private static final int ACTIONS_A_DAY = 5;
    private static final List<String> SKUS = List.of("LATE-A", "LATE-B", "LATE-C");

    @Test
    void the_console_s_late_and_overdue_lines_are_the_domain_s() {
        long seed = Long.getLong("lateness.seed", System.nanoTime());
        Random random = new Random(seed);
        TestClock clock = new TestClock(START);
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            Restock restock = new Restock(database.jdbi(), clock);
            restock.inTransaction(h -> {
                SKUS.forEach(sku -> restock.catalog().create(h, new Product(Sku.of(sku), sku, new Money(100, "GBP"), new BackorderPolicy.Never())));
                return null;
            });
            List<Long> orders = new ArrayList<>();
            for (int day = 0; day < DAYS; day++) {
                LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                for (int n = 0; n < 2; n++) {
                    List<PurchaseOrderRequest.Line> lines = new ArrayList<>();
                    for (String sku : SKUS.subList(0, 1 + random.nextInt(SKUS.size()))) {
                        lines.add(new PurchaseOrderRequest.Line(Sku.of(sku), 5 + random.nextInt(20), today.plusDays(random.nextInt(7))));
                    }
                    orders.add(restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Slow Supplies", true, lines))).id());
                }
                for (int k = 0; k < ACTIONS_A_DAY; k++) {
                    long id = orders.get(random.nextInt(orders.size()));
                    int action = random.nextInt(4);
                    tryTo(() -> restock.inTransaction(h -> {
                        PurchaseOrder po = restock.purchasing().find(h, id);
                        PurchaseOrder.Line line = po.lines().get(random.nextInt(po.lines().size()));
                        switch (action) {
                            case 0 -> restock.purchasing().reschedule(h, id, line.lineNumber(), today.plusDays(random.nextInt(9)));
                            case 1, 2 -> restock.purchasing().receive(h, id, List.of(new ReceiptPlan.Received(line.sku(),
                                    1 + random.nextInt(Math.max(1, line.openQuantity())))));
                            default -> { if (random.nextInt(3) == 0) restock.purchasing().close(h, id); }
                        }
                        return null;
                    }));
                }
                clock.advance(Duration.ofDays(1));
            }
            List<PurchaseOrder> all = restock.read(h -> orders.stream().map(id -> restock.purchasing().find(h, id)).toList());
            LocalDate first = LocalDate.ofInstant(START, ZoneOffset.UTC);
            int judged = 0;
            for (LocalDate today = first.plusDays(DAYS / 2); today.isBefore(first.plusDays(DAYS + 12)); today = today.plusDays(1)) {
                LocalDate day = today;
                Set<String> domain = new TreeSet<>();
                for (PurchaseOrder po : all) {
                    for (PurchaseOrder.Line line : po.lines()) {
                        boolean owed = po.status() == PurchaseOrder.Status.OPEN && line.openQuantity() > 0;
                        boolean late = owed && po.daysLate(line, day) > 0;
                        boolean overdue = po.daysOverdue(line, day) > 0;
                        if (late || overdue) {
                            domain.add(po.id() + " " + line.sku().code() + " late=" + late + " overdue=" + overdue);
                        }
                    }
                }
                Set<String> console = new TreeSet<>();
                for (ConsoleRows.LateOrOverdueLine row : restock.read(h -> SqlConsole.lateOrOverdueLines(h, day, 10_000))) {
                    console.add(row.purchaseOrderId() + " " + row.sku() + " late=" + row.late() + " overdue=" + row.overdue());
                }
                assertThat(console).as("late or overdue on %s (seed %d; repeat with -Dlateness.seed=%d)", day, seed, seed).isEqualTo(domain);
                judged += domain.size();
            }
            assertThat(judged).as("lines judged late or overdue over the days (seed %d)", seed).isGreaterThan(20);
        }
    }

    private static void tryTo(Runnable command) {
        try {
            command.run();
        } catch (InvalidInput | Conflict refused) {
            // a receipt or move the history's order of events does not allow (a received line, a closed order): skipped
        }
    }
}
