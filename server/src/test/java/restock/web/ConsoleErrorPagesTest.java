package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.http.HttpApi;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong under /console is said on a console page: an outside tester read the API's JSON problems there (a
 * 500, a body over the limit) and, for a path the console does not have, that the API is described at /api/openapi.yaml.
 * The API under /api keeps its problem+json.
 */
class ConsoleErrorPagesTest {
    private static final String PASSWORD = "correct horse battery";
    private static RunningApi api;
    private static ConsoleSession staff;

    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        api.client().post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        staff = ConsoleSession.signedIn(api, "ops", PASSWORD);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void assertHtml(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).startsWith("<!doctype html>").contains("/console-static/console.css")
                .doesNotContain("openapi.yaml").doesNotContain("\"status\"");
    }

    @Test
    void a_path_the_console_does_not_have_is_a_console_page_that_leads_to_the_overview() {
        for (String path : new String[]{"/console/ORDERS", "/console/./overview", "/console/no/such/page", "/console/orders/12/nothing"}) {
            for (HttpResponse<String> answer : java.util.List.of(staff.get(path), staff.open(path))) {
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertHtml(answer);
                assertThat(answer.body()).as(path).contains("Not found").contains("href=\"/console/overview\"");
            }
        }
        // Refused by Jetty before any route runs, and never resolved to another page.
        HttpResponse<String> refused = staff.get("/console/%2e%2e/api/orders");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertHtml(refused);
        assertThat(refused.body()).contains("This address is not a page of the console").contains("href=\"/console/overview\"");
        for (HttpResponse<String> wrongMethod : java.util.List.of(staff.get("/console/purchase-orders/1/receive"),
                staff.open("/console/purchase-orders/1/receive"))) {
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertHtml(wrongMethod);
            assertThat(wrongMethod.body()).contains("it is not a page to open");
        }
        // A record that is not there is said by the page that looked for it.
        assertThat(staff.open("/console/orders/999999").body()).contains("no order with id 999999");

        var apiAnswer = api.client().get("/api/nothing");
        assertThat(apiAnswer.contentType()).startsWith("application/problem+json");
        assertThat(apiAnswer.responseBody()).contains("/api/openapi.yaml");
    }

    @Test
    void a_body_over_the_limit_is_a_console_page_that_says_the_limit() {
        String page = staff.get("/console/skus/FAN-1").body();
        String form = "_csrf=" + ConsoleSession.hidden(page, "_csrf") + "&counted=4&reason=" + "n".repeat(1_000_000);

        HttpResponse<String> answer = staff.postRaw("/console/skus/FAN-1/count", form);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertHtml(answer);
        assertThat(answer.body()).contains("Too large").contains(HttpApi.MAX_BODY_BYTES / 1024 + " KiB");
        assertThat(api.client().get("/api/stock/FAN-1").json().path("onHand").asInt()).isZero();

        var tooLarge = api.client().post("/api/products", "{\"name\":\"" + "n".repeat(70_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_failure_inside_the_console_keeps_the_console_around_it() {
        api.restock().inTransaction(h -> h.execute("alter table offer_rules rename to offer_rules_away"));
        try {
            HttpResponse<String> answer = staff.get("/console/waitlists");

            assertThat(answer.statusCode()).isEqualTo(500);
            assertHtml(answer);
            assertThat(answer.body()).contains("Restock failed to handle this request").contains("<nav>")
                    .contains("href=\"/console/purchase-orders\"").contains("ops");
            assertThat(answer.body()).doesNotContain("offer_rules").doesNotContain("PSQLException");
        } finally {
            api.restock().inTransaction(h -> h.execute("alter table offer_rules_away rename to offer_rules"));
        }
        assertThat(staff.get("/console/waitlists").statusCode()).isEqualTo(200);
    }

    /** Without a session, a path the console does not have still sends the visitor to sign in (it shows nothing). */
    @Test
    void a_visitor_without_a_session_is_sent_to_sign_in_from_any_console_path() {
        HttpResponse<String> answer = ConsoleSession.signedOut(api.client().baseUrl()).get("/console/ORDERS");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/console/login?next=%2Fconsole%2FORDERS");
    }
}
