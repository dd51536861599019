package restock.http;

import com.fasterxml.jackson.databind.JsonNode;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import restock.notify.Branding;
import restock.notify.Message;
import restock.service.NoticeRelay;
import restock.store.SqlOutbox;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route answers as openapi.yaml says, and every route in openapi.yaml is exercised. */
class OpenApiContractTest {

    static java.util.List<TestDatabases.Target> targets() {
        return TestDatabases.targets();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("targets")
    void the_implementation_matches_the_spec_served_at_api_openapi_yaml(TestDatabases.Target target) throws IOException {
        try (RunningApi api = new RunningApi(target)) {
            ApiClient client = api.client();
            String spec = client.send("GET", "/api/openapi.yaml", null, java.util.Map.of()).responseBody();
            assertThat(spec).isEqualTo(classpathSpec());
            scenario(client);
            outboxScenario(api, client);
            discountScenario(api, client);

            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
            List<String> failures = new ArrayList<>();
            Set<String> exercised = new TreeSet<>();
            for (Exchange exchange : client.exchanges()) {
                if (exchange.path().equals("/api/openapi.yaml")) {
                    continue;
                }
                SimpleResponse response = SimpleResponse.Builder.status(exchange.status())
                        .withContentType(exchange.contentType()).withBody(exchange.responseBody()).build();
                Request request = request(exchange);
                // A deliberately invalid request breaks the spec by design; its answer must still match it.
                ValidationReport report = exchange.status() == 400 || exchange.status() == 404 || exchange.status() == 401
                        ? validator.validateResponse(request.getPath(), request.getMethod(), response)
                        : validator.validate(request, response);
                if (report.hasErrors()) {
                    failures.add(exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": " + report.getMessages());
                }
                exercised.add(exchange.method() + " " + exchange.path().replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}")
                        .replaceAll("/stock/[^/]+", "/stock/{sku}").replaceAll("/products/[^/]+", "/products/{sku}")
                        .replaceAll("/availability/[^/]+", "/availability/{sku}")
                        .replaceAll("/planning/demand/[^/]+", "/planning/demand/{sku}")
                        .replaceAll("/planning/chart/[^/]+", "/planning/chart/{sku}")
                        .replaceAll("/planning/forecast/[^/]+", "/planning/forecast/{sku}")
                        .replaceAll("/api/keys/[^/]+/", "/api/keys/{prefix}/").replaceAll("^/feeds/[^/]+/", "/feeds/{key}/").replaceAll("^/api/webhooks/\\d+", "/api/webhooks/{id}")
                        .replace("/lines/{id}/", "/lines/{lineNumber}/").replaceAll("/messages/preview/[^/]+", "/messages/preview/{topic}"));
            }
            assertThat(failures).isEmpty();
            assertThat(exercised).containsAll(specOperations(spec));
        }
    }

    /** An order with a discount code answers the code and what it took off each line, as the spec says. */
    private static void discountScenario(RunningApi api, ApiClient client) {
        expect(client.post("/api/products", "{\"sku\":\"23084\",\"name\":\"Rabbit Night Light\",\"priceMinor\":169,\"currency\":\"GBP\"}"), 201);
        expect(client.post("/api/stock/23084/adjustments", "{\"quantity\":3,\"reason\":\"opening stock\"}"), 200);
        String code = api.restock().inTransaction(h -> api.restock().offers().issue(h, "waitlist_discount", "contract", "dee@example.com", 0))
                .orElseThrow().code();
        JsonNode order = expect(client.post("/api/orders", "{\"customerEmail\":\"dee@example.com\",\"discountCode\":\"" + code
                + "\",\"lines\":[{\"sku\":\"23084\",\"quantity\":1}]}"), 201).json();
        assertThat(order.path("lines").get(0).path("discount").path("unitPriceAfterDiscountMinor").isIntegralNumber()).isTrue();
        expect(client.get("/api/orders/" + order.path("id").asLong()), 200);
    }

