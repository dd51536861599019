package restock.promise;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import restock.catalog.Product;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Google Merchant Center product feed, following the product data specification for the fields Restock knows:
 * id (at most 50 characters, never cut: longer SKUs are refused at entry), title (at most 150), description (at
 * most 5,000), link, image_link, price ("12.75 GBP", never 0), condition, availability and availability_date (as
 * {@link ListedAvailability} states them), brand, gtin, mpn, and identifier_exists "no" when there are none.
 * Items that cannot be sold (discontinued with nothing left) or have no price are left out. XML is written with
 * StAX, TSV and CSV with Commons CSV; characters XML cannot carry are dropped on the way out.
 */
public final class MerchantFeed {
    public static final int MAX_ID_LENGTH = restock.catalog.Sku.MAX_NEW_LENGTH;
    public static final int MAX_TITLE_LENGTH = 150;
    public static final int MAX_DESCRIPTION_LENGTH = 5_000;
    public static final int MAX_AVAILABILITY_DATE_LENGTH = 25;
    public static final String GOOGLE_NAMESPACE = "http://base.google.com/ns/1.0";
    public static final List<String> COLUMNS = List.of("id", "title", "description", "link", "image_link", "price", "condition",
            "availability", "availability_date", "brand", "gtin", "mpn", "identifier_exists");

    private MerchantFeed() {
    }

    /** What the feed needs of a product: the product, its page, its picture, and the availability answer for one unit. */
    public record Item(Product product, String link, String imageLink, Availability availability) {
    }

    /**
     * The item's feed row (attribute name to value, in {@link #COLUMNS} order, absent attributes left out), or
     * nothing when the item does not belong in a feed: no price, a SKU a feed would cut, or nothing left to sell.
     */
    public static Optional<Map<String, String>> row(Item item, LocalDate today) {
        Product product = item.product();
        ListedAvailability listed = ListedAvailability.of(item.availability(), today);
        if (product.price().amountMinor() == 0 || !product.sku().listable() || listed.kind() == ListedAvailability.Kind.DISCONTINUED) {
            return Optional.empty();
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", product.sku().code());
        row.put("title", shorten(printable(product.name()), MAX_TITLE_LENGTH));
        row.put("description", shorten(printable(product.name()), MAX_DESCRIPTION_LENGTH));
        row.put("link", item.link());
        row.put("image_link", item.imageLink());
        row.put("price", price(product.price().amountMinor(), product.price().currency()));
        row.put("condition", "new");
        row.put("availability", listed.kind().merchantValue());
        listed.date().ifPresent(date -> row.put("availability_date", date + "T00:00+0000"));
        product.listing().brand().ifPresent(brand -> row.put("brand", printable(brand)));
        product.listing().gtin().ifPresent(gtin -> row.put("gtin", gtin));
        product.listing().mpn().ifPresent(mpn -> row.put("mpn", printable(mpn)));
        if (!product.listing().identifiersExist()) {
            row.put("identifier_exists", "no");
        }
        return Optional.of(row);
    }

    /** "12.75 GBP": the amount in major units with the currency's decimals, a space, the ISO 4217 code. */
    public static String price(long priceMinor, String currency) {
        return amount(priceMinor, currency) + " " + currency;
    }

    /** "12.75": the amount in major units with the currency's decimals. */
    public static String amount(long priceMinor, String currency) {
        int digits = restock.catalog.Currencies.minorDigits(currency);
        return BigDecimal.valueOf(priceMinor, digits).toPlainString();
    }

    /** Tab- or comma-separated, with a header row of {@link #COLUMNS}, quoted by Commons CSV where a value needs it. */
    public static String delimited(List<Map<String, String>> rows, char separator) {
        CSVFormat format = (separator == '\t' ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
                .setRecordSeparator('\n').setHeader(COLUMNS.toArray(String[]::new)).get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map<String, String> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String column : COLUMNS) {
                    // Merchant Center reads one item per line: line breaks inside a value become spaces.
                    cells.add(row.getOrDefault(column, "").replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** RSS 2.0 with the g: namespace, written by StAX (it escapes; {@link #printable} drops what XML 1.0 cannot hold). */
    public static String xml(List<Map<String, String>> rows, String shopUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("g", GOOGLE_NAMESPACE);
            xml.writeCharacters("\n");
            xml.writeStartElement("channel");
            element(xml, null, "title", "Restock product feed", "\n");
            element(xml, null, "link", shopUrl, "\n");
            element(xml, null, "description", "Products with honest availability", "\n");
            for (Map<String, String> row : rows) {
                xml.writeStartElement("item");
                xml.writeCharacters("\n");
                for (Map.Entry<String, String> attribute : row.entrySet()) {
                    xml.writeCharacters("  ");
                    element(xml, GOOGLE_NAMESPACE, attribute.getKey(), attribute.getValue(), "\n");
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the feed could not be written as XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String namespace, String name, String value, String after) throws XMLStreamException {
        if (namespace == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement("g", name, namespace);
        }
        xml.writeCharacters(printable(value));
        xml.writeEndElement();
        xml.writeCharacters(after);
    }

    /**
     * The text without the characters XML 1.0 cannot hold (controls other than tab, line feed and carriage return;
     * lone surrogates; U+FFFE and U+FFFF). New names are refused with them at entry; this keeps a stored one from
     * making the whole feed ill-formed.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(MerchantFeed::allowedInXml).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
