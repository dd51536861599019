package restock.web;

import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's cancel link was plain text in the order page's message, to select and copy by hand (an outside tester's finding). */
class ConsoleCancelLinkTest {
    @Test
    void a_cancel_link_made_for_the_customer_is_shown_as_a_link_with_a_copy_button() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            long id = api.client().post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"FAN-1\",\"quantity\":2}]}")
                    .json().path("id").asLong();
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String page = staff.get("/console/orders/" + id).body();
            assertThat(page).doesNotContain("id=\"customer-cancel-link\"");

            HttpResponse<String> made = staff.post("/console/orders/" + id + "/cancel-link", Map.of("_csrf", ConsoleSession.hidden(page, "_csrf")));
            assertThat(made.statusCode()).isEqualTo(303);
            String location = made.headers().firstValue("Location").orElseThrow();
            String shown = staff.get(location).body();

            java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"(http[^\"]+/cancel/[^\"]+)\" id=\"customer-cancel-url\">([^<]+)</a>")
                    .matcher(shown);
            assertThat(link.find()).as(shown).isTrue();
            assertThat(link.group(2)).isEqualTo(link.group(1));
            assertThat(shown).contains("<button type=\"button\" class=\"small\" id=\"copy-cancel-link\" data-copy=\"customer-cancel-url\">Copy</button>")
                    .contains("copy it below and send it to the customer");
            String token = link.group(1).substring(link.group(1).indexOf("/cancel/") + "/cancel/".length());
            assertThat(api.client().get("/cancel/" + token).status()).as("the link shown works").isEqualTo(200);
            // The page builds the link from a token of the right shape only: an address cannot put anything else in it.
            assertThat(staff.get("/console/orders/" + id + "?link=javascript:alert(1)").body()).doesNotContain("customer-cancel-url");
        }
    }
}
