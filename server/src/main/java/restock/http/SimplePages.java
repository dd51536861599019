package restock.http;

import restock.common.Html;

/** Tiny pages for customers following links from emails. */
final class SimplePages {
    /** The pages' only inline style; its hash is allowed by the Content-Security-Policy (SecurityHeaders). */
    static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto}";

    private SimplePages() {
    }

    static String page(String title, String text) {
        return frame(title, "<p>" + Html.escape(text) + "</p>");
    }

    static String form(String title, String question, String action, String button) {
        return frame(title, "<p>" + Html.escape(question) + "</p><form method=\"post\" action=\"" + Html.escape(action) + "\"><button type=\"submit\">"
                + Html.escape(button) + "</button></form>");
    }

    private static String frame(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                + Html.escape(title) + "</title><style>" + STYLE + "</style></head><body><h1>"
                + Html.escape(title) + "</h1>" + body + "</body></html>";
    }

}
