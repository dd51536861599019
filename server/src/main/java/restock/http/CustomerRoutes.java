package restock.http;

import io.javalin.config.RoutesConfig;
import restock.common.InvalidInput;
import restock.gateways.WebhookTargets;
import restock.orders.OrderRequest;
import restock.payments.GatewayResult;
import restock.payments.PaymentGateway;
import restock.service.Offers;
import restock.service.Restock;
import restock.service.WaitlistCommands;

import restock.notify.Branding;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.payments.LinePayment;
import restock.service.CancelLinks;
import restock.web.CustomerPages;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Routes customers reach through links, and the notice and payment plumbing shops call: cancel and pay links, card set-up, waitlist, webhooks, dead letters. */
final class CustomerRoutes {
    private final Restock restock;
    private final HttpCommands commands;
    private final WaitlistCommands waitlist;
    private final PaymentGateway gateway;
    private final WebhookTargets webhookTargets;
    private final Branding branding;
    private final CustomerPages customerPages = new CustomerPages();

    /** Where customers reach this Restock: links handed out start with it. */
    private final String publicUrl;

    CustomerRoutes(Restock restock, HttpCommands commands, WaitlistCommands waitlist, PaymentGateway gateway, WebhookTargets webhookTargets,
                   Branding branding) {
        this.publicUrl = branding.publicUrl();
        this.restock = restock;
        this.branding = branding;
        this.commands = commands;
        this.waitlist = waitlist;
        this.gateway = gateway;
        this.webhookTargets = webhookTargets;
    }

