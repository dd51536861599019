package restock.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sends the HTML side's forms and links, found by reading its pages, many times each with hostile values, as a signed-in
 * member of staff's browser: the console, the demo shop and the customer pages. Every answer must be a page (not a 5xx,
 * not JSON, no stack trace, no injected script echoed unescaped), come within a time limit, and a refusal (a 4xx) must
 * change nothing. Everything is drawn from one seed.
 */
final class ConsoleFuzzer {
    /** Pages read when looking for forms and links. */
    static final int MAX_PAGES_CRAWLED = 120;
    /** Forms or links kept per route (orders 3, 5 and 9 are one route): enough ids to reach each page's states. */
    static final int TARGETS_PER_ROUTE = 4;
    /** Requests after which the pages are read again (ids change as orders are cancelled, purchase orders closed). */
    static final int CRAWL_EVERY = 400;
    /**
     * Tables a page may write when it is read, whatever its answer, each a cache of what the data already says: the
     * backorder queue classifies the events not yet classified (ConsoleQueries.backorderQueue); the first page that
     * needs a plan (planning, a SKU's chart, the overview's run-out alert) makes and stores one when none is stored
     * yet, under a job lease so one instance does it.
     */
    static final Set<String> WRITTEN_ON_READ = Set.of("backorder_causes", "planning_runs", "job_leases");
    /** Forms that would end the fuzzer's session, or that it sends only signed out (the sign-in form, by {@link #visitor}). */
    static final Set<String> NOT_SENT = Set.of("/console/logout", "/console/login");
    /** The sign-in form is sent on one of this many of its turns: each refusal costs a full password hash. */
    static final int SIGN_IN_SHARE = 10;
    /** The sign-in page, with a page to go to after it, as a link to a console page when signed out gives it. */
    static final String SIGN_IN = "/console/login?next=%2Fconsole%2Forders";
    private static final Pattern STACK_TRACE = Pattern.compile("(\\bat (restock|java|javax|org|io|com)\\.[\\w.$]+\\(|\\b(java|javax|org|io|restock|com)\\.[\\w.]+(Exception|Error)\\b"
            + "|\\b(NullPointer|IllegalState|IllegalArgument|NumberFormat|DateTimeParse|ClassCast|IndexOutOfBounds|Unable to)Exception\\b)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** How a run is set up. */
    record Settings(long seed, int requests, java.time.Duration requestTimeout) {
    }

    /** A form (or a link, as a GET form of its query) on the route it was found on. */
    record Target(String route, HtmlForms.Form form, String page, boolean signedOut) {
        Target(String route, HtmlForms.Form form, String page) {
            this(route, form, page, false);
        }
    }

    private final Browser browser;
    /** A browser that has not signed in, for the sign-in form (whose token is in its own cookie). */
    private final Browser visitor;
    private final Supplier<Set<String>> writes;
    private final Supplier<List<String>> serverErrors;
    private final Supplier<Set<String>> customerLinks;
    private final List<String> skus;
    private final Settings settings;
    private final FuzzReport report;
    private final Map<String, List<Target>> targets = new LinkedHashMap<>();
    private final ArrayDeque<String> unmatchedCauses = new ArrayDeque<>();
    private final List<String> usedOnceKeys = new ArrayList<>();
    private final Set<String> routesFound = new java.util.TreeSet<>();
    private final Map<String, Map<Integer, Integer>> answersByRoute = new java.util.TreeMap<>();
    private long unique;
    /** The session's CSRF token, as the console's pages carry it (htmx sends it as a header). */
    private String consoleCsrf = "";

    ConsoleFuzzer(Browser browser, List<String> skus, Supplier<Set<String>> customerLinks, Supplier<Set<String>> writes,
                  Supplier<List<String>> serverErrors, Settings settings) {
        this.browser = browser;
        this.visitor = new Browser(browser.origin(), settings.requestTimeout());
        this.skus = skus;
        this.customerLinks = customerLinks;
        this.writes = writes;
        this.serverErrors = serverErrors;
        this.settings = settings;
        this.report = new FuzzReport(settings.seed(), browser.origin());
    }

    /** Each route sent, with its answers' statuses and how many of each: whether valid requests got through anywhere. */
    Map<String, Map<Integer, Integer>> answersByRoute() {
        return Collections.unmodifiableMap(answersByRoute);
    }

    /** The routes found in any reading of the pages (a cancel link's form is gone once it cancelled), sent or not. */
    Set<String> routes() {
        return Collections.unmodifiableSet(routesFound);
    }

    FuzzReport run() {
        Random random = new Random(settings.seed());
        long started = System.nanoTime();
        crawl();
        writes.get();
        serverErrors.get();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < settings.requests(); i++) {
            if (i > 0 && i % CRAWL_EVERY == 0) {
                crawl();
                writes.get();
                serverErrors.get();
                order.clear();
            }
            if (order.isEmpty()) {
                order.addAll(targets.keySet());
                Collections.shuffle(order, random);
            }
            List<Target> ofRoute = targets.get(order.remove(order.size() - 1));
            Target target = ofRoute.get(random.nextInt(ofRoute.size()));
            if (target.signedOut() && target.form().method().equals("POST") && random.nextInt(SIGN_IN_SHARE) > 0) {
                // A refused sign-in hashes the password at full cost (half a second here), for unknown names too.
                i--;
                continue;
            }
            one(target, random);
            if ((i + 1) % 5_000 == 0) {
                System.out.printf("console fuzz: %,d requests, %,d failures, %.0f s%n", i + 1, report.failureCount(), (System.nanoTime() - started) / 1e9);
            }
        }
        report.finish(System.nanoTime() - started);
        return report;
    }

