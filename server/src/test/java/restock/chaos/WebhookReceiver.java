package restock.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A shop's webhook endpoint on loopback: counts every delivery by message id, so loss and repeats show. */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger unsigned = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestHeaders().getFirst("Restock-Signature") == null) {
                unsigned.incrementAndGet();
            }
            JsonNode message = JSON.readTree(body);
            deliveries.computeIfAbsent(message.path("id").asText(), id -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Deliveries per message id. */
    Map<String, Integer> deliveries() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        deliveries.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    int unsigned() {
        return unsigned.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
