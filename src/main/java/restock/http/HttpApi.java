package restock.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.payments.GatewayResult;
import restock.payments.PaymentGateway;
import restock.payments.SimulatedGateway;
import restock.notify.Branding;
import restock.orders.OrderRequest;
import restock.service.CatalogCommands;
import restock.service.NoticeRelay;
import restock.service.WaitlistCommands;
import restock.store.SqlOutbox;
import restock.service.Restock;
import restock.store.SqlIdempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/** The HTTP API under /api: one table of routes, bearer-key auth, idempotent commands, problem+json errors. */
public final class HttpApi {
    /** Larger bodies are refused before they are read: 100 order lines fit in a few kilobytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    /** Oversized bodies up to this size are read and dropped before the 413; larger ones are cut off. */
    static final long MAX_DRAINED_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Where feeds and offers point shoppers when no RESTOCK_SHOP_PRODUCT_URL is configured. */
    public static final String DEFAULT_SHOP_PRODUCT_URL = "https://shop.example.com/products/{sku}";
    private final Restock restock;
    private final Storefront storefront;
    private final PaymentGateway gateway;
    private final WaitlistCommands waitlist;
    private final byte[] apiKey;
    private final ObjectMapper mapper;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

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
                WaitlistCommands.Settings.DEFAULT, restock.clock()));
    }

    public HttpApi(Restock restock, String apiKey, String shopProductUrl, PaymentGateway gateway, WaitlistCommands waitlist) {
        this.restock = restock;
        this.gateway = gateway;
        this.waitlist = waitlist;
        this.storefront = new Storefront(restock, shopProductUrl);
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public Javalin start(String host, int port) {
        return Javalin.create(this::configure).start(host, port);
    }

    private void configure(JavalinConfig config) {
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.startup.showJavalinBanner = false;
        var routes = config.routes;
        routes.before("/api/*", this::authenticate);
        routes.after(ctx -> metrics.counter("restock_http_requests", "method", ctx.method().name(),
                "status", Integer.toString(ctx.statusCode())).increment());

        routes.get("/", ctx -> ctx.html(resource("/web/index.html")));
        routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        routes.get("/api/openapi.yaml", this::openApi);

        routes.post("/api/products", this::createProduct);
        routes.get("/api/products/{sku}", ctx -> ctx.json(Views.ProductView.of(
                restock.read(h -> restock.catalog().find(h, sku(ctx))))));

        routes.get("/api/stock", this::listStock);
        routes.get("/api/stock/{sku}", ctx -> ctx.json(Views.StockView.of(
                restock.read(h -> restock.stock().level(h, sku(ctx))))));
        routes.post("/api/stock/{sku}/adjustments", ctx -> command(ctx, 200, (h, body) -> Views.StockView.of(
                restock.stock().adjust(h, sku(ctx), JsonBody.requiredInt(body, "", "quantity", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        JsonBody.requiredText(body, "", "reason")))));
        routes.post("/api/stock/{sku}/counts", ctx -> command(ctx, 200, (h, body) -> Views.StockView.of(
                restock.stock().count(h, sku(ctx), JsonBody.requiredInt(body, "", "countedQuantity", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        JsonBody.optionalText(body, "", "reason")))));
        routes.post("/api/stock/{sku}/returns", ctx -> command(ctx, 200, (h, body) -> Views.StockView.of(
                restock.stock().returnToStock(h, sku(ctx), JsonBody.requiredInt(body, "", "quantity", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        JsonBody.optionalText(body, "", "reason")))));

        routes.post("/api/purchase-orders", ctx -> command(ctx, 201, (h, body) -> Views.PurchaseOrderView.of(
                restock.purchasing().create(h, Requests.purchaseOrder(body)))));
        routes.get("/api/purchase-orders/{id}", ctx -> ctx.json(Views.PurchaseOrderView.of(
                restock.read(h -> restock.purchasing().find(h, id(ctx))))));
        routes.post("/api/purchase-orders/{id}/receipts", ctx -> command(ctx, 200, (h, body) -> Views.PurchaseOrderView.of(
                restock.purchasing().receive(h, id(ctx), Requests.receipt(body)))));
        routes.post("/api/purchase-orders/{id}/close", ctx -> commandWithoutBody(ctx, h -> Views.PurchaseOrderView.of(
                restock.purchasing().close(h, id(ctx)))));
        routes.post("/api/purchase-orders/{id}/cancel", ctx -> commandWithoutBody(ctx, h -> Views.PurchaseOrderView.of(
                restock.purchasing().cancel(h, id(ctx)))));

        routes.post("/api/orders", ctx -> command(ctx, 201, (h, body) -> orderView(h,
                restock.orders().place(h, Requests.order(body)))));
        routes.get("/api/orders/{id}", ctx -> ctx.json(restock.read(h -> orderView(h, restock.orders().find(h, id(ctx))))));
        routes.post("/api/orders/{id}/cancel", ctx -> commandWithoutBody(ctx, h -> orderView(h,
                restock.orders().cancel(h, id(ctx)))));
        routes.post("/api/orders/{id}/lines/{lineNumber}/cancel", ctx -> commandWithoutBody(ctx, h -> orderView(h,
                restock.orders().cancelLine(h, id(ctx), lineNumber(ctx)))));
        routes.post("/api/orders/{id}/ship", ctx -> commandWithoutBody(ctx, h -> orderView(h,
                restock.orders().ship(h, id(ctx)))));
        routes.post("/api/orders/{id}/cancel-link", ctx -> {
            var link = restock.read(h -> restock.cancelLinks().create(h, id(ctx)));
            ctx.status(201).json(java.util.Map.of("url", ctx.scheme() + "://" + ctx.host() + "/cancel/" + link.token(),
                    "expiresAt", link.expiresAt().toString()));
        });
        routes.post("/api/payments/pay-link", ctx -> command(ctx, 200, (h, body) -> {
            var payment = restock.payLinks().payWith(h, JsonBody.requiredText(body, "", "token"), JsonBody.requiredText(body, "", "paymentMethod"));
            return Views.PaymentView.of(payment);
        }));
        routes.post("/api/payments/setup", ctx -> {
            String key = idempotencyKey(ctx).orElseGet(() -> java.util.UUID.randomUUID().toString());
            GatewayResult result = gateway.prepareSavedPaymentMethod("setup-" + key);
            if (!(result instanceof GatewayResult.Succeeded succeeded)) {
                throw new ProblemException(502, "Payment gateway unavailable", "the payment gateway did not prepare the card form ("
                        + result + "); try again", null);
            }
            ctx.status(201).json(java.util.Map.of("clientSecret", succeeded.reference()));
        });
        routes.post("/api/waitlist", ctx -> command(ctx, 201, (h, body) -> {
            var entry = waitlist.signUp(h, Requests.sku("", JsonBody.requiredText(body, "", "sku")), JsonBody.requiredText(body, "", "email"),
                    java.util.Optional.ofNullable(JsonBody.optionalInt(body, "", "quantity", 1, OrderRequest.MAX_UNITS_PER_LINE)).orElse(1),
                    JsonBody.optionalBoolean(body, "consent", false));
            return java.util.Map.of("id", entry.id(), "sku", entry.sku(), "status", entry.confirmed() ? "subscribed" : "awaiting_confirmation");
        }));
        routes.get("/waitlist/confirm/{token}", ctx -> ctx.html(SimplePages.page("Waitlist",
                restock.inTransaction(h -> waitlist.confirm(h, ctx.pathParam("token")))
                        ? "Thank you: we will email you when it is back." : "This sign-up no longer exists.")));
        routes.get("/waitlist/unsubscribe/{token}", ctx -> ctx.html(SimplePages.form("Unsubscribe",
                "Stop emails about this product?", "/waitlist/unsubscribe/" + ctx.pathParam("token"), "Unsubscribe")));
        routes.post("/waitlist/unsubscribe/{token}", ctx -> ctx.html(SimplePages.page("Unsubscribed",
                restock.inTransaction(h -> waitlist.unsubscribe(h, ctx.pathParam("token")))
                        ? "You will get no more emails about this product." : "This sign-up no longer exists.")));
        routes.post("/api/webhooks", ctx -> command(ctx, 201, (h, body) -> {
            String url = JsonBody.requiredText(body, "", "url");
            if (!url.matches("https?://\\S{1,2000}")) {
                throw new InvalidInput("url", "url must be an http or https address");
            }
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            var endpoint = SqlOutbox.addEndpoint(h, url, "whsec_" + HexFormat.of().formatHex(random), restock.clock().instant());
            return java.util.Map.of("id", endpoint.id(), "url", endpoint.url(), "secret", endpoint.secret());
        }));
        routes.post("/api/outbox/{id}/replay", ctx -> commandWithoutBody(ctx, h -> {
            if (!SqlOutbox.replay(h, id(ctx), restock.clock().instant())) {
                throw new NotFound("id", "no dead-lettered message with id " + id(ctx));
            }
            return java.util.Map.of("id", id(ctx), "status", "pending");
        }));
        routes.get("/cancel/{token}", ctx -> ctx.html(CancelPages.page(restock.read(h ->
                restock.cancelLinks().view(h, ctx.pathParam("token"))), ctx.pathParam("token"))));
        routes.post("/cancel/{token}", ctx -> ctx.html(CancelPages.page(restock.inTransaction(h ->
                restock.cancelLinks().use(h, ctx.pathParam("token"), Optional.ofNullable(ctx.formParam("reason")).orElse("other"))),
                ctx.pathParam("token"))));

        routes.post("/api/products/{sku}/discontinue", ctx -> commandWithoutBody(ctx, h -> Views.ProductView.of(
                restock.catalog().discontinue(h, sku(ctx)))));
        routes.post("/api/purchase-orders/{id}/lines/{lineNumber}/expected-date", ctx -> command(ctx, 200, (h, body) ->
                Views.PurchaseOrderView.of(restock.purchasing().reschedule(h, id(ctx), lineNumber(ctx),
                        JsonBody.requiredDate(body, "", "expectedDate")))));

        routes.get("/api/availability/{sku}", ctx -> ctx.json(Views.AvailabilityView.of(restock.read(h ->
                restock.availability().availability(h, sku(ctx), queryInt(ctx, "quantity", 1))))));
        routes.post("/api/availability", ctx -> {
            var items = Requests.availabilityItems(JsonBody.parseObject(mapper, ctx.body()));
            ctx.json(java.util.Map.of("items", restock.read(h -> restock.availability().batch(h, items)).stream()
                    .map(Views.AvailabilityView::of).toList()));
        });
        routes.get("/api/products/{sku}/offer", ctx -> ctx.contentType("application/ld+json")
                .result(toJson(storefront.offer(sku(ctx), queryInt(ctx, "quantity", 1)))));
        routes.get("/api/feeds/google-merchant.tsv", ctx -> ctx.contentType("text/tab-separated-values; charset=utf-8")
                .result(storefront.merchantFeed(Storefront.Format.TSV)));
        routes.get("/api/feeds/google-merchant.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .result(storefront.merchantFeed(Storefront.Format.CSV)));
        routes.get("/api/feeds/google-merchant.xml", ctx -> ctx.contentType("application/xml; charset=utf-8")
                .result(storefront.merchantFeed(Storefront.Format.XML)));
        routes.get("/api/reports/promises", ctx -> ctx.json(java.util.Map.of("buckets",
                restock.read(h -> restock.availability().calibration(h)))));

        routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem()));
        routes.exception(InvalidInput.class, (e, ctx) -> problem(ctx, Problem.of(400, "Invalid request", e.getMessage(), e.field())));
        routes.exception(NotFound.class, (e, ctx) -> problem(ctx, Problem.of(404, "Not found", e.getMessage(), e.field())));
        routes.exception(Conflict.class, (e, ctx) -> problem(ctx, Problem.of(409, "Conflict with current state", e.getMessage(), null)));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of(500, "Internal error", "Restock failed to handle this request; nothing was changed. "
                    + "The server log has the details.", null));
        });
        routes.error(404, ctx -> {
            String contentType = ctx.res().getContentType();
            if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
                problem(ctx, Problem.of(404, "Not found", "no route " + ctx.method() + " " + ctx.path()
                        + "; the API is described at /api/openapi.yaml", null));
            }
        });
        routes.error(413, ctx -> problem(ctx, Problem.of(413, "Request body too large",
                "request bodies may be at most " + MAX_BODY_BYTES + " bytes", "body")));
    }

    private void listStock(Context ctx) {
        String after = Optional.ofNullable(ctx.queryParam("after")).orElse("");
        int limit = queryInt(ctx, "limit", 50);
        var levels = restock.read(h -> restock.stock().list(h, after, limit));
        var items = levels.stream().map(named -> new Views.NamedStockView(named.name(), Views.StockView.of(named.level()))).toList();
        String next = levels.size() == limit ? levels.get(levels.size() - 1).level().sku().code() : null;
        ctx.json(new Views.Page<>(items, next));
    }

    private static int queryInt(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " must be a whole number, was '" + value + "'");
        }
    }

    private Views.OrderView orderView(Handle handle, restock.orders.Order order) {
        return Views.OrderView.of(order, restock.orders().payments(handle, order));
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/openapi.yaml")) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new ProblemException(401, "Unauthorized", "send the API key as 'Authorization: Bearer <key>'", "Authorization");
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, apiKey)) {
            throw new ProblemException(401, "Unauthorized", "the API key is not valid", "Authorization");
        }
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

    private void createProduct(Context ctx) {
        JsonNode body = JsonBody.parseObject(mapper, ctx.body());
        var product = Requests.product(body);
        CatalogCommands.Created created = restock.inTransaction(h -> restock.catalog().create(h, product));
        ctx.status(created == CatalogCommands.Created.CREATED ? 201 : 200).json(Views.ProductView.of(product));
    }

    /** A command with a JSON body. */
    private void command(Context ctx, int successStatus, CommandBody action) {
        String body = ctx.body();
        runCommand(ctx, successStatus, body, handle -> action.run(handle, JsonBody.parseObject(mapper, body)));
    }

    private void commandWithoutBody(Context ctx, Function<Handle, Object> action) {
        runCommand(ctx, 200, "", action);
    }

    /**
     * Runs a command in one transaction. With an Idempotency-Key, the first answer is stored in that same
     * transaction, and a retry with the same body gets it again; a different body under the same key is refused.
     */
    private void runCommand(Context ctx, int successStatus, String body, Function<Handle, Object> action) {
        Optional<String> key = idempotencyKey(ctx);
        String scope = ctx.method().name() + " " + ctx.path();
        String hash = sha256(body);
        Answer answer = restock.inTransaction(handle -> {
            if (key.isPresent()) {
                Optional<SqlIdempotency.StoredAnswer> stored = SqlIdempotency.lockAndFind(handle, scope, key.get());
                if (stored.isPresent()) {
                    if (!stored.get().requestHash().equals(hash)) {
                        throw new ProblemException(422, "Idempotency key reused", "Idempotency-Key '" + key.get()
                                + "' was already used with a different request body; use a new key for a new request", "Idempotency-Key");
                    }
                    return new Answer(stored.get().statusCode(), stored.get().responseBody());
                }
            }
            String json = toJson(action.apply(handle));
            key.ifPresent(k -> SqlIdempotency.store(handle, scope, k, hash, successStatus, json, restock.clock().instant()));
            return new Answer(successStatus, json);
        });
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
    }

    private record Answer(int status, String body) {
    }

    /** A command that reads a parsed JSON body. */
    @FunctionalInterface
    private interface CommandBody {
        Object run(Handle handle, JsonNode body);
    }

    private static Optional<String> idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new InvalidInput("Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        return Optional.of(key);
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

    private static Sku sku(Context ctx) {
        return Requests.sku("", ctx.pathParam("sku"));
    }

    private static long id(Context ctx) {
        return pathNumber(ctx, "id");
    }

    private static int lineNumber(Context ctx) {
        return (int) Math.min(pathNumber(ctx, "lineNumber"), Integer.MAX_VALUE);
    }

    private static long pathNumber(Context ctx, String name) {
        try {
            long value = Long.parseLong(ctx.pathParam(name));
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " must be a positive whole number, was '" + ctx.pathParam(name) + "'");
        }
    }

    private void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(toJson(problem));
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
