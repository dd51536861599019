package restock.promise;

import restock.common.Html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Google Merchant Center product feed, following the spec's rules for the fields Restock knows: id (at most 50
 * characters), title (at most 150), description (at most 5,000), link, price ("12.75 GBP"), condition, availability
 * (in_stock, out_of_stock, preorder, backorder) and availability_date (ISO 8601 with time and offset, at most 25
 * characters, required for preorder and backorder, at most a year ahead). A promise further out than a year is
 * no promise a shopper can use: the item is listed out_of_stock instead.
 */
public final class MerchantFeed {
    public static final int MAX_ID_LENGTH = 50;
    public static final int MAX_TITLE_LENGTH = 150;
    public static final int MAX_DESCRIPTION_LENGTH = 5_000;
    public static final int MAX_AVAILABILITY_DATE_LENGTH = 25;
    public static final List<String> COLUMNS = List.of("id", "title", "description", "link", "price", "condition",
            "availability", "availability_date");

    private MerchantFeed() {
    }

    /** What the feed needs of a product. */
    public record Item(String sku, String title, long priceMinor, String currency, String link, Availability availability) {
    }

    /** One feed row: attribute name to value, in {@link #COLUMNS} order; absent attributes are left out. */
    public static Map<String, String> row(Item item, LocalDate today) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", truncate(item.sku(), MAX_ID_LENGTH));
        row.put("title", truncate(item.title(), MAX_TITLE_LENGTH));
        row.put("description", truncate(item.title(), MAX_DESCRIPTION_LENGTH));
        row.put("link", item.link());
        row.put("price", price(item.priceMinor(), item.currency()));
        row.put("condition", "new");
        Optional<LocalDate> date = item.availability().eta().map(Promise::to).filter(to -> !to.isAfter(today.plusYears(1)));
        String availability = switch (item.availability().status()) {
            case IN_STOCK -> "in_stock";
            case BACKORDER -> date.isPresent() ? "backorder" : "out_of_stock";
            case PREORDER -> date.isPresent() ? "preorder" : "out_of_stock";
            case OUT_OF_STOCK, DISCONTINUED -> "out_of_stock";
        };
        row.put("availability", availability);
        if (availability.equals("backorder") || availability.equals("preorder")) {
            row.put("availability_date", date.orElseThrow() + "T00:00+0000");
        }
        return row;
    }

    /** "12.75 GBP": the amount in major units with the currency's decimals, a space, the ISO 4217 code. */
    public static String price(long priceMinor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(priceMinor, digits).toPlainString() + " " + currency;
    }

    public static String delimited(List<Map<String, String>> rows, char separator) {
        StringBuilder out = new StringBuilder(String.join(String.valueOf(separator), COLUMNS)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : COLUMNS) {
                cells.add(cell(row.getOrDefault(column, ""), separator));
            }
            out.append(String.join(String.valueOf(separator), cells)).append('\n');
        }
        return out.toString();
    }

    public static String xml(List<Map<String, String>> rows, String shopUrl) {
        StringBuilder out = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
                <channel>
                <title>Restock product feed</title>
                """);
        out.append("<link>").append(Html.escape(shopUrl)).append("</link>\n");
        out.append("<description>Products with honest availability</description>\n");
        for (Map<String, String> row : rows) {
            out.append("<item>\n");
            row.forEach((name, value) -> out.append("  <g:").append(name).append('>').append(Html.escape(value))
                    .append("</g:").append(name).append(">\n"));
            out.append("</item>\n");
        }
        return out.append("</channel>\n</rss>\n").toString();
    }

    private static String cell(String value, char separator) {
        String flat = value.replace('\n', ' ').replace('\r', ' ');
        if (separator == '\t') {
            return flat.replace('\t', ' ');
        }
        return flat.contains(",") || flat.contains("\"") ? '"' + flat.replace("\"", "\"\"") + '"' : flat;
    }


    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
