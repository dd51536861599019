package restock.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shoppers and a warehouse sending commands with idempotency keys to whichever instance is up: a request that got
 * no answer (the instance was killed, the database restarted) is sent again with the same key and body until it
 * gets one. Records every acknowledged command and checks that every later retry gets the first answer.
 */
final class ChaosLoad {
    /** How long one command is retried before the run gives up on it (an outage longer than this fails the run). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(180);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    static final List<String> SKUS = List.of("22086", "85123A", "47566", "84879", "22423");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A command and its first 2xx answer. */
    record Acknowledged(String method, String path, String key, String body, int status, String answer) {
    }

    private final List<RestockProcess> instances;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
    final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    final List<Long> acknowledgedOrders = new CopyOnWriteArrayList<>();
    final List<String> retryMismatches = new CopyOnWriteArrayList<>();
    final List<String> givenUp = new CopyOnWriteArrayList<>();
    final AtomicInteger commands = new AtomicInteger();
    final AtomicInteger resent = new AtomicInteger();
    final AtomicInteger retriesChecked = new AtomicInteger();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    ChaosLoad(List<RestockProcess> instances, String apiKey) {
        this.instances = instances;
        this.apiKey = apiKey;
    }

    void stop() {
        running.set(false);
    }

    /** One shopper or warehouse client, until stopped. */
    void client(int number, long seed) {
        Random random = new Random(seed);
        int n = 0;
        while (running.get()) {
            String key = "c" + number + "-" + (n++);
            int roll = random.nextInt(100);
            if (roll < 60) {
                placeOrder(key, random);
            } else if (roll < 70 && !acknowledgedOrders.isEmpty()) {
                send("POST", "/api/orders/" + anyOrder(random) + "/cancel", key, "");
            } else if (roll < 80 && !acknowledgedOrders.isEmpty()) {
                send("POST", "/api/orders/" + anyOrder(random) + "/ship", key, "");
            } else if (roll < 88) {
                restock(key, random);
            } else if (!acknowledged.isEmpty()) {
                retryAnAcknowledged(random);
            }
        }
    }

    private long anyOrder(Random random) {
        return acknowledgedOrders.get(random.nextInt(acknowledgedOrders.size()));
    }

    private void placeOrder(String key, Random random) {
        String payment = random.nextInt(10) < 7 ? ",\"paymentMethod\":\"pm_card_visa\"" : random.nextInt(3) == 0 ? ",\"paymentMethod\":\"pm_card_declined\"" : "";
        String body = "{\"customerEmail\":\"shopper" + random.nextInt(40) + "@example.com\"" + payment + ",\"lines\":[{\"sku\":\""
                + SKUS.get(random.nextInt(SKUS.size())) + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}]}";
        Answer answer = send("POST", "/api/orders", key, body);
        if (answer.status() == 201) {
            acknowledgedOrders.add(answer.json().path("id").asLong());
        }
    }

    /** A purchase order for one SKU, received at once: fills waiting lines, which takes their payments. */
    private void restock(String key, Random random) {
        String sku = SKUS.get(random.nextInt(SKUS.size()));
        int quantity = 5 + random.nextInt(20);
        String expected = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3 + random.nextInt(20)).toString();
        Answer created = send("POST", "/api/purchase-orders", key + "-po", "{\"supplier\":\"Chaos Supplies\",\"newSupplier\":true,\"lines\":[{\"sku\":\""
                + sku + "\",\"quantity\":" + quantity + ",\"expectedDate\":\"" + expected + "\"}]}");
        if (created.status() == 201 && random.nextInt(3) > 0) {
            send("POST", "/api/purchase-orders/" + created.json().path("id").asLong() + "/receipts", key + "-receipt",
                    "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}");
        }
    }

    private void retryAnAcknowledged(Random random) {
        List<Acknowledged> all = new ArrayList<>(acknowledged.values());
        Acknowledged earlier = all.get(random.nextInt(all.size()));
        Answer again = send(earlier.method(), earlier.path(), earlier.key(), earlier.body());
        retriesChecked.incrementAndGet();
        if (again.status() != earlier.status() || !again.body().equals(earlier.answer())) {
            retryMismatches.add(earlier.key() + ": first " + earlier.status() + " " + earlier.answer() + ", retry " + again.status() + " " + again.body());
        }
    }

    /** An answer; status 0 means the command was given up. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** Sends a command until some instance answers it with anything but a 5xx; records a first 2xx. */
    Answer send(String method, String path, String key, String body) {
        commands.incrementAndGet();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            RestockProcess instance = instances.get(Math.floorMod(key.hashCode() + attempt, instances.size()));
            if (attempt++ > 0) {
                resent.incrementAndGet();
                pause(attempt);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                        .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + apiKey).header("Idempotency-Key", key)
                        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() >= 500) {
                    continue; // the outcome is unknown (a lost connection to the database): send it again
                }
                if (response.statusCode() < 300) {
                    acknowledged.putIfAbsent(key + " " + method + " " + path,
                            new Acknowledged(method, path, key, body, response.statusCode(), response.body()));
                }
                return new Answer(response.statusCode(), response.body());
            } catch (IOException noAnswer) {
                // killed or restarting: the same key, again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, "interrupted");
            }
        }
        givenUp.add(method + " " + path + " key " + key);
        return new Answer(0, "given up");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000, 50L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
