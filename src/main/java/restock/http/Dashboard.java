package restock.http;

/** A first page for people who open Restock in a browser: where the API is and how to call it. */
final class Dashboard {
    private Dashboard() {
    }

    static String page() {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Restock</title>
                <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}
                code{background:#f3f3f3;padding:0 .3em}</style></head>
                <body><h1>Restock</h1>
                <p>Backorder-aware orders and inventory. The API lives under <code>/api</code>; every call needs
                <code>Authorization: Bearer &lt;key&gt;</code> (the key is printed when Restock starts).</p>
                <ul>
                <li><a href="/api/openapi.yaml">API description (OpenAPI)</a></li>
                <li><a href="/metrics">Metrics (Prometheus)</a></li>
                <li><a href="/health">Health</a></li>
                </ul>
                <p>Try: <code>curl -H "Authorization: Bearer $KEY" http://HOST/api/stock/85123A</code></p>
                </body></html>
                """;
    }
}