    /** Reads the console from its overview, the shop and the customer links, and keeps their forms and links by route. */
    void crawl() {
        ArrayDeque<String> queue = new ArrayDeque<>(List.of("/console/overview", "/shop"));
        queue.addAll(customerLinks.get());
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, List<Target>> found = new LinkedHashMap<>();
        int read = 0;
        while (!queue.isEmpty() && read++ < MAX_PAGES_CRAWLED) {
            String path = queue.poll();
            Browser.Answer page = browser.get(path);
            keep(found, new Target(route(path), new HtmlForms.Form("GET", path, List.of()), path));
            if (page.status() != 200 || !page.contentType().startsWith("text/html")) {
                continue;
            }
            java.util.regex.Matcher token = CSRF.matcher(page.body());
            if (path.startsWith("/console/") && token.find()) {
                consoleCsrf = token.group(1);
            }
            for (HtmlForms.Form form : HtmlForms.forms(page.body())) {
                if (!NOT_SENT.contains(form.action())) {
                    keep(found, new Target(form.method() + " " + route(form.action()), form, path));
                }
            }
            for (String address : HtmlForms.addresses(page.body())) {
                String bare = address.replaceAll("\\?.*", "");
                boolean sameRouteMany = found.getOrDefault(route(address), List.of()).size() >= TARGETS_PER_ROUTE;
                if (!NOT_SENT.contains(bare) && !sameRouteMany && seen.add(address)) {
                    queue.add(address);
                }
            }
        }
        keep(found, new Target("SIGNED OUT GET " + route(SIGN_IN), new HtmlForms.Form("GET", SIGN_IN, List.of()), SIGN_IN, true));
        HtmlForms.forms(visitor.get(SIGN_IN).body()).forEach(form ->
                keep(found, new Target("SIGNED OUT POST " + route(form.action()), form, SIGN_IN, true)));
        targets.clear();
        targets.putAll(found);
        routesFound.addAll(found.keySet());
    }

    private static void keep(Map<String, List<Target>> found, Target target) {
        List<Target> list = found.computeIfAbsent(target.route(), r -> new ArrayList<>());
        if (list.size() < TARGETS_PER_ROUTE && list.stream().noneMatch(t -> t.form().action().equals(target.form().action()))) {
            list.add(target);
        }
    }

