package restock.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import restock.orders.OrderEventKind;
import restock.service.BusinessFigures;
import restock.service.Restock;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What /metrics shows, through Micrometer's Prometheus registry: request latency per route (histograms), the JVM
 * (memory, GC, threads, classes, CPU, uptime), the database pool (bound by the caller that owns it) and the
 * business (order events by kind, units waiting, payments by state, outbox depth and age, promises kept). Every
 * meter has a description, so every family has its HELP line.
 */
final class Metrics {
    private static final String START = "restock.metrics.startNanos";
    /** Requests no route matched share one label, so random paths cannot add series without end. */
    static final String UNMATCHED_ROUTE = "unmatched";
    private static final List<String> PAYMENT_STATES = List.of("awaiting_authorization", "awaiting_fill", "authorized", "captured",
            "voided", "refunded", "failed");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Held here: Micrometer keeps only weak references to what gauges read, and would read NaN once it is collected. */
    private final BusinessFigures figures;

    Metrics(Restock restock) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.figures = new BusinessFigures(restock, restock.clock());
        bindBusiness(figures);
    }

    MeterRegistry registry() {
        return registry;
    }

    private void bindBusiness(BusinessFigures figures) {
        for (OrderEventKind kind : OrderEventKind.values()) {
            FunctionCounter.builder("restock.order.events", figures, f -> f.current().orderEventsByKind().getOrDefault(kind.code(), 0L))
                    .description("Order line events by kind (placed, reserved, backordered, refused, filled, shipped, cancelled, promise_changed)")
                    .tag("kind", kind.code()).register(registry);
        }
        for (String state : PAYMENT_STATES) {
            Gauge.builder("restock.payments", figures, f -> f.current().paymentsByState().getOrDefault(state, 0L))
                    .description("Line payments by state now").tag("state", state).register(registry);
        }
        Gauge.builder("restock.units.waiting", figures, f -> f.current().unitsWaiting())
                .description("Units on order lines waiting for stock (backordered or pre-ordered) now").register(registry);
        Gauge.builder("restock.outbox.pending", figures, f -> f.current().outboxPending())
                .description("Messages (mails and webhooks) not yet delivered").register(registry);
        Gauge.builder("restock.outbox.oldest.pending", figures, f -> f.current().outboxOldestPendingSeconds())
                .description("Age of the oldest undelivered message, 0 when none").baseUnit("seconds").register(registry);
        Gauge.builder("restock.promises.kept.ratio", figures, f -> f.current().promisesKeptShare())
                .description("Share of resolved first delivery promises kept by their date (NaN before any resolved)").register(registry);
    }

    /** Before every request: when it started. */
    void start(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    /** After every request: its latency by method, route template and status, and the request count. */
    void record(Context ctx) {
        Long started = ctx.attribute(START);
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? UNMATCHED_ROUTE : endpoint.path;
        String status = Integer.toString(ctx.statusCode());
        Counter.builder("restock.http.requests").description("HTTP requests answered, by method and status")
                .tag("method", ctx.method().name()).tag("status", status).register(registry).increment();
        if (started != null) {
            Timer.builder("restock.http.server.requests").description("HTTP request latency by method, route template and status")
                    .tag("method", ctx.method().name()).tag("route", route).tag("status", status)
                    .publishPercentileHistogram().register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    String scrape() {
        return registry.scrape();
    }
}
