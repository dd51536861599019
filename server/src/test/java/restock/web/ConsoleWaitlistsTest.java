package restock.web;

import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The waitlists and offers page as operations staff read it. */
class ConsoleWaitlistsTest {
    /**
     * The offers section told operations staff "they are set with POST /api/offer-rules": the console cannot make a rule,
     * so the page says in plain words what a rule does, what the console does with one and whom to ask, and leaves the
     * API to a line for developers.
     */
    @Test
    void the_offers_section_says_in_plain_words_how_a_rule_is_made_with_the_api_as_a_pointer_for_developers() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/waitlists").body();

            assertThat(page).contains("<p id=\"no-offer-rules\">No offer rule yet.</p>").doesNotContain("they are set with");
            String how = page.substring(page.indexOf("id=\"offer-rules-how\""), page.indexOf("</p>", page.indexOf("id=\"offer-rules-how\"")));
            assertThat(how).contains("it does not make them yet: ask a developer to set one up")
                    .contains("<span class=\"muted\">For developers: <code>POST /api/offer-rules</code>");
        }
    }
}
