package restock.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * What the form fuzzer types: a plausible value for a field, read from its name and type as a person would fill it
 * (so a request gets past the first check and reaches the code behind it), and hostile values of every kind. Values
 * are kept percent-encoded, as they go on the wire, so a value can be bytes no browser would send (%00, %ZZ, a lone
 * surrogate's UTF-8).
 */
final class FormValues {
    /** The script an injected value carries; a page that shows it unescaped would run it. */
    static final String SCRIPT_MARK = "fuzzXss()";
    static final int LONG_TEXT_CHARS = 10_001;

    /** Typed values: kinds of trouble a person, a paste or a script sends through a form field. */
    static final List<String> HOSTILE = List.of(
            "", " ", "\u0000", "a\u0000b", "\u0001\u0007\u001b[31m", "line\r\nbreak", "\t", "x".repeat(LONG_TEXT_CHARS),
            "9".repeat(LONG_TEXT_CHARS), "\u202Eevil\u202C", "🦆😀👩‍👩‍👧", "e\u0301\u0301\u0301\u0301", "\uFEFFbom", "\u00A0", "ΑΒΓ日本",
            "<script>" + SCRIPT_MARK + "</script>", "\"><svg onload=" + SCRIPT_MARK + ">", "' onmouseover='" + SCRIPT_MARK,
            "javascript:" + SCRIPT_MARK, "'; drop table orders; --", "1' OR '1'='1", "%s%n%x", "${7*7}", "../../etc/passwd",
            "-1", "0", "-0", "00", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999",
            "1e309", "1.5", "1,5", "1e3", "-1e-3", "0x10", "NaN", "Infinity", "+5", " 5 ", "١٢", "５",
            "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "-999999999-01-01", "+999999999-12-31", "2026-02-30",
            "2026-13-01", "2026-1-1", "31/12/2026", "2026-12-31T23:59:59Z", "today", "null", "true", "[]", "{}",
            "999999999", "-999999999", "GBP", "XXX", "gbp", "€", "not-an-email", "a@b", "@example.com", "ann@example.com\r\nBcc: x@y.z");
    /** Bytes on the wire no form would send: a NUL, an escape that is not one, bytes that are not UTF-8. */
    static final List<String> RAW = List.of("%00", "%ZZ", "%", "%2", "%FF%FE", "%ED%A0%80", "%C0%AF", "a%00", "%E2%80%AE");
    /** What replaces an id, a SKU or a token in an address. */
    static final List<String> SEGMENTS = List.of("%00", "%ZZ", "x".repeat(5_000), "999999999", "-1", "0", "99999999999999999999",
            "1.5", "%F0%9F%A6%86", "%20", "a%2Fb", "%2e%2e", "1e3", "%3Cscript%3E" + SCRIPT_MARK + "%3C%2Fscript%3E", "NOPE-404", "null");

    private FormValues() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A hostile value, encoded: mostly typed ones, some raw bytes. */
    static String hostile(Random random) {
        return random.nextInt(6) == 0 ? RAW.get(random.nextInt(RAW.size())) : encode(HOSTILE.get(random.nextInt(HOSTILE.size())));
    }

    /**
     * A value a person would send in the field (encoded): the page's own value for a hidden field, an option of a
     * select, and for a typed field one that fits its name (a SKU the shop sells, a date ahead, a small number).
     */
    static String plausible(HtmlForms.Field field, List<String> skus, boolean newSku, long unique, Random random) {
        String name = field.name();
        List<String> values = field.values();
        if (field.type().equals("select")) {
            return values.isEmpty() ? "" : encode(values.get(random.nextInt(values.size())));
        }
        if (field.type().equals("hidden") || field.type().equals("checkbox") || field.type().equals("radio")
                || field.type().equals("button") || field.type().equals("submit")) {
            return encode(values.get(0));
        }
        if (!values.get(0).isEmpty() && random.nextInt(3) > 0) {
            return encode(values.get(0));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String typed = switch (field.type()) {
            case "number" -> Integer.toString(1 + random.nextInt(5));
            case "date" -> today.plusDays(3 + random.nextInt(60)).toString();
            case "email" -> "fuzz+" + unique + "@example.com";
            default -> byName(name, skus, newSku, unique, today, random);
        };
        return encode(typed);
    }

    private static String byName(String name, List<String> skus, boolean newSku, long unique, LocalDate today, Random random) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("sku")) {
            // A purchase order's lines leave some rows blank, as a person does.
            return newSku ? "FZ-" + unique : random.nextInt(3) == 0 ? "" : skus.get(random.nextInt(skus.size()));
        }
        if (lower.contains("email")) {
            return "fuzz+" + unique + "@example.com";
        }
        if (lower.contains("quantity") || lower.contains("received") || lower.contains("counted") || lower.contains("cap")
                || lower.contains("days") || lower.contains("size") || lower.contains("minimum") || lower.equals("priority")) {
            return Integer.toString(1 + random.nextInt(5));
        }
        if (lower.contains("price")) {
            return (1 + random.nextInt(30)) + ".50";
        }
        if (lower.equals("currency")) {
            return "GBP";
        }
        if (lower.contains("date") || lower.equals("expected")) {
            return today.plusDays(3 + random.nextInt(60)).toString();
        }
        if (lower.contains("phone")) {
            return "+44 20 7946 0" + (100 + random.nextInt(800));
        }
        return "Fuzz " + name + " " + unique;
    }
}
