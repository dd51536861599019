package restock.web;

import io.javalin.http.Context;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the console sends staff: to its own pages only, written as a path on this origin, never to an address a
 * request named (a sign-in's way on, a form's or an error page's way back could otherwise lead to another site).
 */
final class ConsoleAddresses {
    static final String OVERVIEW = "/console/overview";
    static final String SIGN_IN = "/console/login";
    /** The sign-in page's query parameter and its form's field: the page asked for before signing in. */
    static final String NEXT = "next";
    /** Longest page address carried through sign-in or shown as a way back; a longer one leads to the overview. */
    static final int MAX_PAGE_LENGTH = 2000;
    /**
     * A page of the console: its path (segments as SKUs and ids are written, so no dot segment and no escape that could
     * become one) and a plain query.
     */
    private static final Pattern CONSOLE_PAGE =
            Pattern.compile("/console(/[A-Za-z0-9][A-Za-z0-9._-]*)+(\\?[A-Za-z0-9._~%=&+-]*)?");

    private ConsoleAddresses() {
    }

    /**
     * {@code target}, when it is a page of the console as {@link #CONSOLE_PAGE} writes one: a priority form's way back
     * {@code /console/../shop} was sent as the redirect and led out of the console (an outside check).
     */
    static Optional<String> consolePage(String target) {
        return Optional.ofNullable(target).filter(t -> t.length() <= MAX_PAGE_LENGTH && CONSOLE_PAGE.matcher(t).matches());
    }

    /**
     * The sign-in page for a visitor without a session, naming the page they opened so that signing in leads there: staff
     * who followed a link to an order landed on the overview and had to find the order again (an outside check). An htmx
     * request names the page it was made from; a form sent without a session names no page (its address is not one).
     */
    static String signIn(Context ctx) {
        Optional<String> asked = ctx.header("HX-Request") != null
                ? onThisOrigin(ctx, ctx.header("HX-Current-URL"))
                : ctx.method().name().equals("GET") ? consolePage(ctx.path() + Optional.ofNullable(ctx.queryString()).map(q -> "?" + q).orElse(""))
                : Optional.empty();
        return asked.filter(page -> !page.equals(OVERVIEW))
                .map(page -> SIGN_IN + "?" + NEXT + "=" + URLEncoder.encode(page, StandardCharsets.UTF_8)).orElse(SIGN_IN);
    }

    /** Where signing in leads: the page the sign-in form names when it is one of the console's, otherwise the overview. */
    static String afterSignIn(String next) {
        return consolePage(next).orElse(OVERVIEW);
    }

    /**
     * An error page's way back: the page the browser says it came from (Referer), when that is a console page on this
     * origin; any site can send a Referer, and one naming https://elsewhere.example/console/ was the way back.
     */
    static String back(Context ctx) {
        return onThisOrigin(ctx, ctx.header("Referer")).orElse(OVERVIEW);
    }

    /** The console page an absolute address names, as a path, when the address is on this origin (the host this request came to). */
    private static Optional<String> onThisOrigin(Context ctx, String address) {
        if (address == null || address.length() > MAX_PAGE_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(address);
            if (!uri.isAbsolute() || uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(ctx.host())
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return Optional.empty();
            }
            return consolePage(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
