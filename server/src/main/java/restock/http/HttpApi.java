package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import restock.access.Scope;
import restock.common.TextLimit;
import restock.common.NotFound;
import restock.gateways.WebhookTargets;
import restock.payments.PaymentGateway;
import restock.payments.SimulatedGateway;
import restock.notify.Branding;
import restock.notify.MailTemplates;
import restock.service.NoticeRelay;
import restock.service.WaitlistCommands;
import restock.service.ApiKeys;
import restock.service.Restock;
import restock.service.RequestDeadlines;
import restock.web.Console;
import restock.web.CustomerPages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The HTTP API under /api: one table of routes, bearer-key auth, idempotent commands, problem+json errors. */
public final class HttpApi {
    /** Database time one request may use, in all its statements together; past it the request answers 503. */
    public static final java.time.Duration REQUEST_TIME_LIMIT = java.time.Duration.ofSeconds(30);
    /** A client that sends nothing for this long while a request is read or written is cut off (slow clients). */
    public static final java.time.Duration REQUEST_IO_TIMEOUT = java.time.Duration.ofSeconds(30);
    /** The request line and headers together. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;
    /** Larger bodies are refused before they are read: 100 order lines fit in a few kilobytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = TextLimit.IDEMPOTENCY_KEY.maxLength();
    /** Oversized bodies up to this size are read and dropped before the 413; larger ones are cut off. */
    static final long MAX_DRAINED_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    /** Where feeds and offers point shoppers when no RESTOCK_SHOP_PRODUCT_URL is configured. */
    public static final String DEFAULT_SHOP_PRODUCT_URL = "https://shop.example.com/products/{sku}";
    private final Restock restock;
    private final Settings settings;
    private final Storefront storefront;
    private final PaymentGateway gateway;
    private final WaitlistCommands waitlist;
    private final Branding branding;
    private final CustomerPages customerPages = new CustomerPages();
    private final ApiKeys keys;
    private final Authentication authentication;
    private final ObjectMapper mapper;
    private final HttpCommands commands;
    private final Metrics metrics;
    private final restock.service.DatabaseHealth health;
    private final restock.web.Console console;
    private final ErrorAnswers errors;

    public HttpApi(Restock restock, String apiKey) {
        this(restock, apiKey, DEFAULT_SHOP_PRODUCT_URL);
    }

    /** With the storefront's product page address; "{sku}" is replaced by each SKU in feeds and offers. */
    public HttpApi(Restock restock, String apiKey, String shopProductUrl) {
        this(restock, apiKey, shopProductUrl, new SimulatedGateway(0, SimulatedGateway.Faults.NONE, restock.clock()));
    }

    public HttpApi(Restock restock, String apiKey, String shopProductUrl, PaymentGateway gateway) {
        this(restock, apiKey, shopProductUrl, gateway, new WaitlistCommands(restock, restock.links(),
                new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", restock.clock()),
                WaitlistCommands.Settings.DEFAULT, restock.clock()), Branding.DEMO);
    }

    /** With one operations key given in full (RESTOCK_API_KEY, and tests), besides the stored keys. */
    public HttpApi(Restock restock, String apiKey, String shopProductUrl, PaymentGateway gateway, WaitlistCommands waitlist,
                   Branding branding) {
        this(restock, new ApiKeys(restock, Optional.of(apiKey)), new Settings(shopProductUrl, WebhookTargets.PUBLIC_ONLY), gateway,
                waitlist, branding);
    }

    /** Where feeds and offers find a product's picture when the product has none of its own. */
    public static final String DEFAULT_SHOP_IMAGE_URL = "https://shop.example.com/images/{sku}.jpg";

    /**
     * What an operator sets about the API: the shop's product page and picture addresses ("{sku}" replaced), where
     * webhooks may go, and whether the storefront demo page is served at /shop (with --demo only: it places orders
     * and waitlist sign-ups without a key).
     */
    public record Settings(String shopProductUrl, String shopImageUrl, WebhookTargets webhookTargets, boolean shopDemo) {
        public Settings(String shopProductUrl, WebhookTargets webhookTargets) {
            this(shopProductUrl, DEFAULT_SHOP_IMAGE_URL, webhookTargets, false);
        }

