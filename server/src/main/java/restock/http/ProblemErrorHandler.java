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

/**
 * Answers the requests Jetty refuses before any route runs (a bad escape or an ambiguous path in the URI, a
 * malformed request line) as problem+json, like every other error, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads what is left of the refused request's body (up to the body limit) before answering: Jetty closes the
     * connection after such an answer, and unread bytes made the close a reset that reached the client before the
     * answer (CI fuzz runs: "no answer" for paths like /api/webhooks/%01%02%03/pause with a large body).
     */
    private static void drainBody(Request request) {
        try (java.io.InputStream body = org.eclipse.jetty.io.Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            long read = 0;
            int n;
            while (read <= HttpApi.MAX_BODY_BYTES && (n = body.read(buffer)) >= 0) {
                read += n;
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // Nothing more can be read; the answer goes out as it can.
        }
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
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
        drainBody(request);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
