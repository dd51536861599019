package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.payments.PaymentPolicy;
import restock.payments.SimulatedGateway;
import restock.service.PaymentProcessor;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pay link as a storefront met it: a declined card sent through it answered 200 {state: awaiting_fill}, as if
 * nothing had happened, and a good card sent next got 409 "it is awaiting_fill" until the decline came by webhook.
 */
class PayLinkAnswerTest {
    @Test
    void the_answer_says_the_charge_is_pending_and_another_card_may_follow_before_it_is_made() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            expect(client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Regency Cakestand 3 Tier\",\"priceMinor\":1275,\"currency\":\"GBP\"}"), 201);
            expect(client.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}"), 200);
            long orderId = expect(client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"paymentMethod\":\""
                    + SimulatedGateway.DECLINING_TOKEN + "\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 201).json().path("id").asLong();
            PaymentProcessor payments = new PaymentProcessor(api.restock(), new SimulatedGateway(7, SimulatedGateway.Faults.NONE,
                    api.restock().clock()), PaymentPolicy.DEFAULT, api.restock().clock());
            payments.drain(10);
            String token = api.restock().read(h -> h.createQuery("select reference from payment_events where kind = 'charge_failed'")
                    .mapTo(String.class).one());

            JsonNode declined = expect(client.post("/api/payments/pay-link", "{\"token\":\"" + token + "\",\"paymentMethod\":\""
                    + SimulatedGateway.DECLINING_TOKEN + "\"}"), 200).json();
            assertThat(declined.path("charge").asText()).isEqualTo("pending");
            assertThat(declined.path("next").asText()).contains("not in this call", "payment.charge_failed", "this link takes another payment method");
            expect(client.post("/api/payments/pay-link", "{\"token\":\"" + token + "\",\"paymentMethod\":\"pm_card_visa\"}"), 200);
            payments.drain(10);
            JsonNode line = expect(client.get("/api/orders/" + orderId), 200).json().path("lines").get(0);
            assertThat(line.path("payment").path("state").asText()).as("the second card was charged").isIn("authorized", "captured");
        }
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }
}