    private static void scenario(ApiClient client) {
        expect(client.send("GET", "/health", null, java.util.Map.of()), 200);
        expect(client.post("/api/products", """
                {"sku":"22423","name":"Regency Cakestand 3 Tier","priceMinor":1275,"currency":"GBP"}"""), 201);
        expect(client.post("/api/products", """
                {"sku":"22423","name":"Regency Cakestand 3 Tier","priceMinor":1275,"currency":"GBP"}"""), 200);
        expect(client.post("/api/products", """
                {"sku":"47566","name":"Party Bunting","priceMinor":495,"currency":"GBP","backorderPolicy":"always","backorderCap":50}"""), 201);
        expect(client.get("/api/products/22423"), 200);
        expect(client.get("/api/products/NOPE"), 404);
        expect(client.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}", "adj-1"), 200);
        expect(client.post("/api/stock/22423/counts", "{\"countedQuantity\":4,\"reason\":\"cycle count\"}"), 200);
        expect(client.post("/api/stock/22423/returns", "{\"quantity\":1,\"reason\":\"customer return\"}"), 200);
        String expected = LocalDate.now().plusDays(14).toString();
        Exchange purchaseOrder = expect(client.post("/api/purchase-orders", """
                {"supplier":"Cake Stands Ltd","newSupplier":true,"lines":[{"sku":"22423","quantity":10,"expectedDate":"%s"}]}""".formatted(expected)), 201);
        long poId = purchaseOrder.json().path("id").asLong();
        expect(client.get("/api/purchase-orders/" + poId), 200);
        assertThat(expect(client.get("/api/purchase-orders?status=open&limit=5"), 200).json().path("items")).isNotEmpty();
        Exchange order = expect(client.post("/api/orders", """
                {"customerEmail":"ann@example.com","lines":[{"sku":"22423","quantity":8},{"sku":"47566","quantity":2}]}""", "order-1"), 201);
        long orderId = order.json().path("id").asLong();
        assertThat(order.json().path("status").asText()).isEqualTo("backordered");
        expect(client.get("/api/orders/" + orderId), 200);
        expect(client.post("/api/purchase-orders/" + poId + "/receipts", "{\"lines\":[{\"sku\":\"22423\",\"quantity\":3}]}"), 200);
        // Filled by the receipt: the pick list holds it, checked against the Order schema.
        assertThat(expect(client.get("/api/orders/to-ship?limit=5"), 200).json().path("items").size()).isPositive();
        expect(client.post("/api/orders/" + orderId + "/ship", ""), 200);
        expect(client.post("/api/orders/" + orderId + "/lines/2/cancel", ""), 200);
        expect(client.post("/api/orders/" + orderId + "/cancel", ""), 409);
        expect(client.post("/api/purchase-orders/" + poId + "/close", ""), 200);
        expect(client.post("/api/purchase-orders/" + poId + "/cancel", ""), 409);
        Exchange second = expect(client.post("/api/purchase-orders", """
                {"supplier":"Cake Stands Ltd","newSupplier":true,"lines":[{"sku":"47566","quantity":10,"expectedDate":"%s"}]}""".formatted(expected)), 201);
        expect(client.post("/api/purchase-orders/" + second.json().path("id").asLong() + "/cancel", ""), 200);
        Exchange third = expect(client.post("/api/orders", """
                {"customerEmail":"bob@example.com","allowPartial":false,"priority":2,"lines":[{"sku":"47566","quantity":1}],
                 "paymentMethod":"pm_card_visa"}"""), 201);
        assertThat(third.json().path("lines").get(0).path("payment").path("state").asText()).isEqualTo("awaiting_fill");
        assertThat(third.json().path("payment").asText()).isEqualTo("awaiting");
        assertThat(expect(client.post("/api/payments/setup", ""), 201).json().path("clientSecret").asText()).startsWith("seti_");
        Exchange link = expect(client.post("/api/orders/" + third.json().path("id").asLong() + "/cancel-link", ""), 201);
        assertThat(link.json().path("url").asText()).contains("/cancel/");
        expect(client.post("/api/waitlist", "{\"sku\":\"22423\",\"email\":\"cat@example.com\",\"consent\":true}"), 201);
        expect(client.post("/api/waitlist", "{\"sku\":\"22423\",\"email\":\"cat@example.com\",\"consent\":false}"), 400);
        long hookId = expect(client.post("/api/webhooks", "{\"url\":\"https://shop.example.com/hooks\"}"), 201).json().path("id").asLong();
        expect(client.get("/api/webhooks"), 200);
        expect(client.post("/api/webhooks/" + hookId + "/pause", ""), 200);
        expect(client.post("/api/webhooks/" + hookId + "/resume", ""), 200);
        expect(client.post("/api/webhooks/" + hookId + "/rotate-secret", ""), 200);
        expect(client.post("/api/webhooks/999999/pause", ""), 404);
        expect(client.send("DELETE", "/api/webhooks/" + hookId, null, java.util.Map.of("Authorization", "Bearer " + RunningApi.API_KEY)), 204);
        expect(client.post("/api/offer-rules/preview", "{\"kind\":\"late_compensation\",\"percentPerWeekLate\":5,\"capPercent\":20,\"validDays\":30}"), 200);
        expect(client.post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"percentOff\":10,\"validDays\":14}"), 201);
        expect(client.post("/api/offer-rules", "{\"kind\":\"bogus\",\"validDays\":14}"), 400);
        expect(client.get("/api/offer-rules"), 200);
        expect(client.post("/api/webhooks", "{\"url\":\"ftp://nope\"}"), 400);
        keysScenario(client);
        expect(client.post("/api/outbox/999999/replay", ""), 404);
        assertThat(expect(client.get("/api/messages/preview/order.waiting"), 200).json().path("subject").asText()).contains("on backorder");
        var promiseChanged = expect(client.get("/api/messages/preview/order.promise_changed"), 200).json();
        assertThat(promiseChanged.path("text").asText()).as("the mail that says one can still cancel links the cancel page")
                .contains("cancel free of charge").contains("https://restock.example.com/cancel/SAMPLE");
        assertThat(promiseChanged.path("html").asText()).contains("<a href=\"https://restock.example.com/cancel/SAMPLE\">");
        expect(client.get("/api/messages/preview/nope"), 404);
        expect(client.get("/api/messages?recipient=bob@example.com"), 200);
        expect(client.get("/api/messages"), 400);
        Exchange demand = expect(client.get("/api/planning/demand/22423?grain=week"), 200);
        assertThat(demand.json().path("periods").size()).isBetween(13, 14);
        expect(client.get("/api/planning/demand/22423?grain=year"), 400);
        Exchange plan = expect(client.get("/api/planning/suggestions"), 200);
        assertThat(plan.json().path("suppliers").isArray()).isTrue();
        expect(client.get("/api/planning/suggestions?serviceLevel=2"), 400);
        assertThat(expect(client.get("/api/planning/suggestions?fillRate=0.98"), 200).json().path("fillRate").asDouble()).isEqualTo(0.98);
        expect(client.get("/api/planning/suggestions?fillRate=0.98&serviceLevel=0.9"), 400);
        expect(client.get("/api/planning/suggestions?fillRate=abc"), 400);
        Exchange chart = expect(client.get("/api/planning/chart/22423?weeks=8"), 200);
        assertThat(chart.json().path("forecast").size()).isEqualTo(8);
        // created today: no weeks of history before it existed (26 weeks, all out of stock, were drawn)
        assertThat(chart.json().path("history").size()).isZero();
        assertThat(chart.json().path("forecastGrain").asText()).isIn("week", "month");
        expect(client.get("/api/planning/chart/22423?weeks=99"), 400);
        Exchange forecast = expect(client.get("/api/planning/forecast/22423?method=mean&weeks=4"), 200);
        assertThat(forecast.json().path("periods").size()).isEqualTo(4);
        assertThat(forecast.json().path("granularity").asText()).isEqualTo("week");
        JsonNode firstWeek = forecast.json().path("periods").get(0);
        assertThat(firstWeek.path("lo95").asDouble()).isLessThanOrEqualTo(firstWeek.path("lo80").asDouble());
        assertThat(firstWeek.path("hi95").asDouble()).isGreaterThanOrEqualTo(firstWeek.path("hi80").asDouble());
        assertThat(expect(client.get("/api/planning/forecast/22423"), 200).json().path("method").asText()).isNotBlank();
        expect(client.get("/api/planning/forecast/22423?method=arima"), 400);
        expect(client.get("/api/planning/forecast/22423?method=mean&weeks=0"), 400);
        expect(client.get("/api/planning/forecast/22423?method=mean&weeks=many"), 400);
        // every order here is from this week, so there is no complete week to estimate ETS or repeat a year from
        assertThat(expect(client.get("/api/planning/forecast/22423?method=ses"), 400).json().path("detail").asText()).contains("ses needs at least 4 observations");
        expect(client.get("/api/planning/forecast/22423?method=snaive"), 400);
        expect(client.get("/api/planning/forecast/NOPE-1?method=ses"), 404);
        Exchange monthly = expect(client.get("/api/planning/forecast/22423?granularity=month&horizon=3&period=12"), 200);
        assertThat(monthly.json().path("periods").size()).isEqualTo(3);
        assertThat(monthly.json().path("period").asInt()).isEqualTo(12);
        assertThat(monthly.json().path("periods").get(1).path("start").asText()).endsWith("-01");
        assertThat(expect(client.get("/api/planning/forecast/22423"), 200).json().path("granularity").asText()).isIn("week", "month");
        assertThat(expect(client.get("/api/planning/forecast/22423?granularity=day"), 400).json().path("detail").asText())
                .contains("granularity must be week or month");
        assertThat(expect(client.get("/api/planning/forecast/22423?granularity=month&horizon=25"), 400).json().path("detail").asText())
                .contains("between 1 and 24 months");
        assertThat(expect(client.get("/api/planning/forecast/22423?period=0"), 400).json().path("detail").asText())
                .contains("period must be between 1 and 104");
        expect(client.get("/api/planning/forecast/22423?period=x"), 400);
        expect(client.get("/api/planning/forecast/22423?granularity=month&weeks=4"), 400);
        assertThat(expect(client.get("/api/planning/forecast/22423?method=hw&period=52"), 400).json().path("detail").asText())
                .contains("hw cannot forecast");
        // It said "(or: restock plan)", and that command stores no run (an outside check): it names what does.
        assertThat(expect(client.get("/api/planning/runs/latest"), 404).json().path("detail").asText())
                .contains("the nightly run stores one at 02:00 UTC", "the console's planning page").doesNotContain("restock plan");
        insightScenario(client);
        catalogScenario(client);
        expect(client.get("/api/planning/demand/22423?from=2026-12-01&to=2026-11-01"), 400);
        expect(client.post("/api/payments/pay-link", "{\"token\":\"forged\",\"paymentMethod\":\"pm_card_visa\"}"), 400);
        expect(client.post("/api/orders/" + third.json().path("id").asLong() + "/cancel", ""), 200);
        expect(client.get("/api/stock/22423"), 200);
        storefrontScenario(client, expected);
        Exchange firstPage = expect(client.get("/api/stock?limit=1"), 200);
        assertThat(firstPage.json().path("items").get(0).path("name").asText()).isEqualTo("Regency Cakestand 3 Tier");
        Exchange lastPage = expect(client.get("/api/stock?limit=5&after=" + firstPage.json().path("next").asText()), 200);
        assertThat(lastPage.json().path("items").get(0).path("sku").asText()).isEqualTo("47566");
        assertThat(lastPage.json().has("next")).isFalse();
        expect(client.get("/api/stock?limit=500"), 400);
    }

    /** The scenario's mails, one delivered, one retrying and one parked, as GET /api/outbox lists them. */
    private static void outboxScenario(RunningApi api, ApiClient client) {
        var restock = api.restock();
        new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}",
                java.time.Clock.systemUTC()).runOnce();
        restock.inTransaction(h -> {
            List<Long> ids = h.createQuery("select id from outbox order by id limit 3").mapTo(Long.class).list();
            assertThat(ids).as("the scenario's orders were mailed").hasSize(3);
            SqlOutbox.markSent(h, ids.get(0), java.time.Instant.now());
            SqlOutbox.markFailed(h, ids.get(1), "no answer", java.time.Instant.now().plusSeconds(30), false);
            SqlOutbox.markFailed(h, ids.get(2), "the endpoint answered HTTP 500", java.time.Instant.now(), true);
            SqlOutbox.park(h, "order_events:1", new Message(java.util.UUID.randomUUID(), Message.Channel.EMAIL,
                    "order.waiting", "bad@example.com", null, null, null, "bad@example.com"), "could not be rendered", java.time.Instant.now());
            return null;
        });
        assertThat(expect(client.get("/api/outbox/unstored?limit=5"), 200).json().path("items")).hasSize(1);
        expect(client.get("/api/outbox/unstored?limit=0"), 400);
        assertThat(expect(client.get("/api/outbox?limit=2"), 200).json().path("next").isIntegralNumber()).isTrue();
        Exchange parked = expect(client.get("/api/outbox?channel=email&status=parked"), 200);
        assertThat(parked.json().path("items")).hasSize(1);
        assertThat(expect(client.get("/api/outbox?topic=order.waiting"), 200).json().path("items")).isNotEmpty();
        assertThat(expect(client.get("/api/outbox?status=retrying"), 200).json().path("items")).hasSize(1);
        assertThat(expect(client.get("/api/outbox?status=pending"), 200).json().path("items").findValues("heldBehind"))
                .as("a mail to the customer whose earlier mail is retrying waits for it").isNotEmpty();
        expect(client.get("/api/outbox?status=dead"), 400);
        expect(client.get("/api/outbox?endpointId=999999"), 404);
        long retrying = expect(client.get("/api/outbox?status=retrying"), 200).json().path("items").get(0).path("id").asLong();
        expect(client.post("/api/outbox/" + retrying + "/replay", ""), 409);
        expect(client.post("/api/outbox/" + retrying + "/retry", "", "retry-1"), 200);
        expect(client.post("/api/outbox/" + parked.json().path("items").get(0).path("id").asLong() + "/retry", ""), 409);
        expect(client.post("/api/outbox/" + parked.json().path("items").get(0).path("id").asLong() + "/replay", ""), 200);
    }

    private static void insightScenario(ApiClient client) {
        Exchange causes = expect(client.get("/api/insight/causes"), 200);
        assertThat(causes.json().path("items").size()).as("the waiting lines were classified").isGreaterThanOrEqualTo(2);
        assertThat(causes.json().path("items").get(0).path("causes").get(0).path("summary").asText()).isNotBlank();
        expect(client.get("/api/insight/causes?sku=22423&cause=supplier_late&limit=5&before=99999"), 200);
        expect(client.get("/api/insight/causes?cause=bad_luck"), 400);
        expect(client.get("/api/insight/causes?limit=0"), 400);
        expect(client.get("/api/insight/causes?from=2026-12-01&to=2026-11-01"), 400);
        Exchange summary = expect(client.get("/api/insight/causes/summary?grain=month"), 200);
        assertThat(summary.json().path("periods").size()).isGreaterThanOrEqualTo(1);
        expect(client.get("/api/insight/causes/summary?grain=year"), 400);
        Exchange kpis = expect(client.get("/api/insight/kpis"), 200);
        assertThat(kpis.json().path("rows").size()).isEqualTo(2);
        assertThat(kpis.json().path("rows").get(0).path("lines").asInt()).isPositive();
        expect(client.get("/api/insight/kpis?by=period&grain=month"), 200);
        expect(client.get("/api/insight/kpis?by=supplier&sku=22423"), 200);
        expect(client.get("/api/insight/kpis?by=colour"), 400);
        expect(client.get("/api/insight/kpis?from=2020-01-01&to=2026-01-01"), 400);
        Exchange csv = expect(client.get("/api/insight/kpis.csv?by=category"), 200);
        assertThat(csv.responseBody()).startsWith("key,lines,orders,");
        expect(client.get("/api/insight/kpis.csv?grain=day"), 400);
    }

    private static void catalogScenario(ApiClient client) {
        Exchange supplier = expect(client.post("/api/suppliers", """
                {"name":"Fan Works","contactName":"Mei","contactEmail":"mei@fanworks.example","leadTimeDays":21,"minimumOrder":24,
                 "packSize":12,"currency":"CNY"}"""), 201);
        long id = supplier.json().path("id").asLong();
        expect(client.post("/api/suppliers", "{\"name\":\"Fan Works\",\"contactName\":\"Mei\",\"contactEmail\":\"mei@fanworks.example\","
                + "\"leadTimeDays\":21,\"minimumOrder\":24,\"packSize\":12,\"currency\":\"CNY\"}"), 200);
        expect(client.post("/api/suppliers", "{\"name\":\"Fan Works\"}"), 409);
        expect(client.post("/api/suppliers", "{\"name\":\"Bad\",\"currency\":\"XYZ\"}"), 400);
        expect(client.get("/api/suppliers?limit=1"), 200);
        expect(client.get("/api/suppliers?limit=0"), 400);
        expect(client.get("/api/suppliers/" + id), 200);
        expect(client.get("/api/suppliers/999999"), 404);
        Exchange changed = expect(client.patch("/api/suppliers/" + id, "{\"packSize\":6,\"phone\":null}"), 200);
        assertThat(changed.json().path("packSize").asInt()).isEqualTo(6);
        expect(client.patch("/api/suppliers/" + id, "{\"packSize\":0}"), 400);
        expect(client.patch("/api/suppliers/" + id, "{\"colour\":\"red\"}"), 400);
        expect(client.patch("/api/suppliers/999999", "{\"packSize\":2}"), 404);
        Exchange supplierAudit = expect(client.get("/api/suppliers/" + id + "/audit"), 200);
        assertThat(supplierAudit.json().path("items").get(0).path("changes").path("packSize").path("to").asInt()).isEqualTo(6);
        expect(client.get("/api/suppliers/999999/audit"), 404);
        expect(client.post("/api/categories", "{\"code\":\"cake-stands\",\"name\":\"Cake stands\"}"), 201);
        expect(client.post("/api/categories", "{\"code\":\"cake-stands\",\"name\":\"Cake stands\"}"), 200);
        expect(client.post("/api/categories", "{\"code\":\"cake-stands\",\"name\":\"Other\"}"), 409);
        expect(client.post("/api/categories", "{\"code\":\"Cake Stands\",\"name\":\"Cake stands\"}"), 400);
        expect(client.get("/api/categories"), 200);
        Exchange edited = expect(client.patch("/api/products/22423", "{\"name\":\"Regency Cakestand, 3 Tier\",\"category\":\"cake-stands\","
                + "\"supplierId\":" + id + "}"), 200);
        assertThat(edited.json().path("category").asText()).isEqualTo("cake-stands");
        expect(client.patch("/api/products/22423", "{\"category\":\"nope\"}"), 400);
        expect(client.patch("/api/products/22423", "{\"backorderPolicy\":\"sometimes\"}"), 400);
        expect(client.patch("/api/products/NOPE", "{\"name\":\"x\"}"), 404);
        Exchange productAudit = expect(client.get("/api/products/22423/audit"), 200);
        assertThat(productAudit.json().path("items").get(0).path("changes").path("name").path("from").asText()).isEqualTo("Regency Cakestand 3 Tier");
        // Created through the API, the product's trail starts with its creation, by the key that made it.
        JsonNode creation = productAudit.json().path("items").get(productAudit.json().path("items").size() - 1);
        assertThat(creation.path("action").asText()).isEqualTo("created");
        assertThat(creation.path("changedBy").asText()).isNotBlank()
                .isEqualTo(productAudit.json().path("items").get(0).path("changedBy").asText());
        expect(client.get("/api/products/NOPE/audit"), 404);
        Exchange products = expect(client.get("/api/products?category=cake-stands"), 200);
        assertThat(products.json().path("items").get(0).path("supplier").asText()).isEqualTo("Fan Works");
        expect(client.get("/api/products?limit=1000"), 400);
        expect(client.patch("/api/products/22423", "{\"name\":\"Regency Cakestand 3 Tier\"}"), 200);
    }

    private static void keysScenario(ApiClient client) {
        Exchange created = expect(client.post("/api/keys", "{\"name\":\"storefront www\",\"scope\":\"storefront\"}"), 201);
        expect(client.get("/api/keys"), 200);
        Exchange rotated = expect(client.post("/api/keys/" + created.json().path("prefix").asText() + "/rotate", "{\"graceMinutes\":0}"), 201);
        String storefront = "Bearer " + rotated.json().path("secret").asText();
        expect(client.send("GET", "/api/availability/22423", null, java.util.Map.of("Authorization", storefront)), 200);
        expect(client.send("GET", "/api/stock/22423", null, java.util.Map.of("Authorization", storefront)), 403);
        expect(client.send("GET", "/api/stock/22423", null, java.util.Map.of()), 401);
        expect(client.post("/api/keys/" + rotated.json().path("prefix").asText() + "/revoke", ""), 200);
        expect(client.post("/api/keys/rk_sf_unknown1/revoke", ""), 404);
    }

    private static void storefrontScenario(ApiClient client, String expected) {
        expect(client.post("/api/products", """
                {"sku":"84879","name":"Assorted Colour Bird Ornament","priceMinor":169,"currency":"GBP"}"""), 201);
        Exchange po = expect(client.post("/api/purchase-orders", """
                {"supplier":"Bird Ornaments Ltd","newSupplier":true,"lines":[{"sku":"84879","quantity":10,"expectedDate":"%s"}]}""".formatted(expected)), 201);
        Exchange backorder = expect(client.get("/api/availability/84879?quantity=4"), 200);
        assertThat(backorder.json().path("status").asText()).isEqualTo("backorder");
        expect(client.post("/api/availability", "{\"items\":[{\"sku\":\"84879\",\"quantity\":1},{\"sku\":\"22423\",\"quantity\":1}]}"), 200);
        expect(client.get("/api/products/84879/offer"), 200);
        expect(client.post("/api/purchase-orders/" + po.json().path("id").asLong() + "/lines/1/expected-date",
                "{\"expectedDate\":\"" + LocalDate.parse(expected).plusDays(3) + "\"}"), 200);
        expect(client.get("/api/feeds/google-merchant.tsv"), 200);
        expect(client.get("/api/feeds/google-merchant.csv"), 200);
        expect(client.get("/api/feeds/google-merchant.xml"), 200);
        String feedsKey = expect(client.post("/api/keys", "{\"name\":\"merchant center\",\"scope\":\"feeds\"}"), 201).json()
                .path("secret").asText();
        for (String format : List.of("xml", "tsv", "csv")) {
            expect(client.send("GET", "/feeds/" + feedsKey + "/google-merchant." + format, null, java.util.Map.of()), 200);
        }
        expect(client.send("GET", "/feeds/rk_fd_unknown/google-merchant.xml", null, java.util.Map.of()), 404);
        expect(client.get("/api/reports/promises"), 200);
        expect(client.post("/api/products/84879/discontinue", ""), 200);
        expect(client.get("/api/availability/NOPE"), 404);
    }

    private static Exchange expect(Exchange exchange, int status) {
        assertThat(exchange.status()).as(exchange.method() + " " + exchange.path() + ": " + exchange.responseBody()).isEqualTo(status);
        return exchange;
    }

    private static Request request(Exchange exchange) {
        String[] pathAndQuery = exchange.path().split("\\?", 2);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), pathAndQuery[0]);
        if (pathAndQuery.length == 2) {
            for (String parameter : pathAndQuery[1].split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                builder.withQueryParam(nameAndValue[0], nameAndValue[1]);
            }
        }
        exchange.headers().forEach(builder::withHeader);
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static Set<String> specOperations(String spec) {
        Set<String> operations = new TreeSet<>();
        String path = null;
        for (String line : spec.split("\n")) {
            Matcher pathLine = Pattern.compile("^  (/\\S*):$").matcher(line);
            Matcher methodLine = Pattern.compile("^    (get|post):$").matcher(line);
            if (pathLine.matches()) {
                path = pathLine.group(1);
            } else if (methodLine.matches() && path != null) {
                operations.add(methodLine.group(1).toUpperCase() + " " + path);
            }
        }
        assertThat(operations).hasSizeGreaterThan(10);
        return operations;
    }

    private static String classpathSpec() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