        /** The same settings with the storefront demo page served at /shop. */
        public Settings withShopDemo() {
            return new Settings(shopProductUrl, shopImageUrl, webhookTargets, true);
        }
    }

    public HttpApi(Restock restock, ApiKeys keys, Settings settings, PaymentGateway gateway, WaitlistCommands waitlist,
                   Branding branding) {
        this.restock = restock;
        this.settings = settings;
        this.branding = branding;
        this.gateway = gateway;
        this.waitlist = waitlist;
        this.storefront = new Storefront(restock, settings.shopProductUrl(), settings.shopImageUrl(), branding.shopUrl());
        this.keys = keys;
        this.authentication = new Authentication(keys, restock.clock());
        // A body is one JSON value: a second one after it was ignored (an outside check placed the first of two orders).
        this.mapper = new ObjectMapper(JsonBody.boundedFactory()).registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.commands = new HttpCommands(restock, mapper);
        this.health = new restock.service.DatabaseHealth(restock.jdbi());
        this.metrics = new Metrics(restock);
        this.console = new restock.web.Console(restock, new restock.service.StaffAccounts(restock, restock.clock()), settings.shopDemo());
        this.errors = new ErrorAnswers(console, customerPages, branding, settings.shopDemo(), commands);
    }

    /** The registry /metrics shows, for the owner of the database pool to bind its meters to. */
    public io.micrometer.core.instrument.MeterRegistry meters() {
        return metrics.registry();
    }

    public Javalin start(String host, int port) {
        return Javalin.create(config -> {
            configure(config);
            // In place of Javalin's default connector, which closes at once while a refused request's body is still coming.
            config.jetty.addConnector((server, http) -> new LingeringCloseConnector(server, http, host, port));
        }).start();
    }

    private void configure(JavalinConfig config) {
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = MAX_BODY_BYTES;
        // A known path asked with a method it does not take answers 405 with the methods it does (a new user got 404).
        config.http.prefer405over404 = true;
        config.startup.showJavalinBanner = false;
        config.jetty.modifyHttpConfiguration(http -> {
            // Jetty caches header fields per connection and by default matches them ignoring case, which handed a
            // wrong-case key the value of an earlier valid one on a kept-alive connection: values must match exactly.
            http.setHeaderCacheCaseSensitive(true);
            // A path with bad percent-encoding (%FF; a malformed escape such as %Z1 Jetty still refuses at the request line,
            // answered by ProblemErrorHandler) reaches the routes, whose checks refuse it with a problem
            // answer, instead of Jetty's HTML 400 sent before any route: that one left a body unread and the
            // connection reset under the client (the long fuzz run), and clients could not decode it.
            // The same for an encoded slash or percent in a path segment (/api/keys/%2F/rotate, /api/orders/%25/...):
            // Jetty's ambiguous-path 400 closed the connection without an answer in two CI fuzz runs. And for encoded
            // control characters (/api/webhooks/%01%02%03/pause): after Jetty's refusal the body stayed unread, and with a
            // 60 KB body 1 to 4 of 40 requests got no answer (JettyErrorsAsProblemsTest). Refusals Jetty still makes (an
            // encoded NUL, a dot segment, which must never resolve to another route) are answered before a lingering close.
            http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT.with("restock-routes-refuse-bad-encoding",
                    org.eclipse.jetty.http.UriCompliance.Violation.BAD_UTF8_ENCODING,
                    org.eclipse.jetty.http.UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
                    org.eclipse.jetty.http.UriCompliance.Violation.BAD_PERCENT_ENCODING,
                    org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                    org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                    org.eclipse.jetty.http.UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
            http.setIdleTimeout(REQUEST_IO_TIMEOUT.toMillis());
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(mapper, console,
                path -> CustomerPages.ownsForShopper(path, settings.shopDemo()), status -> customerPages.notAPage(status, branding))));
        config.jetty.modifyServletContextHandler(context -> context.getServletHandler().setDecodeAmbiguousURIs(true));
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/console-static";
            files.directory = "/console-static";
            files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
        });
        SecurityHeaders securityHeaders = securityHeaders();
        var routes = config.routes;
        routes.before(metrics::start);
        routes.before(ctx -> RequestDeadlines.start(REQUEST_TIME_LIMIT));
        routes.before("/api/*", this::authenticate);
        routes.before("/api/*", HttpCommands::refuseControlCharactersInQuery);
        routes.before("/api/*", HttpCommands::refuseBodyNotUtf8);
        routes.beforeMatched("/api/*", authentication::authorize);
        routes.beforeMatched("/api/*", RouteParameters::refuseUnknown);
        // The metrics tell order, payment and waiting figures: a reporting or operations key reads them, as the API's
        // reports (Prometheus sends one with `authorization: {credentials: ...}`); the page was open to anyone.
        routes.before("/metrics", authentication::authenticate);
        routes.beforeMatched("/metrics", authentication::authorize);
        routes.after(securityHeaders::apply);
        routes.after(ctx -> {
            RequestDeadlines.clear();
            // A route that needs no body (payment setup, say) leaves a sent one unread: read it, or the close can
            // reset the connection before the client has the answer.
            ErrorAnswers.drainUnreadBody(ctx);
        });
        routes.after(metrics::record);

