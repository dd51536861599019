package restock.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.engagement.DiscountCode;
import restock.service.Offers;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong discount codes are limited per email, per code and per client: a new email each time does not reset the count. */
class DiscountCodeLimitsTest {
    private final SecureRandom random = new SecureRandom();
    private RunningApi api;
    private ApiClient client;

    @BeforeEach
    void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        client = api.client();
        client.post("/api/products", "{\"sku\":\"22720\",\"name\":\"Set Of 3 Cake Tins\",\"priceMinor\":495,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Exchange order(String email, String code, String shopperAddress) {
        String body = "{\"customerEmail\":\"" + email + "\",\"discountCode\":\"" + code + "\",\"lines\":[{\"sku\":\"22720\",\"quantity\":1}]}";
        return client.send("POST", "/api/orders", body, shopperAddress == null
                ? Map.of("Authorization", "Bearer " + RunningApi.API_KEY, "Content-Type", "application/json")
                : Map.of("Authorization", "Bearer " + RunningApi.API_KEY, "Content-Type", "application/json", "Restock-Client-IP", shopperAddress));
    }

    @Test
    void one_client_guessing_with_a_new_email_and_code_each_time_is_stopped() {
        for (int i = 0; i < Offers.MAX_FAILED_ATTEMPTS_PER_CLIENT_PER_HOUR; i++) {
            assertThat(order("guess" + i + "@example.com", DiscountCode.generate(random), null).status()).isEqualTo(400);
        }
        Exchange stopped = order("fresh@example.com", DiscountCode.generate(random), null);
        assertThat(stopped.status()).as(stopped.responseBody()).isEqualTo(429);
        assertThat(stopped.header("Retry-After")).as("when to try again, as the key's rate limit says it").contains("3600");
        assertThat(order("fresh@example.com", DiscountCode.generate(random), "203.0.113.7").status())
                .as("another shopper behind the same storefront").isEqualTo(400);
    }

    @Test
    void one_code_tried_with_many_emails_from_many_addresses_is_stopped() {
        String code = DiscountCode.generate(random);
        for (int i = 0; i < Offers.MAX_FAILED_ATTEMPTS_PER_HOUR; i++) {
            assertThat(order("guess" + i + "@example.com", code, "203.0.113." + i).status()).isEqualTo(400);
        }
        Exchange stopped = order("fresh@example.com", code, "198.51.100.1");
        assertThat(stopped.status()).as(stopped.responseBody()).isEqualTo(429);
        assertThat(stopped.json().path("detail").asText()).contains(code);
        assertThat(stopped.header("Retry-After")).contains("3600");
    }
}
