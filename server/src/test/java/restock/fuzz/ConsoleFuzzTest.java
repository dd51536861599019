package restock.fuzz;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import restock.access.PasswordHash;
import restock.service.StaffAccounts;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML side's forms and links, found by reading the pages, sent many times with hostile values by a signed-in member
 * of staff: the console, the demo shop, the customer pages. No 5xx, no hang, no stack trace, a page and not JSON, no
 * injected script echoed, and a refusal changes nothing. The seed is printed; repeat a run with {@code -Dfuzz.seed=N}.
 */
class ConsoleFuzzTest {
    /** Requests in the CI run: every route found about a dozen times, in a few seconds. */
    static final int DEFAULT_REQUESTS = 1_000;
    /** Requests in the long form (docs/BENCHMARKS.md has its figures). */
    static final int LONG_REQUESTS = 30_000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CUSTOMER_LINK = Pattern.compile("https?://[^/\\s\"]+(/(?:cancel|waitlist/confirm|waitlist/unsubscribe|offers/unsubscribe)/[^\\s\"<>]+)");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void no_form_or_link_of_the_html_side_gets_a_5xx_hangs_or_changes_state_when_refused() {
        fuzz(Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS));
    }

    @Test
    @Tag("long") // the long form: -Plong-tests -Dgroups=long -Dtest=ConsoleFuzzTest#the_long_form_sends_many_more (docs/BENCHMARKS.md)
    @Timeout(value = 120, unit = TimeUnit.MINUTES)
    void the_long_form_sends_many_more() {
        fuzz(Integer.getInteger("fuzz.requests", LONG_REQUESTS));
    }

    private static void fuzz(int requests) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("console fuzz: seed " + seed + ", " + requests + " requests (repeat with -Dfuzz.seed=" + seed + ")");
        List<TestDatabases.Target> targets = TestDatabases.targets();
        try (RunningApi api = RunningApi.withShopDemo(targets.get(targets.size() - 1)); ServerErrors serverErrors = new ServerErrors()) {
            ApiClient client = api.client();
            World world = new World();
            OpenApiFuzzTest.seedShop(client, world);
            client.post("/api/waitlist", "{\"sku\":\"85123A\",\"email\":\"shopper2@example.com\",\"consent\":true}");
            // An order all in stock, so an order page offers to ship it.
            client.post("/api/orders", "{\"customerEmail\":\"shopper9@example.com\",\"paymentMethod\":\"pm_card_visa\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":1}]}");
            Set<String> cancelLinks = signedLinks(api, client, world);
            Browser browser = signedIn(api);
            WriteLog writes = new WriteLog(api.restock().jdbi());
            ConsoleFuzzer fuzzer = new ConsoleFuzzer(browser, List.of("85123A", "22423", "47566", "84879"), () -> customerLinks(api, cancelLinks),
                    writes::writtenSinceLastCall, serverErrors::drain, new ConsoleFuzzer.Settings(seed, requests, REQUEST_TIMEOUT));
            FuzzReport report = fuzzer.run();
            System.out.println(report.summary());
            System.out.println("console fuzz: " + fuzzer.routes().size() + " routes found; answers by route sent:");
            fuzzer.answersByRoute().forEach((route, answers) -> System.out.println("  " + route + " " + answers));
            assertThat(fuzzer.routes()).as("the fuzzer found the console's forms, the shop's and a customer page")
                    .contains("POST /console/purchase-orders", "POST /console/skus/{}/count", "POST /shop/orders", "POST /cancel/{}",
                            "POST /waitlist/unsubscribe/{}", "POST /offers/unsubscribe/{}");
            assertThat(report.byStatus()).as("some requests must succeed, or the fuzzer only tests refusals").containsKeys("2xx", "3xx");
            assertThat(report.groups()).as(report.summary()).isEmpty();
        }
    }

    /** Links mailed to customers that the outbox may not hold yet: to cancel, to leave a waitlist, to stop offers. */
    private static Set<String> signedLinks(RunningApi api, ApiClient client, World world) {
        Set<String> links = new LinkedHashSet<>();
        for (int order = 1; order <= 2; order++) {
            Matcher link = CUSTOMER_LINK.matcher(client.post("/api/orders/" + world.orderId(new java.util.Random(order)) + "/cancel-link", "{}").responseBody());
            if (link.find()) {
                links.add(link.group(1));
            }
        }
        java.time.Instant later = api.restock().clock().instant().plus(Duration.ofDays(30));
        for (long id = 1; id <= 2; id++) {
            links.add("/waitlist/unsubscribe/" + api.restock().links().sign(restock.service.WaitlistCommands.UNSUBSCRIBE, id, later));
            links.add("/offers/unsubscribe/" + api.restock().offers().optOutToken(api.restock().links(),
                    id == 1 ? restock.service.Offers.OptOutFrom.ORDER : restock.service.Offers.OptOutFrom.WAITLIST, id));
        }
        return links;
    }

    /** A member of staff signed in through the sign-in form, in a browser of the fuzzer's. */
    private static Browser signedIn(RunningApi api) {
        new StaffAccounts(api.restock(), api.restock().clock(), PasswordHash.Cost.FOR_TESTS).create("fuzz", PASSWORD.toCharArray(), "test");
        Browser browser = new Browser(api.client().baseUrl(), REQUEST_TIMEOUT);
        Matcher login = Pattern.compile("name=\"_login\" value=\"([^\"]+)\"").matcher(browser.get("/console/login").body());
        assertThat(login.find()).isTrue();
        byte[] form = ("_login=" + login.group(1) + "&username=fuzz&password=" + FormValues.encode(PASSWORD)).getBytes(StandardCharsets.UTF_8);
        Browser.Answer answer = browser.send(browser.request("POST", "/console/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Origin", browser.origin()), form));
        assertThat(answer.status()).as(answer.body()).isEqualTo(303);
        return browser;
    }

    /** The links customers were mailed (cancel, waitlist, offers): pages the console does not link to. */
    private static Set<String> customerLinks(RunningApi api, Set<String> cancelLinks) {
        Set<String> links = new LinkedHashSet<>(cancelLinks);
        api.restock().read(h -> h.createQuery("select body_text from outbox where body_text is not null order by id desc limit 200")
                .mapTo(String.class).list()).forEach(text -> {
            Matcher link = CUSTOMER_LINK.matcher(text);
            while (link.find()) {
                links.add(link.group(1));
            }
        });
        return links;
    }
}
