package restock.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Answers the requests Jetty refuses before any route runs (a bad escape or an ambiguous path in the URI, a
 * malformed request line) as problem+json, like every other error, instead of Jetty's HTML page; under /console, as
 * the console's page.
 *
 * <p>It reads nothing of the refused request's body: by the time Jetty calls it, Jetty has consumed what had
 * arrived and failed the rest (a drain here read 0 bytes in 520 of 520 refusals). The body still on the wire is read
 * and dropped by {@link LingeringCloseConnector} after the answer, so the close does not reset the connection first.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;
    private final restock.web.Console console;
    private final Predicate<String> shopperPage;
    private final IntFunction<String> notAShopperPage;

    /**
     * @param shopperPage     whether a path is a shopper's page (a customer link's, the demo shop's), answered in HTML
     * @param notAShopperPage the page that says such an address is no page, for a status
     */
    ProblemErrorHandler(ObjectMapper mapper, restock.web.Console console, Predicate<String> shopperPage, IntFunction<String> notAShopperPage) {
        this.mapper = mapper;
        this.console = console;
        this.shopperPage = shopperPage;
        this.notAShopperPage = notAShopperPage;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        if (restock.web.Console.owns(path(request))) {
            // A console address Jetty refuses (a dot segment such as %2e%2e, an encoded NUL, a malformed escape such as
            // %ZZ) is a page for staff too, not JSON.
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            response.write(true, ByteBuffer.wrap(console.unreadableAddress(code).getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        if (shopperPage.test(path(request))) {
            // A shopper's page the same way (/cancel/%ZZ, /shop/%00 answered the API's JSON, the console form fuzzer).
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            response.write(true, ByteBuffer.wrap(notAShopperPage.apply(code).getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        String reason = HttpStatus.getMessage(code);
        String detail = code == 400
                ? "the request could not be read (" + (message == null || message.isBlank() ? reason : message)
                + "); check the path's percent-escapes and the request line"
                : message == null || message.isBlank() ? reason : message;
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Problem.of(code, reason, detail, null));
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The refused request's path. A request refused at its request line comes as "/badMessage", without its path: the
     * target its connection kept ({@link RequestTargetConnectionFactory}) says it, up to the query, escapes as sent.
     */
    private static String path(Request request) {
        String path = request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath();
        if (!path.equals(RequestTargetConnectionFactory.BAD_MESSAGE_PATH)) {
            return path;
        }
        String target = RequestTargetConnectionFactory.target(request.getConnectionMetaData()).orElse("");
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
