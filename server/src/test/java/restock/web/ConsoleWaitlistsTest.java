package restock.web;

import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The waitlists and offers page as operations staff read it. */
class ConsoleWaitlistsTest {
    /**
     * The offers section told operations staff "they are set with POST /api/offer-rules", then kept the routes on a line
     * "for developers", and listed each rule's kind as its code ("late_compensation"): the console cannot make a rule, so
     * the page says in plain words what a rule does, what the console does with one and whom to ask, with no route, and
     * each kind in the words the section uses for it.
     */
    @Test
    void the_offers_section_says_in_plain_words_how_a_rule_is_made_and_names_each_kind_in_words() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String before = staff.get("/console/waitlists").body();
            assertThat(before).contains("<p id=\"no-offer-rules\">No offer rule yet.</p>").doesNotContain("they are set with");
            String how = before.substring(before.indexOf("id=\"offer-rules-how\""), before.indexOf("</p>", before.indexOf("id=\"offer-rules-how\"")));
            assertThat(how).contains("it does not make them yet: ask a developer to set one up").doesNotContain("/api/").doesNotContain("POST");

            api.client().post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"percentOff\":10,\"validDays\":14}");
            api.client().post("/api/offer-rules", "{\"kind\":\"late_compensation\",\"percentPerWeekLate\":5,\"capPercent\":20,\"validDays\":30}");
            api.client().post("/api/offer-rules", "{\"kind\":\"long_wait_thanks\",\"afterDays\":21,\"percentOff\":10,\"validDays\":30}");
            String page = staff.get("/console/waitlists").body();

            String rules = page.substring(page.indexOf("id=\"offer-rules\""));
            assertThat(rules).contains("<td data-label=\"Kind\">Waitlist discount</td>")
                    .contains("<td data-label=\"Kind\">Compensation for a missed promise</td>")
                    .contains("<td data-label=\"Kind\">Thank-you after a long wait</td>")
                    .doesNotContain("waitlist_discount").doesNotContain("late_compensation").doesNotContain("long_wait_thanks");
            // "Since" did not move on a resume and read as "active since" (an outside re-check): the column is when it was made.
            assertThat(rules).contains("<th>Made</th>").doesNotContain("<th>Since</th>").contains("<td data-label=\"Made\">");
        }
    }

    /**
     * On a phone each waitlist read "Told 0" and "Since 7 Dec 2026": the cells' labels were shorter than their columns'
     * headings. A phone shows each value with its column's heading.
     */
    @Test
    void a_waitlist_on_a_phone_labels_its_values_with_the_columns_headings() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"KITE-1\",\"name\":\"Paper Kite\",\"priceMinor\":725,\"currency\":\"GBP\"}");
            api.client().post("/api/waitlist", "{\"sku\":\"KITE-1\",\"email\":\"ann@example.com\",\"consent\":true}");
            String page = ConsoleSession.signedIn(api, "ops", "correct horse battery").get("/console/waitlists").body();

            String table = page.substring(page.indexOf("id=\"waitlists\""), page.indexOf("</table>", page.indexOf("id=\"waitlists\"")));
            java.util.List<String> headings = java.util.regex.Pattern.compile("<th[^>]*>([^<]*)</th>").matcher(table).results()
                    .map(m -> m.group(1)).toList();
            java.util.List<String> labels = java.util.regex.Pattern.compile("data-label=\"([^\"]*)\"").matcher(table).results()
                    .map(m -> m.group(1)).toList();
            assertThat(labels).isEqualTo(headings).contains("Told it is back", "Waiting since");
        }
    }

    /**
     * A double opt-in sign-up not yet confirmed was counted as waiting ("Waiting 4", was 3: a newcomer's check), though no
     * notice goes to it: the page counts those who confirmed and says how many have not yet, and the overview's card
     * counts those who confirmed.
     */
    @Test
    void sign_ups_not_yet_confirmed_are_shown_apart_from_those_waiting() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.client().post("/api/products", "{\"sku\":\"KITE-1\",\"name\":\"Paper Kite\",\"priceMinor\":725,\"currency\":\"GBP\"}");
            api.client().post("/api/waitlist", "{\"sku\":\"KITE-1\",\"email\":\"ann@example.com\",\"consent\":true}");
            api.restock().inTransaction(h -> restock.store.SqlWaitlist.signUp(h, restock.catalog.Sku.of("KITE-1"), "bob@example.com", 1, false,
                    api.restock().clock().instant()));
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");

            String page = staff.get("/console/waitlists").body();
            String table = page.substring(page.indexOf("id=\"waitlists\""), page.indexOf("</table>", page.indexOf("id=\"waitlists\"")));
            assertThat(table).contains("<td data-label=\"Waiting\" class=\"num\">1<br><span class=\"muted\">+1 not yet confirmed</span></td>");
            assertThat(staff.get("/console/overview").body()).contains("<b id=\"waitlist\">1</b> on waitlists");
        }
    }

    /**
     * A paused offer rule could not be turned on again from the console, only through the API (an outside check). A
     * paused rule has a Resume button, a form with the session's token and its own one-time key like the console's other
     * forms; resuming turns the same rule on again and pauses the active rule of its kind, as turning one on does, and
     * the form sent twice acts once.
     */
    @Test
    void a_paused_rule_is_resumed_from_the_page_pausing_the_active_one_of_its_kind() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            long first = api.client().post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"percentOff\":10,\"validDays\":14}")
                    .json().path("id").asLong();
            long second = api.client().post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"percentOff\":15,\"validDays\":7}")
                    .json().path("id").asLong();
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String page = staff.get("/console/waitlists").body();
            String form = page.substring(page.indexOf("<form method=\"post\" action=\"/console/offer-rules/" + first + "/resume\""));
            form = form.substring(0, form.indexOf("</form>"));
            assertThat(form).contains(">Resume</button>").contains("pauses rule " + second + ", the active one of this kind");
            assertThat(page).doesNotContain("/console/offer-rules/" + second + "/resume");
            java.util.Map<String, String> sent = java.util.Map.of("_csrf", ConsoleSession.hidden(form, "_csrf"), "_once", ConsoleSession.hidden(form, "_once"));

            var resumed = staff.post("/console/offer-rules/" + first + "/resume", sent);
            var again = staff.post("/console/offer-rules/" + first + "/resume", sent);

            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(303);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
            var rules = api.client().get("/api/offer-rules").json().path("items");
            java.util.Map<Long, Boolean> active = new java.util.HashMap<>();
            rules.forEach(rule -> active.put(rule.path("id").asLong(), rule.path("active").asBoolean()));
            assertThat(active).containsEntry(first, true).containsEntry(second, false).hasSize(2);
            String after = staff.get("/console/waitlists").body().replaceAll("\\s+", " ");
            assertThat(after).contains("Offer rule " + first + " resumed: it issues codes again. Offer rule " + second
                    + ", the active one of its kind, was paused");
            assertThat(after).contains("action=\"/console/offer-rules/" + second + "/resume\"").doesNotContain("action=\"/console/offer-rules/" + first + "/resume\"");
            assertThat(staff.post("/console/offer-rules/" + first + "/resume", java.util.Map.of("_csrf", ConsoleSession.hidden(form, "_csrf")))
                    .statusCode()).as("without its one-time key").isEqualTo(400);
            assertThat(staff.post("/console/offer-rules/" + first + "/resume", java.util.Map.of("_once", "x")).statusCode())
                    .as("without the session's token").isEqualTo(403);
        }
    }

    /** Pausing a rule moved its row to the bottom, so the Pause buttons shifted under the mouse. */
    @Test
    void a_paused_rule_keeps_its_place_in_the_list() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            long discount = api.client().post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"percentOff\":10,\"validDays\":14}")
                    .json().path("id").asLong();
            long late = api.client().post("/api/offer-rules", "{\"kind\":\"late_compensation\",\"percentPerWeekLate\":5,\"capPercent\":20,\"validDays\":30}")
                    .json().path("id").asLong();
            long thanks = api.client().post("/api/offer-rules", "{\"kind\":\"long_wait_thanks\",\"afterDays\":21,\"percentOff\":10,\"validDays\":30}")
                    .json().path("id").asLong();
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String page = staff.get("/console/waitlists").body();
            assertThat(ruleIds(page)).containsExactly(thanks, late, discount);

            var paused = staff.post("/console/offer-rules/" + thanks + "/pause", java.util.Map.of("_csrf", ConsoleSession.hidden(page, "_csrf")));
            assertThat(paused.statusCode()).as(paused.body()).isEqualTo(303);

            String after = staff.get("/console/waitlists").body();
            assertThat(after).contains("action=\"/console/offer-rules/" + thanks + "/resume\"");
            assertThat(ruleIds(after)).containsExactly(thanks, late, discount);
        }
    }

    private static java.util.List<Long> ruleIds(String page) {
        return java.util.regex.Pattern.compile("<td data-label=\"Rule\">(\\d+)</td>").matcher(page).results()
                .map(match -> Long.parseLong(match.group(1))).toList();
    }
}
