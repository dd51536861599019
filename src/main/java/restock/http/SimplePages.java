package restock.http;

/** Tiny pages for customers following links from emails. */
final class SimplePages {
    private SimplePages() {
    }

    static String page(String title, String text) {
        return frame(title, "<p>" + escape(text) + "</p>");
    }

    static String form(String title, String question, String action, String button) {
        return frame(title, "<p>" + escape(question) + "</p><form method=\"post\" action=\"" + escape(action) + "\"><button type=\"submit\">"
                + escape(button) + "</button></form>");
    }

    private static String frame(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                + escape(title) + "</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto}</style></head><body><h1>"
                + escape(title) + "</h1>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
