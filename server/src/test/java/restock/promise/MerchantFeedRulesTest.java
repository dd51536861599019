package restock.promise;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Listing;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed validator: every rule of Google's product data specification that applies to the attributes Restock
 * writes, held over a catalog with the awkward cases (long names, quotes, control characters, far-off promises,
 * free and discontinued products, products with and without identifiers).
 */
class MerchantFeedRulesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    private static final Set<String> AVAILABILITY_VALUES = Set.of("in_stock", "out_of_stock", "preorder", "backorder");
    private static final Set<String> REQUIRED = Set.of("id", "title", "description", "link", "image_link", "price", "availability");
    private static final Pattern ISO_8601_WITH_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(Z|[+-]\\d{4}|[+-]\\d{2}:\\d{2})");
    private static final Pattern PRICE = Pattern.compile("\\d+(\\.\\d+)? [A-Z]{3}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");

    private static Availability status(AvailabilityStatus status, LocalDate etaTo) {
        Optional<Promise> eta = etaTo == null ? Optional.empty() : Optional.of(new Promise(etaTo.minusDays(3), etaTo, 0.9, Optional.of(1L)));
        return new Availability(status, 0, eta, Optional.empty(), "");
    }

    private static MerchantFeed.Item item(String sku, String name, long priceMinor, String currency, Listing listing, Availability availability) {
        Product product = new Product(Sku.of(sku), name, new Money(priceMinor, currency), BackorderPolicy.parse(null, null),
                Lifecycle.ACTIVE, listing);
        return new MerchantFeed.Item(product, "https://shop.example.com/p/" + sku,
                listing.imageUrl().orElse("https://shop.example.com/i/" + sku + ".jpg"), availability);
    }

    private static List<MerchantFeed.Item> items() {
        return List.of(
                item("85123A", "White Hanging Heart T-Light Holder", 295, "GBP", Listing.of(null, "Regency", "5012345678900", null),
                        status(AvailabilityStatus.IN_STOCK, null)),
                item("22423", "Regency Cakestand 3 Tier, \"large\"", 1275, "GBP", Listing.of(null, "Regency", null, "RC-3"),
                        status(AvailabilityStatus.BACKORDER, TODAY.plusDays(12))),
                item("NEW-1", "T".repeat(200), 1000, "JPY", Listing.of("https://cdn.example.com/new-1.png", null, null, null),
                        status(AvailabilityStatus.PREORDER, TODAY.plusDays(40))),
                item("FAR-1", "Far away", 100, "EUR", Listing.NONE, status(AvailabilityStatus.BACKORDER, TODAY.plusYears(1).plusDays(1))),
                item("VT-1", "Non\uFFFEcharacters \uFFFFhere", 500, "GBP", Listing.NONE, status(AvailabilityStatus.OUT_OF_STOCK, null)),
                item("FREE-1", "A free sample", 0, "GBP", Listing.NONE, status(AvailabilityStatus.IN_STOCK, null)),
                item("GONE-1", "Gone <for> good & all", 5, "USD", Listing.NONE, status(AvailabilityStatus.DISCONTINUED, null)),
                item("L".repeat(51), "Stored before SKUs were limited", 5, "USD", Listing.NONE, status(AvailabilityStatus.IN_STOCK, null)));
    }

    private static List<Map<String, String>> rows() {
        List<Map<String, String>> rows = new ArrayList<>();
        items().forEach(item -> MerchantFeed.row(item, TODAY).ifPresent(rows::add));
        return rows;
    }

    @Test
    void every_row_follows_the_spec_for_the_fields_it_holds() {
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : rows()) {
            assertThat(row.keySet()).containsAll(REQUIRED);
            assertThat(MerchantFeed.COLUMNS).containsAll(row.keySet());
            assertThat(row.get("id")).isNotBlank().hasSizeLessThanOrEqualTo(MerchantFeed.MAX_ID_LENGTH);
            assertThat(ids.add(row.get("id"))).as("ids are unique: %s", row.get("id")).isTrue();
            assertThat(row.get("title")).isNotBlank().hasSizeLessThanOrEqualTo(MerchantFeed.MAX_TITLE_LENGTH);
            assertThat(row.get("description")).isNotBlank().hasSizeLessThanOrEqualTo(MerchantFeed.MAX_DESCRIPTION_LENGTH);
            assertThat(row.get("link")).matches(URL);
            assertThat(row.get("image_link")).matches(URL).hasSizeLessThanOrEqualTo(2000);
            assertThat(row.get("price")).matches(PRICE).doesNotStartWith("0 ").doesNotStartWith("0.00 ");
            assertThat(row.get("condition")).isEqualTo("new");
            assertThat(AVAILABILITY_VALUES).contains(row.get("availability"));
            boolean needsDate = row.get("availability").equals("backorder") || row.get("availability").equals("preorder");
            assertThat(row.containsKey("availability_date")).as("availability_date iff backorder or preorder: %s", row).isEqualTo(needsDate);
            if (needsDate) {
                String date = row.get("availability_date");
                assertThat(date).matches(ISO_8601_WITH_OFFSET).hasSizeLessThanOrEqualTo(MerchantFeed.MAX_AVAILABILITY_DATE_LENGTH);
                OffsetDateTime when = OffsetDateTime.parse(date, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxx"));
                assertThat(when.toLocalDate()).isAfterOrEqualTo(TODAY).isBeforeOrEqualTo(TODAY.plusYears(1));
            }
            boolean hasIdentifiers = row.containsKey("gtin") || (row.containsKey("brand") && row.containsKey("mpn"));
            assertThat(row.get("identifier_exists")).as("identifier_exists 'no' iff no GTIN and no brand with an MPN: %s", row)
                    .isEqualTo(hasIdentifiers ? null : "no");
            row.values().forEach(value -> assertThat(value.codePoints().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
                    .as("no control characters in %s", row).isEmpty());
        }
    }

    @Test
    void leaves_out_free_discontinued_and_over_long_items_and_never_cuts_an_id() {
        assertThat(rows()).extracting(r -> r.get("id")).containsExactly("85123A", "22423", "NEW-1", "FAR-1", "VT-1");
    }

    @Test
    void maps_statuses_identifiers_pictures_and_prices_per_currency() {
        List<Map<String, String>> rows = rows();
        assertThat(rows).extracting(r -> r.get("availability")).containsExactly("in_stock", "backorder", "preorder", "out_of_stock", "out_of_stock");
        assertThat(rows).extracting(r -> r.get("price")).containsExactly("2.95 GBP", "12.75 GBP", "1000 JPY", "1.00 EUR", "5.00 GBP");
        assertThat(rows.get(1).get("availability_date")).isEqualTo(TODAY.plusDays(12) + "T00:00+0000");
        assertThat(rows.get(0)).containsEntry("gtin", "5012345678900").containsEntry("brand", "Regency").doesNotContainKey("identifier_exists");
        assertThat(rows.get(1)).containsEntry("mpn", "RC-3").doesNotContainKey("identifier_exists");
        assertThat(rows.get(2)).containsEntry("image_link", "https://cdn.example.com/new-1.png").containsEntry("identifier_exists", "no");
        assertThat(rows.get(3)).containsEntry("image_link", "https://shop.example.com/i/FAR-1.jpg");
        assertThat(rows.get(4).get("title")).isEqualTo("Noncharacters here");
    }

    @Test
    void tsv_and_csv_keep_one_record_per_line_with_the_header_columns() throws Exception {
        String tsv = MerchantFeed.delimited(rows(), '\t');
        List<String> lines = tsv.lines().toList();
        assertThat(lines.get(0).split("\t", -1)).containsExactlyElementsOf(MerchantFeed.COLUMNS);
        assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(MerchantFeed.COLUMNS.size()));
        String csv = MerchantFeed.delimited(rows(), ',');
        assertThat(csv.lines()).hasSize(6);
        assertThat(csv).contains("\"Regency Cakestand 3 Tier, \"\"large\"\"\"");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(5);
        assertThat(records.get(1).get("title")).isEqualTo("Regency Cakestand 3 Tier, \"large\"");
    }

    @Test
    void xml_is_well_formed_rss_2_with_the_google_namespace_and_escaped_values() throws Exception {
        String xml = MerchantFeed.xml(rows(), "https://shop.example.com/");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(document.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = document.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(5);
        assertThat(document.getElementsByTagNameNS(MerchantFeed.GOOGLE_NAMESPACE, "availability").getLength()).isEqualTo(5);
        assertThat(document.getElementsByTagNameNS(MerchantFeed.GOOGLE_NAMESPACE, "image_link").getLength()).isEqualTo(5);
        Element title = (Element) document.getElementsByTagNameNS(MerchantFeed.GOOGLE_NAMESPACE, "title").item(1);
        assertThat(title.getTextContent()).isEqualTo("Regency Cakestand 3 Tier, \"large\"");
    }

    @Test
    void a_stored_name_with_a_noncharacter_or_markup_still_makes_well_formed_xml() throws Exception {
        // Control characters cannot be in a name (Product, V59); XML's noncharacters can, and markup.
        Map<String, String> row = MerchantFeed.row(item("VT-2", "Gone <for> good & all\uFFFE", 5, "USD", Listing.NONE,
                status(AvailabilityStatus.IN_STOCK, null)), TODAY).orElseThrow();
        String xml = MerchantFeed.xml(List.of(row), "https://shop.example.com/?a=1&b=2");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagNameNS(MerchantFeed.GOOGLE_NAMESPACE, "title").item(0).getTextContent())
                .isEqualTo("Gone <for> good & all");
    }

    @Test
    void a_preorder_a_year_out_is_out_of_stock_in_both_the_feed_and_the_offer() {
        Availability farPreorder = status(AvailabilityStatus.PREORDER, TODAY.plusYears(1).plusDays(30));
        MerchantFeed.Item far = item("PRE-1", "Next year's model", 4_999, "GBP", Listing.NONE, farPreorder);
        Map<String, Object> offer = Offer.jsonLd(far.product(), far.link(), far.imageLink(), farPreorder, TODAY);
        assertThat(MerchantFeed.row(far, TODAY).orElseThrow()).containsEntry("availability", "out_of_stock").doesNotContainKey("availability_date");
        assertThat(offer.get("offers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("availability", "https://schema.org/OutOfStock").doesNotContainKey("availabilityStarts");

        Availability nearPreorder = status(AvailabilityStatus.PREORDER, TODAY.plusDays(30));
        Map<String, Object> nearOffer = Offer.jsonLd(far.product(), far.link(), far.imageLink(), nearPreorder, TODAY);
        assertThat(MerchantFeed.row(item("PRE-1", "Next year's model", 4_999, "GBP", Listing.NONE, nearPreorder), TODAY).orElseThrow())
                .containsEntry("availability", "preorder").containsEntry("availability_date", TODAY.plusDays(30) + "T00:00+0000");
        assertThat(nearOffer.get("offers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("availability", "https://schema.org/PreOrder").containsEntry("availabilityStarts", TODAY.plusDays(30).toString());
    }

    @Test
    void the_offer_is_a_schema_org_product_with_an_offer() {
        MerchantFeed.Item first = items().get(0);
        Map<String, Object> jsonLd = Offer.jsonLd(first.product(), first.link(), first.imageLink(), first.availability(), TODAY);
        assertThat(jsonLd).containsEntry("@context", "https://schema.org").containsEntry("@type", "Product")
                .containsEntry("sku", "85123A").containsEntry("image", first.imageLink()).containsEntry("gtin", "5012345678900")
                .containsEntry("brand", Map.of("@type", "Brand", "name", "Regency"));
        assertThat(jsonLd.get("offers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("@type", "Offer").containsEntry("price", "2.95").containsEntry("priceCurrency", "GBP")
                .containsEntry("availability", "https://schema.org/InStock");
    }
}
