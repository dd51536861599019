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
import restock.service.NoticeRelay;
import restock.service.WaitlistCommands;
import restock.store.SqlOutbox;
import restock.http.HttpApi;
import restock.payments.PaymentGateway;
import restock.payments.PaymentPolicy;
import restock.payments.SimulatedGateway;
import restock.service.PaymentProcessor;
import restock.service.PlanningQueries;
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
    /** The exit status when another Restock already serves the --data-dir folder. */
    public static final int EXIT_FOLDER_ALREADY_SERVED = 3;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--demo", description = "Load a demo shop when the database is empty.")
    boolean demo;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Database db;
        try {
            db = database.openForServing();
        } catch (restock.store.DataFolderInUse e) {
            System.err.println(e.getMessage());
            return EXIT_FOLDER_ALREADY_SERVED;
        }
        Clock clock = Clock.systemUTC();
        PromiseSettings promises = PromiseSettings.defaults(java.time.LocalDate.now(clock));
        String threshold = System.getenv("RESTOCK_PROMISE_THRESHOLD");
        if (threshold != null && !threshold.isBlank()) {
            promises = new PromiseSettings(Double.parseDouble(threshold), promises.maxSlipDays(), promises.handlingDays(), promises.today());
        }
        byte[] linkSecret = db.jdbi().inTransaction(h -> SqlSecrets.getOrCreate(h, "customer-links", clock.instant()));
        PaymentPolicy paymentPolicy = PaymentPolicy.DEFAULT;
        Restock restock = new Restock(db.jdbi(), clock, promises, paymentPolicy, new SignedLinks(linkSecret));
        PaymentGateway gateway = gateway(clock);
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
        ScheduledExecutorService payments = startBackgroundWork(List.of(processor::runOnce, relay::runOnce, waitlist::noticePass,
                delivery::runOnce));
        ScheduledExecutorService nightly = startNightlyPlan(new PlanningQueries(restock), clock);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            nightly.shutdownNow();
            payments.shutdownNow();
            server.stop();
            db.close();
        }, "restock-shutdown"));
        return 0;
    }

    /** Plans every SKU each night at 02:00 UTC and stores the result (GET /api/planning/runs/latest). */
    private static ScheduledExecutorService startNightlyPlan(PlanningQueries planning, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restock-nightly-plan");
            thread.setDaemon(true);
            return thread;
        });
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock.withZone(java.time.ZoneOffset.UTC));
        java.time.ZonedDateTime next = now.toLocalDate().atTime(2, 0).atZone(java.time.ZoneOffset.UTC);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        executor.scheduleAtFixedRate(() -> {
            try {
                planning.runAndStore(PlanningQueries.DEFAULT_SERVICE_LEVEL, PlanCommand::csv);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ServeCommand.class).error("nightly planning run failed; it runs again tomorrow", e);
            }
        }, java.time.Duration.between(now, next).toSeconds(), java.time.Duration.ofDays(1).toSeconds(), TimeUnit.SECONDS);
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
    private static ScheduledExecutorService startBackgroundWork(List<java.util.function.IntSupplier> passes) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restock-payments");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            for (java.util.function.IntSupplier pass : passes) {
                try {
                    pass.getAsInt();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(ServeCommand.class).error("background pass failed; retrying in a second", e);
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
        return executor;
    }

    /** Stripe when RESTOCK_PAYMENT_GATEWAY=stripe (with RESTOCK_STRIPE_SECRET_KEY); otherwise the simulated gateway. */
    private static PaymentGateway gateway(Clock clock) {
        if ("stripe".equals(System.getenv("RESTOCK_PAYMENT_GATEWAY"))) {
            String key = System.getenv("RESTOCK_STRIPE_SECRET_KEY");
            String baseUrl = System.getenv().getOrDefault("RESTOCK_STRIPE_BASE_URL", StripeGateway.DEFAULT_BASE_URL);
            System.out.println("Payments: Stripe at " + baseUrl);
            return new StripeGateway(baseUrl, key, clock, duration -> Thread.sleep(duration.toMillis()));
        }
        System.out.println("Payments: simulated gateway (set RESTOCK_PAYMENT_GATEWAY=stripe for Stripe); card token "
                + SimulatedGateway.DECLINING_TOKEN + " always declines");
        return new SimulatedGateway(System.nanoTime(), SimulatedGateway.Faults.NONE, clock);
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
