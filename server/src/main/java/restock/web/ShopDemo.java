package restock.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.inventory.NamedStockLevel;
import restock.notify.Branding;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.payments.CancelledCharge;
import restock.promise.Availability;
import restock.promise.AvailabilityStatus;
import restock.promise.ListedAvailability;
import restock.promise.Promise;
import restock.service.AvailabilityQueries;
import restock.service.Restock;
import restock.service.WaitlistCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storefront demo page (/shop, served only when the server runs with --demo): a few of the shop's products as a
 * shopper sees them, each with the availability answer GET /api/availability gives (the same service, the same one
 * decision), a form to order (and, for what waits, the cancel link the backorder mail would carry) and the waitlist
 * form (the shop's own waitlist flow, double opt-in included). Its forms carry a token from a cookie of their own.
 */
public final class ShopDemo {
    static final String PATH = Branding.DEMO_SHOP_PATH;
    static final String CSRF_COOKIE = "restock_shop";
    static final String CSRF_FIELD = "_csrf";
    /** The order form's "Check" button, which asks the availability answer for the quantity typed instead of ordering. */
    static final String CHECK_BUTTON = "check";
    /** Products read (first by SKU) to find a few of each availability status; one availability batch answers them. */
    static final int PRODUCTS_LOOKED_AT = 60;
    /** Products shown per availability status, in the order of {@link #SHOWN}. */
    static final int PER_STATUS = 2;
    /** Units a shopper may order from the demo page at once. */
    static final int MAX_QUANTITY = 10;
    /** The statuses the page shows, in its order: what waits first, because that is what the demo is about. */
    static final List<AvailabilityStatus> SHOWN = List.of(AvailabilityStatus.BACKORDER, AvailabilityStatus.OUT_OF_STOCK,
            AvailabilityStatus.PREORDER, AvailabilityStatus.IN_STOCK);
    /** The order form of a product, with the names the order command's refusals give its fields (POST /api/orders'). */
    static final ConsoleForm ORDER_FORM = new ConsoleForm("order", "The order was not placed", List.of(
            ConsoleForm.Field.of("sku", "Product"),
            ConsoleForm.Field.of("quantity", "Quantity", "lines[].quantity"),
            ConsoleForm.Field.of("email", "Email", "customerEmail")), List.of());
    /** The waitlist form of a product. */
    static final ConsoleForm WAITLIST_FORM = new ConsoleForm("waitlist", "You were not added to the waitlist", List.of(
            ConsoleForm.Field.of("sku", "Product"),
            ConsoleForm.Field.of("email", "Email"),
            ConsoleForm.Field.of("consent", "The box 'Email me when it is back'")), List.of());
    private static final int TOKEN_BYTES = 24;
    private static final int COOKIE_SECONDS = 3600;

    /** A product as the shopper sees it: the availability answer's words, its promise and what the shopper may do. */
    public record Item(String sku, String name, String price, String status, String listed, String message, Optional<String> note,
                       Optional<String> confidence, Optional<Integer> confidencePercent, boolean orderable, boolean waitlist, int quantity) {
        /**
         * Orderable when an order for the quantity would be taken whole (in stock, a backorder or pre-order, or out of
         * stock with no date but allowed to wait); a waitlist when out of stock.
         */
        static Item of(Product product, AvailabilityQueries.Answer answer, ListedAvailability listed) {
            Availability availability = answer.availability();
            int quantity = answer.quantity();
            Optional<Promise> eta = availability.eta();
            AvailabilityStatus status = availability.status();
            return new Item(product.sku().code(), product.name(), Format.money(product.price().amountMinor(), product.price().currency()),
                    status.code(), listed.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), availability.message(),
                    availability.note(), eta.map(p -> Math.round(p.probability() * 100) + "% likely to ship by " + Format.day(p.to())),
                    eta.map(p -> (int) Math.round(p.probability() * 100)),
                    answer.decision().refused() == 0, status == AvailabilityStatus.OUT_OF_STOCK, quantity);
        }
    }

    /** One line of a placed order, in the shopper's words. */
    public record PlacedLine(String name, int quantity, int reserved, int waiting, int refused, Optional<String> promise) {
    }

    private final Restock restock;
    private final WaitlistCommands waitlist;
    private final Branding branding;
    private final Pages pages = new Pages();
    private final SecureRandom random = new SecureRandom();

    public ShopDemo(Restock restock, WaitlistCommands waitlist, Branding branding) {
        this.restock = restock;
        this.waitlist = waitlist;
        this.branding = branding;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::shop);
        routes.post(PATH + "/orders", guarded(ORDER_FORM, this::order));
        routes.post(PATH + "/waitlist", guarded(WAITLIST_FORM, this::joinWaitlist));
        // A reload or a bookmark of a form's answer asks with GET: the shop page, not the API's 405 in JSON.
        routes.get(PATH + "/orders", ctx -> ctx.redirect(PATH, io.javalin.http.HttpStatus.SEE_OTHER));
        routes.get(PATH + "/waitlist", ctx -> ctx.redirect(PATH, io.javalin.http.HttpStatus.SEE_OTHER));
    }

    private void shop(Context ctx) {
        String token = Optional.ofNullable(ctx.cookie(CSRF_COOKIE)).filter(t -> t.length() >= 32).orElseGet(this::randomToken);
        ctx.cookie(new Cookie(CSRF_COOKIE, token, PATH, COOKIE_SECONDS, secure(ctx), true, null, SameSite.STRICT));
        Optional<Checked> checked = checked(ctx);
        ctx.html(pages.render("shop/shop.jte", Map.of("items", items(checked), "csrf", token, "branding", branding, "error", "",
                "maxQuantity", MAX_QUANTITY, "onceKey", randomToken())));
    }

    /** A product the shopper asked about for another quantity ("Check" beside its quantity). */
    record Checked(String sku, int quantity) {
    }

    /**
     * The product and quantity of a check, when the query names valid ones (a link with only {@code ?sku=}, as the
     * demo's feed and mails give, asks for one unit); anything else shows the page for one unit.
     */
    private static Optional<Checked> checked(Context ctx) {
        String sku = ctx.queryParam("sku");
        String quantity = Optional.ofNullable(ctx.queryParam("quantity")).orElse("1");
        if (sku == null || !quantity.matches("[0-9]{1,3}") || sku.isBlank() || sku.length() > 64) {
            return Optional.empty();
        }
        int units = Integer.parseInt(quantity);
        return units >= 1 && units <= MAX_QUANTITY ? Optional.of(new Checked(sku.strip(), units)) : Optional.empty();
    }

    List<Item> items() {
        return items(Optional.empty());
    }

    /**
     * A few products of each status, from one availability batch over the first products by SKU, for one unit; a
     * product the shopper checked for another quantity shows the answer for that quantity in its place (a shop that
     * judged only one unit said "In stock" and then refused part of an order for five). A checked product that is not
     * among them (a product link from the demo's feed or a mail) comes first, so every link lands on its product.
     */
    List<Item> items(Optional<Checked> checked) {
        return restock.read(h -> {
            List<NamedStockLevel> listed = restock.stock().list(h, "", PRODUCTS_LOOKED_AT).items();
            if (listed.isEmpty()) {
                return List.of();
            }
            List<AvailabilityQueries.Answer> answers = restock.availability().batch(h,
                    listed.stream().map(named -> new OrderRequest.Line(named.level().sku(), 1)).toList());
            Map<AvailabilityStatus, List<AvailabilityQueries.Answer>> byStatus = new EnumMap<>(AvailabilityStatus.class);
            answers.forEach(answer -> byStatus.computeIfAbsent(answer.availability().status(), s -> new ArrayList<>()).add(answer));
            // Of each status, those with a note (out of stock: "usually restocks every ~N weeks") first, so the page shows them.
            byStatus.values().forEach(some -> some.sort(java.util.Comparator.comparing(a -> a.availability().note().isEmpty())));
            List<Item> items = new ArrayList<>();
            for (AvailabilityStatus status : SHOWN) {
                for (AvailabilityQueries.Answer one : byStatus.getOrDefault(status, List.of()).stream().limit(PER_STATUS).toList()) {
                    AvailabilityQueries.Answer answer = checked.filter(c -> c.sku().equals(one.sku().code()))
                            .map(c -> restock.availability().availability(h, one.sku(), c.quantity())).orElse(one);
                    items.add(Item.of(restock.catalog().find(h, answer.sku()), answer,
                            ListedAvailability.of(answer.availability(), restock.books().today())));
                }
            }
            checked.filter(c -> items.stream().noneMatch(item -> item.sku().equals(c.sku()))).flatMap(c -> Sku.parse(c.sku())
                    .flatMap(sku -> restock.catalog().lookUp(h, sku)).map(product -> {
                        AvailabilityQueries.Answer answer = restock.availability().availability(h, product.sku(), c.quantity());
                        return Item.of(product, answer, ListedAvailability.of(answer.availability(), restock.books().today()));
                    })).ifPresent(asked -> items.add(0, asked));
            return items;
        });
    }

    private void order(Context ctx) {
        Sku sku = Sku.of(required(ctx, "sku"));
        int quantity = quantity(ctx);
        if (ctx.formParam(CHECK_BUTTON) != null) {
            // "Check" beside the order form's one quantity box: the page again, answering for that quantity.
            ctx.redirect(PATH + "?sku=" + java.net.URLEncoder.encode(sku.code(), StandardCharsets.UTF_8) + "&quantity=" + quantity
                    + "#product-" + sku.code(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        OrderRequest request = new OrderRequest(required(ctx, "email"), true, 0, List.of(new OrderRequest.Line(sku, quantity)));
        // Once per form key: reloading the "Thank you" page sent the form again and placed a second order (a newcomer's
        // finding); a resend now shows the order the first send placed.
        long orderId = Long.parseLong(OnceKeys.once(restock, ctx, "shop order", request.toString(), "go back to the shop page to order again",
                h -> Long.toString(restock.orders().place(h, request, Optional.of("shop-demo@" + ctx.ip())).id())));
        var placed = restock.inTransaction(h -> {
            Order order = restock.orders().find(h, orderId);
            boolean waits = order.lines().stream().anyMatch(line -> line.quantities().waiting() > 0);
            Optional<String> link = waits ? Optional.of("/cancel/" + restock.cancelLinks().create(h, order.id()).token()) : Optional.empty();
            List<PlacedLine> lines = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                var q = line.quantities();
                lines.add(new PlacedLine(restock.catalog().find(h, line.sku()).name(), q.quantity(), q.reserved(), q.waiting(), q.refused(),
                        line.promise().map(p -> Availability.range(p, restock.books().today()) + " (" + Math.round(p.probability() * 100) + "% likely by "
                                + Format.day(p.to()) + ")")));
            }
            // The order's payment in the words its cancel page uses for the same answer (one sentence per kind of answer).
            var payments = restock.orders().payments(h, order);
            List<String> charge = order.lines().stream().map(line -> ChargeWords.afterOrdering(
                    CancelledCharge.of(Optional.ofNullable(payments.get(line.id()))))).distinct().toList();
            return Map.<String, Object>of("orderId", order.id(), "status", order.status().code(), "lines", lines, "cancelLink", link,
                    "charge", String.join(" ", charge));
        });
        Map<String, Object> model = new LinkedHashMap<>(placed);
        model.put("branding", branding);
        model.put("email", request.customerEmail());
        ctx.html(pages.render("shop/order.jte", model));
    }

    private void joinWaitlist(Context ctx) {
        Sku sku = Sku.of(required(ctx, "sku"));
        String email = required(ctx, "email");
        boolean consent = "yes".equals(ctx.formParam("consent"));
        var entry = restock.inTransaction(h -> waitlist.signUp(h, sku, email, 1, consent));
        String product = restock.read(h -> restock.catalog().find(h, sku).name());
        // The demo has no mailbox: the page shows the link the confirmation mail carries.
        Optional<String> confirmLink = entry.confirmed() ? Optional.empty()
                : Optional.of("/waitlist/confirm/" + waitlist.confirmationToken(entry.id()));
        ctx.html(pages.render("shop/waitlist.jte", Map.of("product", product, "email", email, "confirmLink", confirmLink,
                "branding", branding)));
    }

    /** Refuses a form without the page's token or from another site; shows a refused input on the shop page, in the form's words. */
    private Handler guarded(ConsoleForm form, Handler handler) {
        return ctx -> {
            String expected = ctx.cookie(CSRF_COOKIE);
            String presented = ctx.formParam(CSRF_FIELD);
            String origin = ctx.header("Origin");
            boolean sameOrigin = origin == null || origin.equals(ctx.scheme() + "://" + ctx.host())
                    || origin.equals(ctx.header("X-Forwarded-Proto") + "://" + ctx.host());
            if (!sameOrigin || expected == null || presented == null
                    || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
                ctx.status(403).html(pages.render("shop/shop.jte", Map.of("items", List.of(), "csrf", "", "branding", branding,
                        "error", "This form is out of date or did not come from the shop. Go back to the shop page and try again.",
                        "maxQuantity", MAX_QUANTITY, "onceKey", randomToken())));
                return;
            }
            try {
                handler.handle(ctx);
            } catch (InvalidInput e) {
                refused(ctx, 400, expected, form.summary(e.field(), e.getMessage()));
            } catch (Conflict e) {
                refused(ctx, 409, expected, form.summary(e.field(), e.getMessage()));
            } catch (NotFound e) {
                refused(ctx, 404, expected, form.summary(e.field(), e.getMessage()));
            }
        };
    }

    private void refused(Context ctx, int status, String csrf, String error) {
        ctx.status(status).html(pages.render("shop/shop.jte", Map.of("items", items(), "csrf", csrf, "branding", branding,
                "error", error, "maxQuantity", MAX_QUANTITY, "onceKey", randomToken())));
    }

    private static String required(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        return value.strip();
    }

    private static int quantity(Context ctx) {
        return FormNumbers.SHOP_QUANTITY.read("quantity", required(ctx, "quantity"));
    }

    private static boolean secure(Context ctx) {
        return "https".equals(ctx.scheme()) || "https".equals(ctx.header("X-Forwarded-Proto"));
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
