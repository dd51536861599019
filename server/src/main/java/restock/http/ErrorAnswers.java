package restock.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.common.StaleVersion;
import restock.common.TooManyAttempts;
import restock.notify.Branding;
import restock.service.RequestDeadlines;
import restock.web.Console;
import restock.web.CustomerPages;

import java.util.Optional;

import static restock.http.HttpApi.MAX_BODY_BYTES;
import static restock.http.HttpApi.REQUEST_TIME_LIMIT;

/**
 * What goes wrong, answered in one place: a refusal as the problem (RFC 9457) a program reads, under /console the
 * console's page staff read, on a shopper's address a page for shoppers; a failure logged with its request, and said
 * without its details.
 */
final class ErrorAnswers {
    /** HttpApi's logger: what went wrong in a request is logged under the API's name, where operators look for it. */
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    static final String PROBLEM_JSON = "application/problem+json";
    private final Console console;
    private final CustomerPages customerPages;
    private final Branding branding;
    private final boolean shopDemo;
    private final HttpCommands commands;

    ErrorAnswers(Console console, CustomerPages customerPages, Branding branding, boolean shopDemo, HttpCommands commands) {
        this.console = console;
        this.customerPages = customerPages;
        this.branding = branding;
        this.shopDemo = shopDemo;
        this.commands = commands;
    }

    /** The mapping of every exception and unanswered status to its answer; registered after the routes. */
    void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            problem(ctx, e.problem());
        });
        routes.exception(JdbiException.class, (e, ctx) -> {
            if (RequestDeadlines.ranOut(e.getCause())) {
                ctx.header("Retry-After", "5");
                problem(ctx, Problem.of(503, "Took too long", "the request took longer than its limit of " + REQUEST_TIME_LIMIT.toSeconds()
                        + " s and was stopped; nothing was changed. Try again, or narrow the request", null));
                return;
            }
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of(500, "Internal error", "Restock failed to handle this request; nothing was changed. "
                    + "The server log has the details.", null));
        });
        routes.exception(InvalidInput.class, (e, ctx) -> problem(ctx, Problem.of(400, "Invalid request", e.getMessage(), e.field())));
        routes.exception(NotFound.class, (e, ctx) -> problem(ctx, Problem.of(404, "Not found", e.getMessage(), e.field())));
        routes.exception(TooManyAttempts.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            problem(ctx, Problem.of(429, "Too many attempts", e.getMessage(), null));
        });
        routes.exception(Conflict.class, (e, ctx) -> problem(ctx, Problem.of(409, "Conflict with current state", e.getMessage(), e.field())));
        routes.exception(StaleVersion.class, (e, ctx) -> {
            ctx.header("ETag", HttpCommands.etag(e.current()));
            problem(ctx, Problem.of(412, "Changed since it was read", e.getMessage(), "If-Match"));
        });
        routes.exception(Exception.class, this::internalError);
        // Jetty refuses a body it cannot parse (a form that is not one) with an HttpException wrapped by the servlet API.
        routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
            if (e.getCause() instanceof org.eclipse.jetty.http.HttpException bad && bad.getCode() < 500) {
                problem(ctx, Problem.of(bad.getCode(), "Bad request", "the request body could not be read: " + bad.getReason(), "body"));
            } else {
                internalError(e, ctx);
            }
        });
        routes.error(404, ctx -> answerUnanswered(ctx, () -> Problem.of(404, "Not found", "no route " + ctx.method() + " "
                + ctx.path() + "; the API is described at /api/openapi.yaml", null)));
        routes.error(405, ctx -> answerUnanswered(ctx, () -> {
            String allowed = Optional.ofNullable(ctx.res().getHeader("Allow")).map(methods -> "; it takes " + methods).orElse("");
            return Problem.of(405, "Method not allowed", ctx.method() + " is not taken by " + ctx.path() + allowed
                    + "; the API is described at /api/openapi.yaml", null);
        }));
        routes.error(413, ctx -> {
            if (Console.owns(ctx.path())) {
                drainUnreadBody(ctx);
                console.tooLarge(ctx, MAX_BODY_BYTES);
                return;
            }
            if (CustomerPages.owns(ctx.path())) {
                // A shopper's page answers as a page (it answered the API's JSON).
                drainUnreadBody(ctx);
                ctx.status(413).html(customerPages.tooLarge(MAX_BODY_BYTES, branding));
                return;
            }
            problem(ctx, Problem.of(413, "Request body too large", "request bodies may be at most " + MAX_BODY_BYTES + " bytes", "body"));
        });
    }

    /**
     * A 404 or 405 nobody answered: under the console its HTML page (unless a console route answered already); elsewhere
     * the problem, unless a route answered with a page or problem of its own (only a bare error becomes a problem).
     */
    private void answerUnanswered(Context ctx, java.util.function.Supplier<Problem> bare) {
        if (Console.owns(ctx.path())) {
            if (!Console.answered(ctx)) {
                console.notFound(ctx);
            }
            return;
        }
        String contentType = ctx.res().getContentType();
        boolean bareError = contentType == null || !(contentType.startsWith(PROBLEM_JSON) || contentType.startsWith("text/html"));
        if (bareError && CustomerPages.ownsForShopper(ctx.path(), shopDemo)) {
            // A shopper's address that is no page (/shop/orders opened again, a link cut short) is a page too, not JSON.
            drainUnreadBody(ctx);
            ctx.html(customerPages.notAPage(ctx.status().getCode(), branding));
        } else if (bareError) {
            problem(ctx, bare.get());
        }
    }

    private void internalError(Exception e, Context ctx) {
        log.error("request {} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, Problem.of(500, "Internal error", "Restock failed to handle this request; nothing was changed. "
                + "The server log has the details.", null));
    }

    /** Answers a problem: problem+json, but under /console a console page that says it (staff read it, not a program). */
    void problem(Context ctx, Problem problem) {
        drainUnreadBody(ctx);
        if (Console.owns(ctx.path())) {
            console.failed(ctx, problem.status(), problem.detail());
            return;
        }
        // As bytes: a String result went out in ISO-8859-1 ("é" as one byte, "日本" as "??"), which no JSON parser reads.
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(commands.toJson(problem).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A request refused before its body was read (no key, a 429, a 404), or answered by a route that reads none,
     * would otherwise leave the body unread when Jetty closes the connection, and the kernel's reset can reach the
     * client before the answer does (the fuzzer saw "no answer" for a 62 KB body without a key, and for a 50 KB
     * body sent to payment setup). The body is read and dropped, up to the body limit.
     */
    static void drainUnreadBody(Context ctx) {
        try {
            var in = ctx.req().getInputStream();
            byte[] buffer = new byte[8192];
            long left = MAX_BODY_BYTES + buffer.length;
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= read;
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // the body is gone or broken: there is nothing left to drain, and the answer goes out as it is
        }
    }
}
