package restock.chaos;

import org.jdbi.v3.core.Jdbi;
import restock.support.ApiClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Restock under load and faults: instances sharing one PostgreSQL, clients retrying keyed commands, SIGKILLs of
 * an instance and restarts of the database at random moments; then every check in {@link ChaosChecks}.
 * tools/chaos.sh runs the long version; ChaosTest a short one in CI.
 */
public final class ChaosRun {
    static final String API_KEY = "chaos-key-0123456789";

    /** What to do: how long, how many faults of each kind, how many instances and clients, from which seed. */
    record Settings(Duration duration, int kills, int databaseRestarts, int instances, int clients, long seed, Duration jobLease) {
    }

    /** A fault done, when, to what. */
    record Fault(long atMillis, String what) {
    }

    private ChaosRun() {
    }

    static ChaosChecks.Outcome run(Settings settings, ChaosDatabase database, Path folder) throws Exception {
        Files.createDirectories(folder);
        Random random = new Random(settings.seed());
        System.out.println("chaos: seed " + settings.seed() + ", " + settings + ", logs in " + folder);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // The webhook receiver is on loopback, which Restock refuses unless the operator allows private addresses.
            Map<String, String> environment = Map.of("DATABASE_URL", database.url(), "RESTOCK_API_KEY", API_KEY,
                    "RESTOCK_JOB_LEASE_SECONDS", Long.toString(settings.jobLease().toSeconds()), "RESTOCK_WEBHOOKS_ALLOW_PRIVATE", "true");
            long phase = System.nanoTime();
            List<RestockProcess> instances = new ArrayList<>();
            for (int i = 0; i < settings.instances(); i++) {
                RestockProcess instance = new RestockProcess("restock-" + (i + 1), environment, folder);
                instance.start();
                instances.add(instance);
            }
            try {
                setUpShop(new ApiClient(instances.get(0).baseUrl(), API_KEY), receiver);
                phase = lap("instances up and shop set up", phase);
                ChaosLoad load = new ChaosLoad(instances, API_KEY);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < settings.clients(); c++) {
                    int number = c;
                    long seed = random.nextLong();
                    Thread client = new Thread(() -> load.client(number, seed), "chaos-client-" + c);
                    client.start();
                    clients.add(client);
                }
                List<Fault> faults = injectFaults(settings, random, instances, database);
                load.stop();
                for (Thread client : clients) {
                    client.join(ChaosLoad.GIVE_UP_AFTER.toMillis() + 30_000);
                }
                for (RestockProcess instance : instances) {
                    if (!instance.alive()) {
                        instance.start();
                    }
                }
                phase = lap("load with faults", phase);
                ChaosChecks.Outcome outcome = finish(settings, database, load, receiver, faults);
                lap("settling and checks", phase);
                return outcome;
            } finally {
                for (RestockProcess instance : instances) {
                    instance.stop();
                }
            }
        }
    }

    private static ChaosChecks.Outcome finish(Settings settings, ChaosDatabase database, ChaosLoad load, WebhookReceiver receiver,
                                              List<Fault> faults) throws InterruptedException {
        var checks = restock.store.Database.connect(database.url(), java.util.Optional.empty());
        try {
            Jdbi jdbi = checks.jdbi();
            boolean settled = ChaosChecks.settle(jdbi);
            int allowed = settings.kills() + settings.databaseRestarts() * settings.instances();
            ChaosChecks.Outcome outcome = ChaosChecks.check(jdbi, load, receiver, allowed);
            Map<String, Long> figures = new java.util.LinkedHashMap<>();
            figures.put("SIGKILLs", faults.stream().filter(f -> f.what().startsWith("SIGKILL")).count());
            figures.put("database restarts", faults.stream().filter(f -> f.what().startsWith("restart")).count());
            figures.putAll(outcome.figures());
            List<String> violations = new ArrayList<>(outcome.violations());
            if (!settled) {
                violations.add("payment calls or notices still outstanding " + ChaosChecks.SETTLE_WITHIN + " after the load stopped");
            }
            System.out.println("chaos: faults " + faults);
            System.out.println("chaos: answers by status " + new TreeMap<>(load.statuses));
            figures.forEach((name, value) -> System.out.printf("chaos: %-50s %,d%n", name, value));
            System.out.println("chaos: violations " + violations);
            return new ChaosChecks.Outcome(figures, violations);
        } finally {
            checks.close();
        }
    }

    private static long lap(String what, long since) {
        System.out.printf("chaos: %s took %.1f s%n", what, (System.nanoTime() - since) / 1e9);
        return System.nanoTime();
    }

    /** SIGKILLs and database restarts at random moments between 10% and 90% of the run, then waits out the run. */
    private static List<Fault> injectFaults(Settings settings, Random random, List<RestockProcess> instances, ChaosDatabase database)
            throws Exception {
        long span = settings.duration().toMillis();
        List<long[]> plan = new ArrayList<>();
        for (int k = 0; k < settings.kills(); k++) {
            plan.add(new long[] {(long) (span * (0.1 + 0.8 * random.nextDouble())), 0});
        }
        for (int r = 0; r < settings.databaseRestarts(); r++) {
            plan.add(new long[] {(long) (span * (0.1 + 0.8 * random.nextDouble())), 1});
        }
        plan.sort(java.util.Comparator.comparingLong(p -> p[0]));
        List<Fault> done = new ArrayList<>();
        long started = System.currentTimeMillis();
        for (long[] fault : plan) {
            Thread.sleep(Math.max(0, started + fault[0] - System.currentTimeMillis()));
            long at = System.currentTimeMillis() - started;
            if (fault[1] == 0) {
                RestockProcess victim = instances.get(random.nextInt(instances.size()));
                victim.kill();
                done.add(new Fault(at, "SIGKILL " + victim.name()));
                victim.start();
            } else {
                database.restart();
                done.add(new Fault(at, "restart PostgreSQL"));
            }
        }
        Thread.sleep(Math.max(0, started + span - System.currentTimeMillis()));
        return done;
    }

    /** Five products with each backorder policy, some stock, and a webhook endpoint at the receiver. */
    private static void setUpShop(ApiClient client, WebhookReceiver receiver) {
        String[][] products = {{"22086", "always", "30"}, {"85123A", "never", "60"}, {"47566", "always", "0"},
                {"84879", "when-supply-confirmed", "20"}, {"22423", "always", "10"}};
        for (String[] product : products) {
            expect(client.post("/api/products", "{\"sku\":\"" + product[0] + "\",\"name\":\"Chaos " + product[0]
                    + "\",\"priceMinor\":295,\"currency\":\"GBP\",\"backorderPolicy\":\"" + product[1] + "\"}"));
            if (!product[2].equals("0")) {
                expect(client.post("/api/stock/" + product[0] + "/adjustments", "{\"quantity\":" + product[2] + ",\"reason\":\"opening stock\"}"));
            }
        }
        expect(client.post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\"}"));
    }

    private static void expect(ApiClient.Exchange exchange) {
        if (exchange.status() >= 300) {
            throw new IllegalStateException(exchange.method() + " " + exchange.path() + " answered " + exchange.status() + ": " + exchange.responseBody());
        }
    }

    /** tools/chaos.sh: {@code ChaosRun minutes kills restarts instances clients [external-url]}. */
    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(Duration.ofMinutes(Long.parseLong(args[0])), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.getLong("chaos.seed", System.nanoTime()),
                Duration.ofSeconds(Long.getLong("chaos.lease", 10)));
        Path folder = Path.of(System.getProperty("chaos.folder", "target/chaos-" + System.currentTimeMillis()));
        ChaosChecks.Outcome outcome;
        try (ChaosDatabase database = args.length > 5 ? ChaosDatabase.externalCluster(args[5]) : ChaosDatabase.own(folder.resolve("pgdata"))) {
            outcome = run(settings, database, folder);
        }
        System.exit(outcome.violations().isEmpty() ? 0 : 1);
    }
}
