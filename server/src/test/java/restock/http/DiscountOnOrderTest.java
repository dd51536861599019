package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.engagement.OfferRule;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order says which discount code it used and what it took off each line, with or without a payment through
 * Restock: a code was used up by an order whose answer showed no code, percentage or price, so a shop that takes
 * payment elsewhere could not tell 10% off applied.
 */
class DiscountOnOrderTest {
    @Test
    void the_order_names_the_code_and_what_it_took_off_each_line_it_covers() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            product(client, "22423", 1275);
            product(client, "21212", 55);
            String code = code(api, new OfferRule.WaitlistDiscount(10, 14, 0, Optional.of("22423")), "ann@example.com");

            JsonNode placed = expect(client.post("/api/orders", """
                    {"customerEmail":"ann@example.com","discountCode":"%s","lines":[{"sku":"22423","quantity":2},{"sku":"21212","quantity":1}]}"""
                    .formatted(code.toLowerCase()), "order-ann"), 201).json();
            JsonNode picked = expect(client.get("/api/orders/to-ship"), 200).json().path("items").get(0);
            for (JsonNode order : new JsonNode[] {placed, expect(client.get("/api/orders/" + placed.path("id").asLong()), 200).json(), picked}) {
                assertThat(order.path("discount").path("code").asText()).isEqualTo(code);
                assertThat(order.path("discount").path("percentOff").asInt()).isEqualTo(10);
                JsonNode covered = order.path("lines").get(0).path("discount");
                assertThat(covered.path("unitPriceMinor").asLong()).isEqualTo(1275);
                assertThat(covered.path("unitDiscountMinor").asLong()).as("10% of 1275, rounded down").isEqualTo(127);
                assertThat(covered.path("unitPriceAfterDiscountMinor").asLong()).isEqualTo(1148);
                assertThat(covered.path("units").asInt()).isEqualTo(2);
                assertThat(covered.path("discountMinor").asLong()).isEqualTo(254);
                assertThat(covered.path("currency").asText()).isEqualTo("GBP");
                assertThat(order.path("lines").get(1).has("discount")).as("a line the code does not cover").isFalse();
            }
        }
    }

    @Test
    void a_payment_through_restock_is_for_the_unit_price_after_the_code() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            product(client, "22423", 1275);
            String code = code(api, new OfferRule.WaitlistDiscount(10, 14, 0, Optional.empty()), "bob@example.com");
            JsonNode line = expect(client.post("/api/orders", """
                    {"customerEmail":"bob@example.com","discountCode":"%s","paymentMethod":"pm_card_visa","lines":[{"sku":"22423","quantity":2}]}"""
                    .formatted(code)), 201).json().path("lines").get(0);
            assertThat(line.path("payment").path("amountMinor").asLong()).isEqualTo(2 * 1148);
            assertThat(line.path("discount").path("discountMinor").asLong()).isEqualTo(254);
        }
    }

    private static void product(ApiClient client, String sku, long priceMinor) {
        expect(client.post("/api/products", "{\"sku\":\"%s\",\"name\":\"Product %s\",\"priceMinor\":%d,\"currency\":\"GBP\"}"
                .formatted(sku, sku, priceMinor)), 201);
        expect(client.post("/api/stock/" + sku + "/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}"), 200);
    }

    /** A code the rule issues to the customer, as a back-in-stock notice would. */
    private static String code(RunningApi api, OfferRule rule, String email) {
        return api.restock().inTransaction(h -> {
            api.restock().offers().activate(h, rule);
            return api.restock().offers().issue(h, rule.kind(), "test:" + email, email, 0).orElseThrow().code();
        });
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }
}
