package restock.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar over plain sockets: it sends an address as given (%00, %ZZ, 5,000 characters, which
 * java.net.URI refuses to build) and a body as bytes, and gives up on an answer after a time limit (a hang).
 */
final class Browser {
    /** The status recorded when no answer came within the time limit. */
    static final int HANG = 0;
    /** The status recorded when the connection ended without an answer. */
    static final int NO_ANSWER = 1;

    private final String host;
    private final int port;
    private final Duration timeout;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** An answer: status, lower-cased headers (the last of each name, Set-Cookie aside) and the body as UTF-8. */
    record Answer(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    Browser(String baseUrl, Duration timeout) {
        URI base = URI.create(baseUrl);
        this.host = base.getHost();
        this.port = base.getPort();
        this.timeout = timeout;
    }

    String origin() {
        return "http://" + host + ":" + port;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    Answer get(String pathAndQuery) {
        return send(request("GET", pathAndQuery, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"), null));
    }

    /** The bytes of a request as they go on the wire; {@code body} is sent as a form when not null. */
    byte[] request(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!cookies.isEmpty()) {
            head.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    Answer send(byte[] request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            byte[] raw = readAll(socket.getInputStream(), deadline);
            return parse(raw);
        } catch (SocketTimeoutException e) {
            return new Answer(HANG, Map.of(), "no answer within " + timeout.toMillis() + " ms (hang)");
        } catch (IOException e) {
            return new Answer(NO_ANSWER, Map.of(), "no answer: " + e);
        }
    }

    private static byte[] readAll(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("answer still coming at the time limit");
            }
        }
        return out.toByteArray();
    }

    private Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (name.equals("set-cookie")) {
                remember(value);
            } else {
                headers.put(name, value);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        boolean removed = value.isEmpty() || List.of(setCookie.toLowerCase(Locale.ROOT).split(";")).stream()
                .map(String::strip).anyMatch(a -> a.equals("max-age=0") || a.startsWith("expires=thu, 01-jan-1970"));
        if (removed) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static byte[] unchunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrlf(body, at);
            if (lineEnd < 0) {
                throw new IOException("a chunk without its size line");
            }
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
