package restock.http;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Jetty's HTTP/1.1 connections, each keeping the target of its latest request as the client sent it. A request Jetty
 * refuses at its request line (a malformed escape such as %ZZ, an encoded NUL) reaches the error handler as
 * "/badMessage", with no path and no headers: the kept target tells it whether the address was the console's, so
 * staff get the console's page and not the API's JSON.
 */
final class RequestTargetConnectionFactory extends HttpConnectionFactory {
    private static final String TARGET_ATTRIBUTE = "restock.requestTarget";
    /** The path Jetty gives the request it makes to answer one it refused at its request line. */
    static final String BAD_MESSAGE_PATH = "/badMessage";
    /**
     * Bytes of a request's start read to find its target before Jetty parses it: enough for a path's first words
     * (/console/, /cancel/, /shop/), which is all the error handler asks of a request Jetty refuses.
     */
    static final int PEEKED_REQUEST_LINE_BYTES = 256;

    RequestTargetConnectionFactory(HttpConfiguration http) {
        super(http);
    }

    /**
     * The target of the connection's latest request as sent. On a kept-alive connection, a request refused before its
     * target was read (a request line without one) is told by the one before it: either way the answer is a 400.
     */
    static Optional<String> target(ConnectionMetaData connection) {
        return Optional.ofNullable(connection.getAttribute(TARGET_ATTRIBUTE)).map(Object::toString);
    }

    /** The target at the start of a request line in {@code buffer} (its first bytes), the buffer left as it was. */
    static Optional<String> peekTarget(ByteBuffer buffer) {
        ByteBuffer start = buffer.slice();
        byte[] bytes = new byte[Math.min(start.remaining(), PEEKED_REQUEST_LINE_BYTES)];
        start.get(bytes);
        String line = new String(bytes, StandardCharsets.ISO_8859_1).stripLeading();
        int space = line.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String target = line.substring(space + 1).split("[ \r\n]", 2)[0];
        return target.startsWith("/") ? Optional.of(target) : Optional.empty();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        // As HttpConnectionFactory.newConnection, with the target kept before Jetty reads it (and may refuse it).
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
                // Jetty answers a refused request on a stream of its own named BAD_MESSAGE_PATH: the target is the one before.
                if (!BAD_MESSAGE_PATH.equals(uri)) {
                    setAttribute(TARGET_ATTRIBUTE, uri);
                }
                return super.newHttpStream(method, uri, version);
            }

            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                // A target longer than a request line may be (414) is refused before newHttpStream sees it: its start, peeked
                // from the bytes before they are parsed, tells the error handler whose page it was (a console search of
                // 10,000 characters answered the API's JSON, the console form fuzzer).
                HttpParser standard = super.newHttpParser(compliance);
                HttpParser peeking = new HttpParser((HttpParser.RequestHandler) standard.getHandler(),
                        getHttpConfiguration().getRequestHeaderSize(), compliance) {
                    @Override
                    public boolean parseNext(ByteBuffer buffer) {
                        if (isStart() && buffer.hasRemaining()) {
                            peekTarget(buffer).ifPresent(target -> setAttribute(TARGET_ATTRIBUTE, target));
                        }
                        return super.parseNext(buffer);
                    }
                };
                peeking.setHeaderCacheSize(standard.getHeaderCacheSize());
                peeking.setHeaderCacheCaseSensitive(standard.isHeaderCacheCaseSensitive());
                return peeking;
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }
}
