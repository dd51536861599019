package restock.common;

/** Escapes text for HTML and XML content and attribute values. */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
