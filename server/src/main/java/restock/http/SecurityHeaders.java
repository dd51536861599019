package restock.http;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers on every answer: no sniffing, no framing, no referrer (customer links carry tokens in their paths), never
 * stored by caches (answers carry keys, tokens and customers' data), and a Content-Security-Policy that lets a page
 * run only its own inline script and styles, allowed by their SHA-256 hashes (computed here from the trusted
 * templates, never from a rendered page).
 */
final class SecurityHeaders {
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Pattern INLINE_BLOCK = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

    private final String pagePolicy;

    /** With the inline script and style blocks of the pages Restock serves, and inline styles given separately. */
    SecurityHeaders(List<String> trustedPages, List<String> trustedStyles) {
        List<String> scripts = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        for (String page : trustedPages) {
            Matcher block = INLINE_BLOCK.matcher(page);
            while (block.find()) {
                (block.group(1).equals("script") ? scripts : styles).add(hash(block.group(2)));
            }
        }
        trustedStyles.forEach(style -> styles.add(hash(style)));
        this.pagePolicy = "default-src 'none'; script-src 'self'" + sources(scripts) + "; style-src 'self'" + sources(styles)
                + "; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // Customers' links carry tokens in their paths: they send no referrer. The console's pages send it only to
        // themselves, so that the browser names this origin in Origin on a form post (with no-referrer it sends "null").
        // The storefront demo's forms too (/shop): their pages carry no token in their paths.
        ctx.header("Referrer-Policy", ctx.path().startsWith("/console") || ctx.path().startsWith("/shop") ? "same-origin" : "no-referrer");
        ctx.header("Cache-Control", "no-store");
        String type = ctx.res().getContentType();
        ctx.header("Content-Security-Policy", type != null && type.startsWith("text/html") ? pagePolicy : API_POLICY);
    }

    String pagePolicy() {
        return pagePolicy;
    }

    private static String sources(List<String> hashes) {
        StringBuilder sources = new StringBuilder();
        hashes.stream().distinct().forEach(hash -> sources.append(" 'sha256-").append(hash).append('\''));
        return sources.toString();
    }

    private static String hash(String content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
