package restock.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms and addresses of a page, read from its HTML as a browser would submit them: each form's method, action and
 * fields (inputs with their type and value, selects with their options, textareas, named buttons), and every address of
 * this site the page names (links, form actions, htmx and data attributes). Regular expressions are enough for pages
 * our own templates wrote.
 */
final class HtmlForms {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>([^<]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z][\\w:-]*)(?:=\"([^\"]*)\")?");
    private static final Pattern HTMX_POST = Pattern.compile("hx-post=\"([^\"]+)\"");
    private static final Pattern ADDRESS = Pattern.compile("\"(/(?:console|shop|cancel|waitlist|offers)(?:[/?#][^\"]*)?)\"");

    /** A field as the form sends it; {@code values} are a select's options, or the one value an input carries. */
    record Field(String name, String type, List<String> values) {
    }

    /** A form: where it goes, how, and its fields in page order (a name may repeat, as a purchase order's lines do). */
    record Form(String method, String action, List<Field> fields) {
        boolean sends(String name) {
            return fields.stream().anyMatch(f -> f.name().equals(name));
        }
    }

    private HtmlForms() {
    }

    static List<Form> forms(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            // A browser sends a form without its action's fragment (the shop's check goes to /shop#product-...).
            String action = attributes.getOrDefault("action", "").replaceAll("#.*", "");
            if (action.startsWith("/")) {
                forms.add(new Form(attributes.getOrDefault("method", "get").toUpperCase(java.util.Locale.ROOT), action, fields(form.group(2))));
            }
        }
        // A button that htmx sends (the backorder queue's cancel) carries no fields: the token goes as a header from the page.
        Matcher htmx = HTMX_POST.matcher(html);
        while (htmx.find()) {
            forms.add(new Form("POST", unescape(htmx.group(1)), List.of()));
        }
        return forms;
    }

    /** Every address of this site the page names, without its fragment. */
    static Set<String> addresses(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher address = ADDRESS.matcher(html);
        while (address.find()) {
            String path = unescape(address.group(1)).replaceAll("#.*", "");
            if (!path.startsWith("/console/static") && !path.matches(".*\\.(css|js|svg|png|ico)(\\?.*)?")) {
                found.add(path);
            }
        }
        return found;
    }

    private static List<Field> fields(String body) {
        List<Field> fields = new ArrayList<>();
        Matcher input = INPUT.matcher(body);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(2));
            String name = attributes.get("name");
            if (name != null) {
                String type = input.group(1).equalsIgnoreCase("button") ? "button" : attributes.getOrDefault("type", "text").toLowerCase(java.util.Locale.ROOT);
                fields.add(new Field(name, type, List.of(attributes.getOrDefault("value", ""))));
            }
        }
        Matcher select = SELECT.matcher(body);
        while (select.find()) {
            String name = attributes(select.group(1)).get("name");
            List<String> options = new ArrayList<>();
            Matcher option = OPTION.matcher(select.group(2));
            while (option.find()) {
                Map<String, String> attributes = attributes(option.group(1));
                options.add(attributes.containsKey("value") ? attributes.get("value") : unescape(option.group(2).strip()));
            }
            if (name != null) {
                fields.add(new Field(name, "select", options));
            }
        }
        Matcher textarea = TEXTAREA.matcher(body);
        while (textarea.find()) {
            String name = attributes(textarea.group(1)).get("name");
            if (name != null) {
                fields.add(new Field(name, "textarea", List.of(unescape(textarea.group(2)))));
            }
        }
        return fields;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            attributes.put(attribute.group(1).toLowerCase(java.util.Locale.ROOT), attribute.group(2) == null ? "" : unescape(attribute.group(2)));
        }
        return attributes;
    }

    static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
