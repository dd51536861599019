package restock.http;

import io.javalin.config.RoutesConfig;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.gateways.WebhookTargets;
import restock.orders.OrderRequest;
import restock.payments.GatewayResult;
import restock.payments.PaymentGateway;
import restock.service.Offers;
import restock.service.Restock;
import restock.service.WaitlistCommands;

import java.util.Optional;

/** Routes customers reach through links, and the notice and payment plumbing shops call: cancel and pay links, card set-up, waitlist, webhooks, dead letters. */
final class CustomerRoutes {
    private final Restock restock;
    private final HttpCommands commands;
    private final WaitlistCommands waitlist;
    private final PaymentGateway gateway;
    private final WebhookTargets webhookTargets;

    CustomerRoutes(Restock restock, HttpCommands commands, WaitlistCommands waitlist, PaymentGateway gateway, WebhookTargets webhookTargets) {
        this.restock = restock;
        this.commands = commands;
        this.waitlist = waitlist;
        this.gateway = gateway;
        this.webhookTargets = webhookTargets;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/offer-rules", ctx -> commands.command(ctx, 201, (h, body) -> {
            var stored = restock.offers().activate(h, Requests.offerRule(body));
            return java.util.Map.of("id", stored.id(), "kind", stored.rule().kind(), "active", true);
        }));
        routes.post("/api/offer-rules/preview", ctx -> {
            var rule = Requests.offerRule(JsonBody.parseObject(commands.mapper(), ctx.body()));
            var preview = restock.read(h -> restock.offers().preview(h, rule));
            ctx.json(java.util.Map.of("kind", rule.kind(), "periodDays", Offers.PREVIEW_PERIOD.toDays(),
                    "codes", preview.codes(), "costMinorByCurrency", preview.costMinorByCurrency(),
                    "assumption", "every code issued would have been used on an order of the same value"));
        });
        routes.post("/api/orders/{id}/cancel-link", ctx -> {
            var link = restock.read(h -> restock.cancelLinks().create(h, HttpCommands.id(ctx)));
            ctx.status(201).json(java.util.Map.of("url", ctx.scheme() + "://" + ctx.host() + "/cancel/" + link.token(),
                    "expiresAt", link.expiresAt().toString()));
        });
        routes.post("/api/payments/pay-link", ctx -> commands.command(ctx, 200, (h, body) -> {
            var payment = restock.payLinks().payWith(h, JsonBody.requiredText(body, "", "token"), JsonBody.requiredText(body, "", "paymentMethod"));
            return Views.PaymentView.of(payment);
        }));
        routes.post("/api/payments/setup", ctx -> {
            String key = HttpCommands.idempotencyKey(ctx).orElseGet(() -> java.util.UUID.randomUUID().toString());
            GatewayResult result = gateway.prepareSavedPaymentMethod("setup-" + key);
            if (!(result instanceof GatewayResult.Succeeded succeeded)) {
                throw new ProblemException(502, "Payment gateway unavailable", "the payment gateway did not prepare the card form ("
                        + result + "); try again", null);
            }
            ctx.status(201).json(java.util.Map.of("clientSecret", succeeded.reference()));
        });
        routes.post("/api/waitlist", ctx -> commands.command(ctx, 201, (h, body) -> {
            var entry = waitlist.signUp(h, Requests.sku("", JsonBody.requiredText(body, "", "sku")), JsonBody.requiredText(body, "", "email"),
                    java.util.Optional.ofNullable(JsonBody.optionalInt(body, "", "quantity", 1, OrderRequest.MAX_UNITS_PER_LINE)).orElse(1),
                    JsonBody.optionalBoolean(body, "consent", false));
            return java.util.Map.of("id", entry.id(), "sku", entry.sku(), "status", entry.confirmed() ? "subscribed" : "awaiting_confirmation");
        }));
        // A GET only shows the button: mail scanners open every link in a message, and must not confirm for the shopper.
        routes.get("/waitlist/confirm/{token}", ctx -> ctx.html(SimplePages.form("Waitlist",
                "Email me when this product is back in stock?", "/waitlist/confirm/" + ctx.pathParam("token"), "Yes, email me")));
        routes.post("/waitlist/confirm/{token}", ctx -> ctx.html(SimplePages.page("Waitlist",
                restock.inTransaction(h -> waitlist.confirm(h, ctx.pathParam("token")))
                        ? "Thank you: we will email you when it is back." : "This sign-up no longer exists.")));
        routes.get("/waitlist/unsubscribe/{token}", ctx -> ctx.html(SimplePages.form("Unsubscribe",
                "Stop emails about this product?", "/waitlist/unsubscribe/" + ctx.pathParam("token"), "Unsubscribe")));
        routes.post("/waitlist/unsubscribe/{token}", ctx -> ctx.html(SimplePages.page("Unsubscribed",
                restock.inTransaction(h -> waitlist.unsubscribe(h, ctx.pathParam("token")))
                        ? "You will get no more emails about this product." : "This sign-up no longer exists.")));
        routes.post("/api/webhooks", ctx -> commands.command(ctx, 201, (h, body) -> {
            String url = JsonBody.requiredText(body, "", "url");
            if (webhookTargets.check(url) instanceof WebhookTargets.Verdict.Refused refused) {
                throw new InvalidInput("url", refused.reason());
            }
            var endpoint = restock.webhooks().add(h, url);
            return java.util.Map.of("id", endpoint.id(), "url", endpoint.url(), "secret", endpoint.secret());
        }));
        routes.post("/api/outbox/{id}/replay", ctx -> commands.commandWithoutBody(ctx, h -> {
            if (!restock.webhooks().replay(h, HttpCommands.id(ctx))) {
                throw new NotFound("id", "no dead-lettered message with id " + HttpCommands.id(ctx));
            }
            return java.util.Map.of("id", HttpCommands.id(ctx), "status", "pending");
        }));
        routes.get("/cancel/{token}", ctx -> ctx.html(CancelPages.page(restock.read(h ->
                restock.cancelLinks().view(h, ctx.pathParam("token"))), ctx.pathParam("token"))));
        routes.post("/cancel/{token}", ctx -> ctx.html(CancelPages.page(restock.inTransaction(h ->
                restock.cancelLinks().use(h, ctx.pathParam("token"), Optional.ofNullable(ctx.formParam("reason")).orElse("other"))),
                ctx.pathParam("token"))));

    }
}