    /** A route's shape: ids, SKUs and tokens as {}, the query's names without their values. */
    static String route(String address) {
        String path = address.replaceAll("\\?.*", "");
        String query = address.contains("?") ? address.substring(address.indexOf('?') + 1) : "";
        StringBuilder shape = new StringBuilder();
        String previous = "";
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean named = segment.matches(".*[0-9].*") || previous.matches("skus|products|cancel|confirm|unsubscribe|suppliers|orders|purchase-orders|lines|offer-rules")
                    && !segment.matches("new|[a-z-]+\\.json");
            shape.append('/').append(named ? "{}" : segment);
            previous = segment;
        }
        if (!query.isEmpty()) {
            shape.append('?').append(String.join("&", query.replaceAll("=[^&]*", "").split("&")));
        }
        return shape.toString();
    }

    private void one(Target target, Random random) {
        FormDraft draft = draft(target, random);
        int roll = random.nextInt(10);
        int count = roll < 2 ? 0 : roll < 8 ? 1 : 2;
        for (int m = 0; m < count; m++) {
            mutate(draft, random);
        }
        FuzzRequest request = draft.build(target.route(), browser.origin());
        Browser.Answer answer = send(target.signedOut() ? visitor : browser, request);
        Set<String> written = domainWrites();
        report.count(request, answer.status());
        check(request, draft, answer, written);
        if (draft.method.equals("POST") && answer.status() == 303 && draft.onceKey() != null && random.nextInt(3) == 0) {
            // A form sent twice (a double click, a reload) acts once: the resend changes nothing.
            FuzzRequest resend = new FuzzRequest(request.operation(), request.mutation() + "+resent", request.method(),
                    request.pathAndQuery(), request.headers(), request.body());
            Browser.Answer again = send(target.signedOut() ? visitor : browser, resend);
            Set<String> writtenAgain = domainWrites();
            report.count(resend, again.status());
            check(resend, draft, again, writtenAgain);
            if (!writtenAgain.isEmpty()) {
                report.fail("a form sent again with its one-time key changed state", "tables " + writtenAgain, resend, again.status(), again.body());
            }
        }
    }

    private Set<String> domainWrites() {
        Set<String> written = new java.util.TreeSet<>(writes.get());
        written.removeAll(WRITTEN_ON_READ);
        return written;
    }

    /** A request as a person would send it from the page: the form's fields filled, a fresh one-time key. */
    private FormDraft draft(Target target, Random random) {
        HtmlForms.Form form = target.form();
        if (form.method().equals("POST") && random.nextBoolean()) {
            // The form as its page shows it now: an edit form's version, a planner's supplier, go stale as the run changes them.
            form = HtmlForms.forms((target.signedOut() ? visitor : browser).get(target.page()).body()).stream().filter(f -> f.action().equals(target.form().action()))
                    .findFirst().orElse(form);
            writes.get();
        }
        FormDraft draft = new FormDraft(form.method(), form.action().replaceAll("\\?.*", ""));
        if (form.action().contains("?")) {
            for (String pair : form.action().substring(form.action().indexOf('?') + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                draft.fields.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
            }
        }
        for (HtmlForms.Field field : form.fields()) {
            if ((field.type().equals("checkbox") || field.type().equals("radio") || field.type().equals("button")) && random.nextBoolean()) {
                continue;
            }
            String value = field.name().equals("_once") ? "fz-once-" + (++unique) : FormValues.plausible(field, skus, form.action().equals("/console/products"), ++unique, random);
            draft.fields.add(new String[] {FormValues.encode(field.name()), value});
        }
        if (form.method().equals("POST") && form.fields().isEmpty() && form.action().startsWith("/console/")) {
            // An htmx button: the page's script sends the session's token as a header.
            draft.headers.put("X-CSRF-Token", consoleCsrf);
            draft.headers.put("HX-Request", "true");
        }
        draft.carriesToken = form.sends("_csrf") || draft.headers.containsKey("X-CSRF-Token");
        return draft;
    }

    private void mutate(FormDraft draft, Random random) {
        int kind = random.nextInt(draft.fields.isEmpty() ? 3 : 12);
        switch (kind) {
            case 0 -> draft.segment(FormValues.SEGMENTS.get(random.nextInt(FormValues.SEGMENTS.size())), random);
            case 1 -> draft.add("unknown-field", FormValues.hostile(random));
            case 2 -> draft.csrf(random.nextBoolean() ? "wrong" : "missing");
            case 3 -> draft.drop(draft.anyField(random));
            case 4 -> draft.duplicate(draft.anyField(random), FormValues.hostile(random));
            case 5 -> draft.set(draft.anyField(random), "");
            case 6 -> {
                if (draft.onceKey() != null && !usedOnceKeys.isEmpty()) {
                    draft.setNamed("_once", usedOnceKeys.get(random.nextInt(usedOnceKeys.size())), "once-key reused");
                } else if (draft.onceKey() != null) {
                    draft.setNamed("_once", random.nextBoolean() ? "" : "k".repeat(300), "once-key bad");
                } else {
                    draft.set(draft.anyField(random), FormValues.hostile(random));
                }
            }
            default -> draft.set(draft.anyField(random), FormValues.hostile(random));
        }
    }

    private Browser.Answer send(Browser from, FuzzRequest request) {
        unmatchedCauses.clear();
        long started = System.nanoTime();
        Browser.Answer answer = from.send(from.request(request.method(), request.pathAndQuery(), request.headers(), request.body()));
        report.time(request, System.nanoTime() - started);
        answersByRoute.computeIfAbsent(request.operation(), r -> new java.util.TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        return answer;
    }

    private void check(FuzzRequest request, FormDraft draft, Browser.Answer answer, Set<String> written) {
        int status = answer.status();
        String body = answer.body();
        if (status < 100) {
            report.fail(status == Browser.HANG ? "hang" : "no answer", body, request, status, body);
            return;
        }
        if (status >= 500) {
            unmatchedCauses.addAll(serverErrors.get());
            String cause = unmatchedCauses.isEmpty() ? "no exception logged" : unmatchedCauses.poll();
            report.fail("server error " + status, cause, request, status, body);
        }
        var trace = STACK_TRACE.matcher(body);
        if (trace.find()) {
            report.fail("a stack trace or exception name in the page", trace.group(), request, status, body);
        }
        String path = request.pathAndQuery().replaceAll("\\?.*", "");
        boolean download = path.endsWith(".csv");
        boolean page = status != 204 && (status < 300 || status >= 400) && !path.endsWith(".json") && !(download && status < 300);
        if (page && (!answer.contentType().startsWith("text/html") || body.stripLeading().startsWith("{"))) {
            report.fail("not an HTML page", answer.contentType() + " " + status + " on " + request.operation(), request, status, body);
        }
        if (download && status < 300 && !answer.contentType().startsWith("text/csv")) {
            report.fail("a download that is not CSV", answer.contentType() + " " + status + " on " + request.operation(), request, status, body);
        }
        String lower = body.toLowerCase(Locale.ROOT);
        // An element the page did not write (a quote closing an attribute is escaped by the templates, or the element would show).
        if (lower.contains("<script>" + FormValues.SCRIPT_MARK.toLowerCase(Locale.ROOT)) || lower.contains("<svg onload=" + FormValues.SCRIPT_MARK.toLowerCase(Locale.ROOT))) {
            report.fail("an injected script shown unescaped", "", request, status, body);
        }
        if (status >= 400 && status < 500 && !written.isEmpty()) {
            report.fail("state changed on a " + status, "tables " + written, request, status, body);
        }
        if (Boolean.getBoolean("fuzz.showRefusals") && request.mutation().equals("valid") && status >= 400) {
            // Why a request built to be valid was refused: -Dfuzz.showRefusals=true when tuning what the fuzzer types.
            java.util.regex.Matcher m = Pattern.compile("(?s)class=\"(?:error|field-error)[^>]*>(.{0,300})").matcher(body);
            System.out.println("refused valid: " + request.operation() + " " + status + " " + new String(request.body() == null ? new byte[0] : request.body(), StandardCharsets.UTF_8).replaceAll("_csrf=[^&]*", "") + " :: " + (m.find() ? m.group(1).replaceAll("\\s+", " ") : ""));
        }
        if (draft.csrfBroken && draft.method.equals("POST") && status < 400) {
            report.fail("a form without its security token was taken", "", request, status, body);
        }
        if (draft.method.equals("POST") && status == 303 && draft.onceKey() != null) {
            usedOnceKeys.add(draft.onceKey());
        }
    }
}
