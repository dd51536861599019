package restock.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.slf4j.LoggerFactory;
import restock.gateways.LogSender;
import restock.gateways.SmtpSender;
import restock.gateways.StripeGateway;
import restock.gateways.WebhookSender;
import restock.gateways.WebhookTargets;
import restock.notify.Branding;
import restock.notify.Message;
import restock.notify.MessageSender;
import restock.service.ApiKeys;
import restock.service.BackgroundJobs;
import restock.service.StaffAccounts;
import restock.service.DeliveryWorker;
import restock.service.JobLeases;
import restock.service.NightlyPlan;
import restock.service.NoticeRelay;
import restock.service.WaitlistCommands;
import restock.http.HttpApi;
import restock.payments.PaymentGateway;
import restock.payments.PaymentPolicy;
import restock.payments.SimulatedGateway;
import restock.service.PaymentProcessor;
import restock.service.PlanningQueries;
import restock.promise.PromiseSettings;
import restock.service.Restock;
import restock.store.Database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the HTTP API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Restock server.")
public final class ServeCommand implements Callable<Integer> {
    /** The exit status when another Restock already serves the --data-dir folder. */
    public static final int EXIT_FOLDER_ALREADY_SERVED = ExitCodes.NOT_ALL_DONE;

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
        // Before the database and the demo: a taken port is said plainly, not as a stack trace a minute later.
        Optional<String> portTaken = portTaken(host, port);
        if (portTaken.isPresent()) {
            System.err.println(portTaken.get());
            return PORT_TAKEN;
        }
        Database db;
        try {
            db = database.openForServing();
        } catch (restock.store.DataFolderInUse e) {
            System.err.println(e.getMessage());
            return EXIT_FOLDER_ALREADY_SERVED;
        }
        // Registered as soon as there is something to stop: a SIGTERM can come while the server still starts (an
        // outside check: "Shutdown in progress" from a hook registered at the end of the start).
        Stopping stopping = new Stopping();
        stopping.then(db::close);
        Runtime.getRuntime().addShutdownHook(new Thread(stopping::run, "restock-shutdown"));
        Clock clock = Clock.systemUTC();
        PromiseSettings promises = PromiseSettings.defaults(java.time.LocalDate.now(clock));
        String threshold = System.getenv("RESTOCK_PROMISE_THRESHOLD");
        if (threshold != null && !threshold.isBlank()) {
            promises = new PromiseSettings(Double.parseDouble(threshold), promises.maxSlipDays(), promises.handlingDays(), promises.today());
        }
        PaymentPolicy paymentPolicy = PaymentPolicy.DEFAULT;
        Restock restock = new Restock(db.jdbi(), clock, promises, paymentPolicy, Restock.storedLinks(db.jdbi(), clock));
        PaymentGateway gateway = gateway(clock, db);
        JobLeases leases = new JobLeases(restock, instanceName(), leaseFromEnvironment(), clock);
        String listenUrl = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port;
        // Links in mails must reach customers: the address Restock listens on rarely does, so say so when unset.
        String publicUrl = Branding.requirePublicUrl(Optional.ofNullable(System.getenv("RESTOCK_PUBLIC_URL")).filter(url -> !url.isBlank())
                .orElse(listenUrl));
        if (System.getenv("RESTOCK_PUBLIC_URL") == null) {
            System.out.println("Links in mails start with " + publicUrl + "; set RESTOCK_PUBLIC_URL to the address customers reach Restock at.");
        }
        String baseUrl = publicUrl;
        String shopUrl = Branding.shopProductUrl(Optional.ofNullable(System.getenv("RESTOCK_SHOP_PRODUCT_URL")), demo, publicUrl,
                HttpApi.DEFAULT_SHOP_PRODUCT_URL);
        Branding branding = new Branding(System.getenv().getOrDefault("RESTOCK_SHOP_NAME", Branding.DEMO.shopName()),
                Branding.shopHome(Optional.ofNullable(System.getenv("RESTOCK_SHOP_URL")), demo, publicUrl),
                System.getenv().getOrDefault("RESTOCK_BRAND_COLOUR", Branding.DEMO.accentColour()),
                System.getenv().getOrDefault("RESTOCK_SMTP_FROM", Branding.DEMO.fromAddress()), publicUrl);
        NoticeRelay relay = new NoticeRelay(restock, branding,
                System.getenv().getOrDefault("RESTOCK_SHOP_PAY_URL", "https://shop.example.com/pay?token={token}"), clock);
        // The demo asks its shoppers to confirm (double opt-in) unless told otherwise, so its shop page shows the whole flow.
        String doubleOptIn = System.getenv("RESTOCK_WAITLIST_DOUBLE_OPT_IN");
        WaitlistCommands waitlist = new WaitlistCommands(restock, restock.links(), relay,
                new WaitlistCommands.Settings(1.5, java.time.Duration.ofHours(24), demo ? !"false".equals(doubleOptIn) : "true".equals(doubleOptIn),
                        baseUrl, shopUrl, "true".equals(System.getenv("RESTOCK_WAITLIST_HOLD_UNITS"))), clock);
        WebhookTargets webhookTargets = WebhookTargets.of("true".equals(System.getenv("RESTOCK_WEBHOOKS_ALLOW_PRIVATE")));
        DeliveryWorker delivery = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, emailSender(),
                Message.Channel.WEBHOOK, new WebhookSender(url -> restock.read(h -> restock.webhooks().signingSecrets(h, url)), clock,
                        webhookTargets)), clock, System.nanoTime());
        PaymentProcessor processor = new PaymentProcessor(restock, gateway, paymentPolicy, clock);
        if (demo) {
            // The demo year's shoppers joined the waitlist long ago: they are loaded confirmed, and get no mail now.
            Demo.load(restock, Optional.of(waitlist.withDoubleOptIn(false))).ifPresent(loaded -> {
                // The replayed year is history: its customers get no mail for it now (thousands of log lines that
                // buried the address and the passwords printed below).
                relay.skipEventsSoFar();
                System.out.println("Loaded the demo shop: " + loaded.products() + " products, " + loaded.days() + " days of history, "
                        + loaded.orders() + " orders, " + loaded.purchaseOrders() + " purchase orders, " + loaded.causes()
                        + " backorder events with their causes.");
            });
        }
        ApiKeys keys = new ApiKeys(restock, Optional.ofNullable(System.getenv("RESTOCK_API_KEY")));
        Optional<ApiKeys.Created> firstKey = keys.bootstrap();
        Optional<StaffAccounts.Created> firstUser = new StaffAccounts(restock, clock).bootstrap();
        Javalin server;
        try {
            HttpApi api = new HttpApi(restock, keys, new HttpApi.Settings(shopUrl,
                    System.getenv().getOrDefault("RESTOCK_SHOP_IMAGE_URL", HttpApi.DEFAULT_SHOP_IMAGE_URL), webhookTargets, demo), gateway, waitlist, branding);
            db.bindMetrics(api.meters());
            server = api.start(host, port);
        } catch (RuntimeException e) {
            // Taken in the moment since the check above, or not ours to listen on.
            stopping.run();
            System.err.println(portTaken(host, port).orElse("Could not listen on " + host + ":" + port + ": " + e.getMessage()));
            return PORT_TAKEN;
        }
        if (!stopping.then(server::stop)) {
            return 0;
        }
        String url = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/";
        System.out.println("Restock is running at " + url + " (data: " + database.describe() + ")");
        System.out.println("API: " + url + "api  (spec: " + url + "api/openapi.yaml)");
        printKey(keys, firstKey, url, database.asOption());
        printFirstUser(firstUser, url, database.asOption());
        if (demo) {
            System.out.println("Shop demo: " + url + "shop - a few products as a shopper sees them (availability, ETA, waitlist, cancel link)");
        }
        // Background work starts after the address and key are printed, so its log lines do not bury them.
        // Each job runs in the one instance holding its lease, so several instances on one database do each pass once;
        // payments and waitlist notices keep their pace (one pass a second), the others drain what is owed.
        if (!stopping.then(() -> {
            try {
                leases.releaseAll();
            } catch (RuntimeException e) {
                // The database stops last (the embedded server has no shutdown hook of its own when serving), but an
                // external one may be gone already. The leases then lapse by themselves within their term; the folder
                // is still handed back after this (an outside check found a stack trace here and the lock left saying
                // "serving").
                System.err.println("Stopping: job leases not handed back (" + e.getClass().getSimpleName()
                        + ": the database stopped first); they lapse within " + leases.lease().toSeconds() + " s.");
            }
        })) {
            return 0;
        }
        BackgroundJobs background = BackgroundJobs.start(leases, List.of(
                new BackgroundJobs.Job("payments", processor::runOnce, false),
                new BackgroundJobs.Job("notice-relay", relay::runOnce, true),
                new BackgroundJobs.Job("waitlist-notices", waitlist::noticePass, false),
                new BackgroundJobs.Job("queue-upkeep", new restock.service.QueueUpkeep(restock, clock)::runOnce, true),
                new BackgroundJobs.Job("backorder-causes", new restock.service.CauseAnalysis(restock, clock)::runOnce, true)));
        if (!stopping.then(background::close)) {
            return 0;
        }
        ScheduledExecutorService delivering = startDelivery(delivery);
        if (!stopping.then(delivering::shutdownNow)) {
            return 0;
        }
        ScheduledExecutorService nightly = startNightlyPlan(new NightlyPlan(new PlanningQueries(restock), leases, clock, PlanCommand::csv), clock);
        stopping.then(nightly::shutdownNow);
        return 0;
    }

    /**
     * What stopping undoes, the last started first: the nightly plan, background jobs, delivery, the leases, the
     * HTTP server, then the database (which hands the data folder back). Once a stop has begun a step is run at once
     * instead, so what the starting thread started in the meantime is stopped too.
     */
    static final class Stopping {
        private final java.util.Deque<Runnable> steps = new java.util.ArrayDeque<>();
        private boolean begun;

        /** Adds a step to run before those added earlier; when the stop has begun, runs it now and says false. */
        synchronized boolean then(Runnable step) {
            if (begun) {
                step.run();
                return false;
            }
            steps.push(step);
            return true;
        }

        synchronized void run() {
            begun = true;
            while (!steps.isEmpty()) {
                steps.pop().run();
            }
        }
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
                System.getenv("RESTOCK_SMTP_PASSWORD"), System.getenv().getOrDefault("RESTOCK_SMTP_FROM", "shop@example.com"),
                System.getenv().getOrDefault("RESTOCK_SHOP_NAME", Branding.DEMO.shopName())));
    }

    /** How long one delivery run may go on draining a backlog before the next run starts a second later. */
    private static final java.time.Duration DELIVERY_BUDGET = java.time.Duration.ofSeconds(20);

    /**
     * Delivers the outbox on a thread of its own, in every instance: each message is claimed with SKIP LOCKED, so
     * instances share a backlog instead of one lease holder sending for all, and slow receivers do not hold up
     * payments or notices (in the long chaos run, delivery behind the shared pass managed about 10 messages a second).
     */
    private static ScheduledExecutorService startDelivery(DeliveryWorker delivery) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restock-delivery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                delivery.drain(DELIVERY_BUDGET);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ServeCommand.class).error("delivery run failed; retrying in a second", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        return executor;
    }

    /** This process among the instances sharing the database: host, pid and a random part (pids repeat after restarts). */
    private static String instanceName() {
        return JobLeases.newHolderName();
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
                Restock.simulatedGatewayLedger(db.separatePool("simulated-gateway", SIMULATED_GATEWAY_CONNECTIONS), clock));
    }

    /** Exit status when the port is taken (or cannot be listened on): the --port given cannot be used. */
    static final int PORT_TAKEN = ExitCodes.BAD_INPUT;

    /** Why Restock cannot listen on host:port, if it cannot: checked by binding, then letting go at once. */
    static Optional<String> portTaken(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Port " + port + " on " + host + " is already in use (another Restock, or another program): "
                    + "stop it, or start Restock with --port <another port>.");
        }
    }

    /**
     * Shows a key once: the first operations key on the first start. Keys from RESTOCK_API_KEY and stored keys are
     * never printed; the lines say how to make another.
     */
    private static void printKey(ApiKeys keys, Optional<ApiKeys.Created> firstKey, String url, String dataDirOption) {
        String key = "<key>";
        if (keys.hasEnvironmentKey()) {
            System.out.println("API key: RESTOCK_API_KEY (an operations key; not printed)");
        } else if (firstKey.isPresent()) {
            key = firstKey.get().secret();
            System.out.println("API key (operations, made on this first start and shown only now; keep it): " + key);
        } else {
            System.out.println("API keys: the stored keys work (none is shown again). For a new one, run (beside the running server too)");
            System.out.println("  " + Invocation.command() + " keys create" + dataDirOption + " --name <who> --scope operations");
            System.out.println("or call POST /api/keys with an operations key.");
        }
        System.out.println("Try: curl -H 'Authorization: Bearer " + key + "' '" + url + "api/stock?limit=5'");
    }

    /** The console's first user, made on the first start: its password is printed this once and stored only as a hash. */
    private static void printFirstUser(Optional<StaffAccounts.Created> firstUser, String url, String dataDirOption) {
        if (firstUser.isPresent()) {
            System.out.println("Console: " + url + "console/ - sign in as '" + firstUser.get().username() + "' with password "
                    + firstUser.get().password() + " (made on this first start and shown only now; keep it)");
        } else {
            System.out.println("Console: " + url + "console/ (staff users: " + Invocation.command() + " users list" + dataDirOption
                    + " | users create" + dataDirOption + " --username <name>)");
        }
    }
}
