package restock.web;

import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's waitlists as a new user opens them: shoppers waiting since different days (all had signed up at the
 * moment the demo was loaded, so "Waiting since" said one time for every product).
 */
class DemoWaitlistsTest {
    private static final Pattern WAITING_SINCE = Pattern.compile("data-label=\"Waiting since\">([^<]+)</td>");

    @Test
    void the_demos_shoppers_wait_since_different_days() {
        try (RunningApi api = RunningApi.withDemoYearLoaded()) {
            String page = ConsoleSession.signedIn(api, "ops", "a long enough password").get("/console/waitlists").body();

            List<String> since = new ArrayList<>();
            Matcher matcher = WAITING_SINCE.matcher(page);
            while (matcher.find()) {
                since.add(matcher.group(1).strip());
            }
            assertThat(since).as("the demo's waitlists").hasSizeGreaterThanOrEqualTo(3);
            assertThat(since.stream().distinct().count()).as("distinct 'waiting since' of " + since).isGreaterThanOrEqualTo(3);
        }
    }
}