        // People use the console (staff sign-in); the API key is for programs only.
        routes.get("/", ctx -> ctx.redirect("/console/overview", io.javalin.http.HttpStatus.SEE_OTHER));
        console.register(routes);
        if (settings.shopDemo()) {
            new restock.web.ShopDemo(restock, waitlist, branding).register(routes);
        }
        routes.get("/health", this::health);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        routes.get("/api/openapi.yaml", this::openApi);

        routes.post("/api/products", this::createProduct);
        routes.get("/api/products/{sku}", ctx -> {
            var filed = restock.read(h -> restock.catalogEdits().product(h, HttpCommands.sku(ctx)));
            boolean mayKnowSupplier = Authentication.key(ctx).scope() != Scope.STOREFRONT;
            ctx.header("ETag", HttpCommands.etag(filed.version())).json(CatalogRoutes.productView(filed, mayKnowSupplier));
        });

        routes.get("/api/stock", this::listStock);
        routes.get("/api/stock/{sku}", ctx -> ctx.json(Views.StockView.of(
                restock.read(h -> restock.stock().level(h, HttpCommands.sku(ctx))))));
        routes.post("/api/stock/{sku}/adjustments", ctx -> commands.command(ctx, 200, Requests.ADJUSTMENT_FIELDS, (h, body) -> Views.StockView.of(
                restock.stock().adjust(h, HttpCommands.sku(ctx), JsonBody.requiredInt(body, "", "quantity", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        JsonBody.requiredText(body, "", "reason")))));
        routes.post("/api/stock/{sku}/counts", ctx -> commands.command(ctx, 200, Requests.COUNT_FIELDS, (h, body) -> Views.StockView.of(
                restock.stock().count(h, HttpCommands.sku(ctx), JsonBody.requiredInt(body, "", "countedQuantity", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        JsonBody.optionalText(body, "", "reason")))));
        routes.post("/api/stock/{sku}/returns", ctx -> commands.command(ctx, 200, Requests.RETURN_FIELDS, (h, body) -> Views.StockView.of(
                restock.stock().returnToStock(h, HttpCommands.sku(ctx), JsonBody.requiredInt(body, "", "quantity", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        JsonBody.optionalText(body, "", "reason")))));

        routes.post("/api/purchase-orders", ctx -> commands.command(ctx, 201, (h, body) -> Views.PurchaseOrderView.of(
                restock.purchasing().create(h, Requests.purchaseOrder(body)))));
        routes.get("/api/purchase-orders", ctx -> {
            int limit = HttpCommands.queryInt(ctx, "limit", 50);
            long after = HttpCommands.queryInt(ctx, "after", 0);
            var page = restock.read(h -> restock.purchasing().list(h, Optional.ofNullable(ctx.queryParam("status")),
                    Optional.ofNullable(ctx.queryParam("sku")), after, limit));
            ctx.json(new Views.Page<>(page.items().stream().map(Views.PurchaseOrderView::of).toList(),
                    page.next(order -> Long.toString(order.id())).orElse(null)));
        });
        routes.get("/api/purchase-orders/{id}", ctx -> ctx.json(Views.PurchaseOrderView.of(
                restock.read(h -> restock.purchasing().find(h, HttpCommands.id(ctx))))));
        routes.post("/api/purchase-orders/{id}/receipts", ctx -> commands.command(ctx, 200, (h, body) -> Views.PurchaseOrderView.of(
                restock.purchasing().receive(h, HttpCommands.id(ctx), Requests.receipt(body)))));
        routes.post("/api/purchase-orders/{id}/close", ctx -> commands.commandWithoutBody(ctx, h -> Views.PurchaseOrderView.of(
                restock.purchasing().close(h, HttpCommands.id(ctx)))));
        routes.post("/api/purchase-orders/{id}/cancel", ctx -> commands.commandWithoutBody(ctx, h -> Views.PurchaseOrderView.of(
                restock.purchasing().cancel(h, HttpCommands.id(ctx)))));

        routes.post("/api/orders", ctx -> commands.command(ctx, 201, (h, body) -> placedView(h,
                restock.orders().place(h, Requests.order(body), Optional.of(Authentication.client(ctx))))));
        // Before /api/orders/{id}, which would take "to-ship" for an id.
        routes.get("/api/orders/to-ship", this::listOrdersToShip);
        routes.get("/api/orders/{id}", ctx -> ctx.json(restock.read(h -> orderView(h, restock.orders().find(h, HttpCommands.id(ctx))))));
        routes.post("/api/orders/{id}/cancel", ctx -> commands.commandWithoutBody(ctx, h -> orderView(h,
                restock.orders().cancel(h, HttpCommands.id(ctx)))));
        routes.post("/api/orders/{id}/lines/{lineNumber}/cancel", ctx -> commands.commandWithoutBody(ctx, h -> orderView(h,
                restock.orders().cancelLine(h, HttpCommands.id(ctx), HttpCommands.lineNumber(ctx)))));
        routes.post("/api/orders/{id}/ship", ctx -> commands.commandWithoutBody(ctx, h -> orderView(h,
                restock.orders().ship(h, HttpCommands.id(ctx)))));
        routes.post("/api/products/{sku}/discontinue", ctx -> commands.commandWithoutBody(ctx, h -> Views.ProductView.of(
                restock.catalog().discontinue(h, HttpCommands.sku(ctx)))));
        routes.post("/api/purchase-orders/{id}/lines/{lineNumber}/expected-date", ctx -> commands.command(ctx, 200, Requests.EXPECTED_DATE_FIELDS, (h, body) ->
                Views.PurchaseOrderView.of(restock.purchasing().reschedule(h, HttpCommands.id(ctx), HttpCommands.lineNumber(ctx),
                        JsonBody.requiredDate(body, "", "expectedDate")))));

        new CustomerRoutes(restock, commands, waitlist, gateway, settings.webhookTargets(), branding).register(routes);
        routes.get("/api/messages/preview/{topic}", ctx -> {
            var sample = MailTemplates.sample(ctx.pathParam("topic")).orElseThrow(() -> new NotFound("topic",
                    "no message topic '" + ctx.pathParam("topic") + "'; topics are " + MailTemplates.TOPICS));
            var rendered = MailTemplates.render(sample, branding);
            ctx.json(java.util.Map.of("topic", ctx.pathParam("topic"), "subject", rendered.subject(), "text", rendered.text(),
                    "html", rendered.html()));
        });
        new StorefrontRoutes(restock, commands, storefront, authentication).register(routes);
        new KeyRoutes(restock, keys, commands).register(routes);
        new WebhookRoutes(restock, commands).register(routes);
        new PlanningRoutes(restock).register(routes);
        new InsightRoutes(restock, new restock.service.InsightQueries(restock)).register(routes);
        new CatalogRoutes(restock, commands).register(routes);

        errors.register(routes);
    }

    private void listStock(Context ctx) {
        String after = Optional.ofNullable(ctx.queryParam("after")).orElse("");
        int limit = HttpCommands.queryInt(ctx, "limit", 50);
        var levels = restock.read(h -> restock.stock().list(h, after, limit));
        var items = levels.items().stream().map(named -> new Views.NamedStockView(named.name(), Views.StockView.of(named.level()))).toList();
        ctx.json(new Views.Page<>(items, levels.next(named -> named.level().sku().code()).orElse(null)));
    }

    /** The pick list, a page at a time: orders with units reserved, oldest first; the cursor is the last order's id. */
    private void listOrdersToShip(Context ctx) {
        long after = HttpCommands.queryLong(ctx, "after", 0);
        int limit = HttpCommands.queryInt(ctx, "limit", 50);
        var page = restock.read(h -> restock.orders().toShip(h, after, limit));
        var items = page.items().stream().map(due -> Views.OrderView.of(due.order(), due.payments(), due.discount())).toList();
        ctx.json(new Views.Page<>(items, page.next(due -> Long.toString(due.order().id())).orElse(null)));
    }

    private Views.OrderView orderView(Handle handle, restock.orders.Order order) {
        return Views.OrderView.of(order, restock.orders().payments(handle, order), restock.orders().discount(handle, order));
    }

    /**
     * The answer to placing an order: with a cancel link when something waits, so a storefront key, which may not
     * read orders or make links, can still offer the shopper the free cancel on its confirmation page.
     */
    private Views.OrderView placedView(Handle handle, restock.orders.Order order) {
        Views.OrderView view = orderView(handle, order);
        boolean waiting = order.lines().stream().anyMatch(line -> line.quantities().waiting() > 0);
        return waiting ? view.withCancelLink(Views.CancelLinkView.of(branding.publicUrl(), restock.cancelLinks().create(handle, order.id())))
                : view;
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/openapi.yaml")) {
            return;
        }
        authentication.authenticate(ctx);
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            drainModestOverflow(ctx, length);
            throw new ProblemException(413, "Request body too large",
                    "request bodies may be at most " + MAX_BODY_BYTES + " bytes, this one has " + length, "body");
        }
    }

