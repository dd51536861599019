package restock.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.service.PlanAgain;

import java.util.Map;
import java.util.Optional;

/**
 * The planning page's "Plan again now": the button, and while a run is made the progress htmx fetches every
 * {@link #POLL_SECONDS} seconds until the new plan is stored ({@link PlanAgain}).
 */
public final class PlanAgainPanel {
    /** How often the page asks how a run is getting on. */
    public static final int POLL_SECONDS = 2;

    /** What the panel shows: words, whether to offer the button, whether to keep asking, and a new plan to show if one is ready. */
    public record View(String words, boolean offerButton, boolean polling, boolean newPlanReady) {
    }

    private final Console console;
    private final PlanAgain planAgain;

    PlanAgainPanel(Console console, PlanAgain planAgain) {
        this.console = console;
        this.planAgain = planAgain;
    }

    void register(RoutesConfig routes) {
        routes.post("/console/planning/runs", console.page(this::start));
        routes.get("/console/planning/progress", console.page(ctx -> console.fragment(ctx, "console/plan-again.jte", Map.of(
                "view", view(longQuery(ctx, "shown")), "csrf", console.staff(ctx).csrfToken(), "shownRunId", longQuery(ctx, "shown")))));
    }

    private void start(Context ctx) {
        PlanAgain.Asked asked = planAgain.start();
        String message = asked instanceof PlanAgain.RunningElsewhere elsewhere
                ? "Another instance (" + elsewhere.holder() + ") is planning again now: its plan shows here when stored."
                : asked instanceof PlanAgain.AlreadyRunningHere ? "A plan was being made already: the panel below follows it."
                : "Planning every SKU again, as the nightly run does, started: the panel below follows it and says when the new plan is stored.";
        console.done(ctx, "/console/planning", message);
    }

    /** The panel for a page showing stored run {@code shownRunId}. */
    View view(long shownRunId) {
        PlanAgain.State state = planAgain.state();
        if (state instanceof PlanAgain.Running running) {
            // Gathering each SKU's history is counted; forecasting them all comes after, so the last step says so.
            String step = running.skusGathered() < running.skus() ? Format.count(running.skusGathered()) + " of " + Format.count(running.skus())
                    + " SKUs' history and stock read" : "all " + Format.count(running.skus()) + " SKUs read, now forecasting and planning them";
            return new View("Planning again now: " + step + " (started " + Format.moment(running.startedAt())
                    + "). The plan below stays until the new one is stored.",
                    false, true, false);
        }
        Optional<String> elsewhere = planAgain.runningElsewhere();
        if (elsewhere.isPresent()) {
            return new View("Another instance (" + elsewhere.get() + ") is planning again now; reload this page when it is done.", false, false, false);
        }
        if (state instanceof PlanAgain.Finished finished && finished.runId() > shownRunId) {
            return new View("A new plan was stored at " + Format.moment(finished.finishedAt()) + ".", true, false, true);
        }
        if (state instanceof PlanAgain.Failed failed) {
            return new View("Planning again failed at " + Format.moment(failed.failedAt()) + " (" + failed.message()
                    + "); the plan below is the one stored before.", true, false, false);
        }
        return new View("", true, false, false);
    }

    private static long longQuery(Context ctx, String name) {
        try {
            return Long.parseLong(Optional.ofNullable(ctx.queryParam(name)).orElse("0"));
        } catch (NumberFormatException e) {
            throw new restock.common.InvalidInput(name, name + " must be a planning run's id, was '" + ctx.queryParam(name) + "'");
        }
    }
}