    /** A rule as GET /api/offer-rules lists it: the fields it was turned on with, its id, whether active, and since when. */
    static java.util.Map<String, Object> ruleView(restock.engagement.ListedOfferRule listed) {
        java.util.Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", listed.id());
        view.put("kind", listed.rule().kind());
        view.put("active", listed.active());
        view.put("createdAt", listed.createdAt().toString());
        view.put("validDays", listed.rule().validDays());
        if (listed.rule() instanceof restock.engagement.OfferRule.WaitlistDiscount discount) {
            view.put("percentOff", discount.percentOff());
            view.put("minOrderMinor", discount.minOrderMinor());
            discount.sku().ifPresent(sku -> view.put("sku", sku));
        } else if (listed.rule() instanceof restock.engagement.OfferRule.LateCompensation late) {
            view.put("percentPerWeekLate", late.percentPerWeekLate());
            view.put("capPercent", late.capPercent());
        } else if (listed.rule() instanceof restock.engagement.OfferRule.LongWaitThanks thanks) {
            view.put("afterDays", thanks.afterDays());
            view.put("percentOff", thanks.percentOff());
        }
        return view;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/offer-rules", ctx -> commands.command(ctx, 201, (h, body) -> {
            var stored = restock.offers().activate(h, Requests.offerRule(body));
            return java.util.Map.of("id", stored.id(), "kind", stored.rule().kind(), "active", true);
        }));
        routes.get("/api/offer-rules", ctx -> ctx.json(java.util.Map.of("items",
                restock.read(h -> restock.offers().rules(h)).stream().map(CustomerRoutes::ruleView).toList())));
        routes.post("/api/offer-rules/preview", ctx -> {
            var rule = Requests.offerRule(JsonBody.parseObject(commands.mapper(), ctx.body()));
            var preview = restock.read(h -> restock.offers().preview(h, rule));
            ctx.json(java.util.Map.of("kind", rule.kind(), "periodDays", Offers.PREVIEW_PERIOD.toDays(),
                    "codes", preview.codes(), "costMinorByCurrency", preview.costMinorByCurrency(),
                    "assumption", "every code issued would have been used on an order of the same value"));
        });
        routes.post("/api/orders/{id}/cancel-link", ctx -> {
            var link = restock.read(h -> restock.cancelLinks().createForWaitingItems(h, HttpCommands.id(ctx)));
            ctx.status(201).json(Views.CancelLinkView.of(publicUrl, link));
        });
        routes.post("/api/payments/pay-link", ctx -> commands.command(ctx, 200, Requests.PAY_LINK_FIELDS, (h, body) -> {
            var payment = restock.payLinks().payWith(h, JsonBody.requiredText(body, "", "token"), JsonBody.requiredText(body, "", "paymentMethod"));
            return Views.PayLinkView.of(payment);
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
        routes.post("/api/waitlist", ctx -> commands.command(ctx, 201, Requests.WAITLIST_FIELDS, (h, body) -> {
            var entry = waitlist.signUp(h, Requests.sku("", JsonBody.requiredText(body, "", "sku")), JsonBody.requiredText(body, "", "email"),
                    java.util.Optional.ofNullable(JsonBody.optionalInt(body, "", "quantity", 1, OrderRequest.MAX_UNITS_PER_LINE)).orElse(1),
                    JsonBody.optionalBoolean(body, "consent", false));
            return java.util.Map.of("id", entry.id(), "sku", entry.sku(), "status", entry.confirmed() ? "subscribed" : "awaiting_confirmation");
        }));
        // A GET only shows the button: mail scanners open every link in a message, and must not confirm for the shopper.
        routes.get("/waitlist/confirm/{token}", ctx -> ctx.html(waitlistPage(ctx.pathParam("token"), true, Optional.empty())));
        routes.post("/waitlist/confirm/{token}", ctx -> {
            String token = ctx.pathParam("token");
            boolean confirmed = restock.read(h -> waitlist.productForConfirmation(h, token)).isPresent()
                    && restock.inTransaction(h -> waitlist.confirm(h, token));
            ctx.html(waitlistPage(token, true, Optional.of(confirmed)));
        });
        routes.get("/waitlist/unsubscribe/{token}", ctx -> ctx.html(waitlistPage(ctx.pathParam("token"), false, Optional.empty())));
        routes.post("/waitlist/unsubscribe/{token}", ctx -> {
            String token = ctx.pathParam("token");
            boolean unsubscribed = restock.read(h -> waitlist.productForUnsubscribe(h, token)).isPresent()
                    && restock.inTransaction(h -> waitlist.unsubscribe(h, token));
            ctx.html(waitlistPage(token, false, Optional.of(unsubscribed)));
        });
        // Offer mails' unsubscribe link; mail clients' one-click button POSTs to it (RFC 8058), a person's GET sees a button.
        routes.get("/offers/unsubscribe/{token}", ctx -> ctx.html(customerPages.offersUnsubscribe("ask", ctx.pathParam("token"), branding)));
        routes.post("/offers/unsubscribe/{token}", ctx -> {
            boolean done = restock.inTransaction(h -> restock.offers().optOut(h, restock.links(), ctx.pathParam("token")));
            ctx.html(customerPages.offersUnsubscribe(done ? "done" : "invalid", ctx.pathParam("token"), branding));
        });
        routes.post("/api/webhooks", ctx -> commands.command(ctx, 201, Requests.WEBHOOK_FIELDS, (h, body) -> {
            String url = JsonBody.requiredText(body, "", "url");
            if (webhookTargets.check(url) instanceof WebhookTargets.Verdict.Refused refused) {
                throw new InvalidInput("url", refused.reason());
            }
            var endpoint = restock.webhooks().add(h, url);
            return java.util.Map.of("id", endpoint.id(), "url", endpoint.url(), "secret", endpoint.secret());
        }));
        routes.get("/cancel/{token}", ctx -> cancelPage(ctx, restock.read(h -> restock.cancelLinks().view(h, ctx.pathParam("token"))), Optional.empty()));
        routes.post("/cancel/{token}", ctx -> {
            Optional<String> refused = CustomerPages.cancelFormRefusal(ctx);
            if (refused.isPresent()) {
                // A shopper gets the shop's page, not the API's JSON: the same page again, why, and nothing changed. A link
                // that does not work says only that (its page has no reasons to choose from).
                CancelLinks.View view = restock.read(h -> restock.cancelLinks().view(h, ctx.pathParam("token")));
                cancelPage(ctx, view, view instanceof CancelLinks.View.Invalid || view instanceof CancelLinks.View.Expired ? Optional.empty() : refused);
                return;
            }
            String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("other");
            // The page says "cancelled" only to the request that cancelled; a repeat says the link was used.
            cancelPage(ctx, restock.inTransaction(h -> restock.cancelLinks().use(h, ctx.pathParam("token"), reason)), Optional.empty());
        });

    }

    /**
     * The customer's cancel page, with the order's product names and what each cancelled line cost them; a token that
     * is no link is not found (404) and an expired link gone (410), each with the same friendly page; a refused form
     * (a 400) shows the page as it stands with why.
     */
    private void cancelPage(io.javalin.http.Context ctx, CancelLinks.View view, Optional<String> refused) {
        Optional<Order> order = CustomerPages.orderOf(view);
        Map<String, String> names = new HashMap<>();
        Map<Long, LinePayment> payments = new HashMap<>();
        order.ifPresent(shown -> restock.read(h -> {
            for (OrderLine line : shown.lines()) {
                names.put(line.sku().code(), restock.catalog().find(h, line.sku()).name());
            }
            payments.putAll(restock.orders().payments(h, shown));
            return null;
        }));
        ctx.status(refused.isPresent() ? 400 : view instanceof CancelLinks.View.Invalid ? 404 : view instanceof CancelLinks.View.Expired ? 410 : 200)
                .html(customerPages.cancel(view, ctx.pathParam("token"), names, payments, refused, branding));
    }

    /** A waitlist link's page: the question with its button, or (done present) what the button did. */
    private String waitlistPage(String token, boolean confirming, Optional<Boolean> done) {
        Optional<String> product = restock.read(h -> confirming ? waitlist.productForConfirmation(h, token) : waitlist.productForUnsubscribe(h, token));
        String state = product.isEmpty() ? "invalid" : done.map(d -> d ? "done" : "gone").orElse("ask");
        return customerPages.waitlist(confirming, state, product.orElse(""), token, branding);
    }
}
