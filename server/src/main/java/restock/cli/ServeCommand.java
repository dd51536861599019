package restock.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.slf4j.LoggerFactory;
import restock.common.SignedLinks;
import restock.gateways.LogSender;
import restock.gateways.SmtpSender;
import restock.gateways.StripeGateway;
import restock.gateways.WebhookSender;
import restock.notify.Branding;
import restock.notify.Message;
import restock.notify.MessageSender;
import restock.service.DeliveryWorker;
import restock.service.JobLeases;
import restock.service.NightlyPlan;
import restock.service.NoticeRelay;
import restock.service.WaitlistCommands;
import restock.store.SqlOutbox;
import restock.http.HttpApi;
import restock.payments.PaymentGateway;
import restock.payments.PaymentPolicy;
import restock.payments.SimulatedGateway;
import restock.service.PaymentProcessor;
import restock.service.PlanningQueries;
import restock.store.SqlGatewayLedger;
import restock.store.SqlSecrets;
import restock.promise.PromiseSettings;
import restock.service.Restock;
import restock.store.Database;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the HTTP API until the process is stopped. */
@Command(name = "serve", description = "Run the Restock server.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--demo", description = "Load a demo shop when the database is empty.")
    boolean demo;

    @Mixin
    DatabaseOptions database;

    /** The simulated gateway's own pool: payment passes call it one at a time, card set-ups now and then. */
    private static final int SIMULATED_GATEWAY_CONNECTIONS = 3;

    @Override
    public Integer call() {
        Database db = database.open();
        Clock clock = Clock.systemUTC();
        PromiseSettings promises = PromiseSettings.defaults(java.time.LocalDate.now(clock));
        String threshold = System.getenv("RESTOCK_PROMISE_THRESHOLD");
        if (threshold != null && !threshold.isBlank()) {
            promises = new PromiseSettings(Double.parseDouble(threshold), promises.maxSlipDays(), promises.handlingDays(), promises.today());
        }
        byte[] linkSecret = db.jdbi().inTransaction(h -> SqlSecrets.getOrCreate(h, "customer-links", clock.instant()));
        PaymentPolicy paymentPolicy = PaymentPolicy.DEFAULT;
        Restock restock = new Restock(db.jdbi(), clock, promises, paymentPolicy, new SignedLinks(linkSecret));
        PaymentGateway gateway = gateway(clock, db);
        JobLeases leases = new JobLeases(restock, instanceName(), leaseFromEnvironment(), clock);
        String baseUrl = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port;
        String shopUrl = System.getenv().getOrDefault("RESTOCK_SHOP_PRODUCT_URL", HttpApi.DEFAULT_SHOP_PRODUCT_URL);
        Branding branding = new Branding(System.getenv().getOrDefault("RESTOCK_SHOP_NAME", Branding.DEMO.shopName()),
                System.getenv().getOrDefault("RESTOCK_SHOP_URL", Branding.DEMO.shopUrl()),
                System.getenv().getOrDefault("RESTOCK_BRAND_COLOUR", Branding.DEMO.accentColour()),
                System.getenv().getOrDefault("RESTOCK_SMTP_FROM", Branding.DEMO.fromAddress()));
        NoticeRelay relay = new NoticeRelay(restock, branding,
                System.getenv().getOrDefault("RESTOCK_SHOP_PAY_URL", "https://shop.example.com/pay?token={token}"), clock);
        WaitlistCommands waitlist = new WaitlistCommands(restock, restock.links(), relay,
                new WaitlistCommands.Settings(1.5, java.time.Duration.ofHours(24), "true".equals(System.getenv("RESTOCK_WAITLIST_DOUBLE_OPT_IN")),
                        baseUrl, shopUrl, "true".equals(System.getenv("RESTOCK_WAITLIST_HOLD_UNITS"))), clock);
        DeliveryWorker delivery = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, emailSender(),
                Message.Channel.WEBHOOK, new WebhookSender(url -> restock.read(h -> SqlOutbox.endpointSecret(h, url).orElse(null)), clock)),
                clock, System.nanoTime());
        PaymentProcessor processor = new PaymentProcessor(restock, gateway, paymentPolicy, clock);
        if (demo && Demo.loadIfEmpty(restock)) {
            System.out.println("Loaded the demo shop (36 products from a real UK online retailer).");
        }
        String apiKey = apiKey();
        Javalin server = new HttpApi(restock, apiKey, shopUrl, gateway, waitlist, branding).start(host, port);
        String url = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/";
        System.out.println("Restock is running at " + url + " (data: " + database.describe() + ")");
        System.out.println("API: " + url + "api  (spec: " + url + "api/openapi.yaml)");
        System.out.println(System.getenv("RESTOCK_API_KEY") == null
                ? "API key (generated for this run; set RESTOCK_API_KEY to choose one): " + apiKey
                : "API key: from RESTOCK_API_KEY");
        System.out.println("Open " + url + " and enter the API key to see the stock overview, or try:");
        System.out.println("  curl -H 'Authorization: Bearer " + apiKey + "' '" + url + "api/stock?limit=5'");
        // Background work starts after the address and key are printed, so its log lines do not bury them.
        // Each job runs in the one instance holding its lease, so several instances on one database do each pass once.
        Map<String, java.util.function.IntSupplier> jobs = new java.util.LinkedHashMap<>();
        jobs.put("payments", processor::runOnce);
        jobs.put("notice-relay", relay::runOnce);
        jobs.put("waitlist-notices", waitlist::noticePass);
        jobs.put("delivery", delivery::runOnce);
        ScheduledExecutorService payments = startBackgroundWork(leases, jobs);
        ScheduledExecutorService nightly = startNightlyPlan(new NightlyPlan(new PlanningQueries(restock), leases, clock, PlanCommand::csv), clock);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            nightly.shutdownNow();
            payments.shutdownNow();
            leases.releaseAll();
            server.stop();
            db.close();
        }, "restock-shutdown"));
        return 0;
    }

    /** Plans every SKU each night at 02:00 UTC and stores the result (GET /api/planning/runs/latest), in one instance. */
    private static ScheduledExecutorService startNightlyPlan(NightlyPlan plan, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restock-nightly-plan");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(() -> {
            try {
                plan.runIfDue();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ServeCommand.class).error("nightly planning run failed; it runs again tomorrow", e);
            }
        }, NightlyPlan.untilNext(clock.instant()).toSeconds(), java.time.Duration.ofDays(1).toSeconds(), TimeUnit.SECONDS);
        return executor;
    }

    /** SMTP when RESTOCK_SMTP_HOST is set; otherwise emails are written to the log. */
    private static MessageSender emailSender() {
        String host = System.getenv("RESTOCK_SMTP_HOST");
        if (host == null || host.isBlank()) {
            System.out.println("Email: written to the log (set RESTOCK_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _STARTTLS, _FROM to send)");
            return new LogSender();
        }
        return new SmtpSender(new SmtpSender.Settings(host, Integer.parseInt(System.getenv().getOrDefault("RESTOCK_SMTP_PORT", "587")),
                !"false".equals(System.getenv("RESTOCK_SMTP_STARTTLS")), System.getenv("RESTOCK_SMTP_USERNAME"),
                System.getenv("RESTOCK_SMTP_PASSWORD"), System.getenv().getOrDefault("RESTOCK_SMTP_FROM", "shop@example.com")));
    }

    /**
     * Runs the background passes (payments, notice relay, waitlist notices, delivery) once a second. A failed
     * pass is logged and the next one tries again: every step is idempotent, so retrying loses nothing and
     * does nothing twice.
     */
    private static ScheduledExecutorService startBackgroundWork(JobLeases leases, Map<String, java.util.function.IntSupplier> jobs) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restock-payments");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            jobs.forEach((job, pass) -> {
                try {
                    leases.runIfHeld(job, pass);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(ServeCommand.class).error("background pass {} failed; retrying in a second", job, e);
                }
            });
        }, 1, 1, TimeUnit.SECONDS);
        return executor;
    }

    /** This process among the instances sharing the database: host, pid and a random part (pids repeat after restarts). */
    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }

    /** RESTOCK_JOB_LEASE_SECONDS: how long another instance waits to take a dead instance's background jobs over. */
    private static java.time.Duration leaseFromEnvironment() {
        String seconds = System.getenv("RESTOCK_JOB_LEASE_SECONDS");
        return seconds == null || seconds.isBlank() ? JobLeases.DEFAULT_LEASE : java.time.Duration.ofSeconds(Long.parseLong(seconds.trim()));
    }

    /**
     * Stripe when RESTOCK_PAYMENT_GATEWAY=stripe (with RESTOCK_STRIPE_SECRET_KEY); otherwise the simulated gateway,
     * which keeps its books in the database so that every instance on it sees one gateway.
     */
    private static PaymentGateway gateway(Clock clock, Database db) {
        if ("stripe".equals(System.getenv("RESTOCK_PAYMENT_GATEWAY"))) {
            String key = System.getenv("RESTOCK_STRIPE_SECRET_KEY");
            String baseUrl = System.getenv().getOrDefault("RESTOCK_STRIPE_BASE_URL", StripeGateway.DEFAULT_BASE_URL);
            System.out.println("Payments: Stripe at " + baseUrl);
            return new StripeGateway(baseUrl, key, clock, duration -> Thread.sleep(duration.toMillis()));
        }
        System.out.println("Payments: simulated gateway (set RESTOCK_PAYMENT_GATEWAY=stripe for Stripe); card token "
                + SimulatedGateway.DECLINING_TOKEN + " always declines");
        return new SimulatedGateway(System.nanoTime(), SimulatedGateway.Faults.NONE, clock,
                new SqlGatewayLedger(db.separatePool("simulated-gateway", SIMULATED_GATEWAY_CONNECTIONS), clock));
    }

    private static String apiKey() {
        String configured = System.getenv("RESTOCK_API_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