    /**
     * Reads and discards a body that is only somewhat too large, so the client finishes sending and reads the 413;
     * answering mid-upload makes many clients report a reset connection instead of the reason.
     */
    private static void drainModestOverflow(Context ctx, long length) {
        if (length > MAX_DRAINED_BYTES) {
            return;
        }
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            log.debug("client went away while sending an oversized body", e);
        }
    }

    /** No page has inline code: the console and the customers' pages load scripts and styles from files. */
    private static SecurityHeaders securityHeaders() {
        return new SecurityHeaders(java.util.List.of(), java.util.List.of());
    }

    private void createProduct(Context ctx) {
        JsonNode body = JsonBody.parseObject(mapper, ctx.body());
        var product = Requests.product(body);
        // Through the same command as the console's new product form, so the audit trail starts with its creation.
        var created = restock.inTransaction(h -> restock.catalogEdits().createProduct(h, new restock.service.CatalogEdits.FiledProduct(product,
                new restock.catalog.ProductPlacement(Optional.empty(), Optional.empty())), CatalogRoutes.changedBy(ctx)));
        ctx.status(created.created() ? 201 : 200).json(Views.ProductView.of(product));
    }

    /** 200 only when the database answers a query in time; a process that is up but cannot reach its data is not healthy. */
    private void health(Context ctx) {
        restock.service.DatabaseHealth.Status status = health.check();
        if (status.up()) {
            ctx.json(java.util.Map.of("status", "ok", "database", status.detail()));
        } else {
            errors.problem(ctx, Problem.of(503, "Database unreachable", status.detail()
                    + "; Restock cannot read or change any data until it answers again. Check the database server (or, for the "
                    + "embedded one, the Restock process that owns the --data-dir) and its log.", null));
        }
    }

    private void openApi(Context ctx) throws IOException {
        ctx.contentType("application/yaml").result(resource("/openapi.yaml"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
