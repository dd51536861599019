package restock.promise;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the Google Merchant Center spec that applies to the fields Restock writes. */
class MerchantFeedRulesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    private static final Set<String> AVAILABILITY_VALUES = Set.of("in_stock", "out_of_stock", "preorder", "backorder");
    private static final Pattern ISO_8601_WITH_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(Z|[+-]\\d{4}|[+-]\\d{2}:\\d{2})");
    private static final Pattern PRICE = Pattern.compile("\\d+(\\.\\d+)? [A-Z]{3}");

    private static Availability status(AvailabilityStatus status, LocalDate etaTo) {
        Optional<Promise> eta = etaTo == null ? Optional.empty() : Optional.of(new Promise(etaTo.minusDays(3), etaTo, 0.9, 1));
        return new Availability(status, 0, eta, Optional.empty(), "");
    }

    private static List<Map<String, String>> rows() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(MerchantFeed.row(new MerchantFeed.Item("85123A", "White Hanging Heart T-Light Holder", 295, "GBP",
                "https://shop.example.com/p/85123A", status(AvailabilityStatus.IN_STOCK, null)), TODAY));
        rows.add(MerchantFeed.row(new MerchantFeed.Item("22423", "Regency Cakestand 3 Tier, \"large\"", 1275, "GBP",
                "https://shop.example.com/p/22423", status(AvailabilityStatus.BACKORDER, TODAY.plusDays(12))), TODAY));
        rows.add(MerchantFeed.row(new MerchantFeed.Item("NEW-1", "T".repeat(400), 1000, "JPY",
                "https://shop.example.com/p/NEW-1", status(AvailabilityStatus.PREORDER, TODAY.plusDays(40))), TODAY));
        rows.add(MerchantFeed.row(new MerchantFeed.Item("FAR-1", "Far away", 100, "EUR",
                "https://shop.example.com/p/FAR-1", status(AvailabilityStatus.BACKORDER, TODAY.plusYears(1).plusDays(1))), TODAY));
        rows.add(MerchantFeed.row(new MerchantFeed.Item("X".repeat(64), "Gone <for> good & all", 5, "USD",
                "https://shop.example.com/p/X", status(AvailabilityStatus.DISCONTINUED, null)), TODAY));
        return rows;
    }

    @Test
    void every_row_follows_the_spec_for_the_fields_it_holds() {
        for (Map<String, String> row : rows()) {
            assertThat(row.get("id")).isNotBlank().hasSizeLessThanOrEqualTo(MerchantFeed.MAX_ID_LENGTH);
            assertThat(row.get("title")).isNotBlank().hasSizeLessThanOrEqualTo(MerchantFeed.MAX_TITLE_LENGTH);
            assertThat(row.get("description")).isNotBlank().hasSizeLessThanOrEqualTo(MerchantFeed.MAX_DESCRIPTION_LENGTH);
            assertThat(row.get("link")).startsWith("https://");
            assertThat(row.get("price")).matches(PRICE);
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
        }
    }

    @Test
    void maps_statuses_and_formats_prices_per_currency() {
        List<Map<String, String>> rows = rows();
        assertThat(rows).extracting(r -> r.get("availability"))
                .containsExactly("in_stock", "backorder", "preorder", "out_of_stock", "out_of_stock");
        assertThat(rows).extracting(r -> r.get("price")).containsExactly("2.95 GBP", "12.75 GBP", "1000 JPY", "1.00 EUR", "0.05 USD");
        assertThat(rows.get(1).get("availability_date")).isEqualTo(TODAY.plusDays(12) + "T00:00+0000");
    }

    @Test
    void tsv_and_csv_keep_one_record_per_line_with_the_header_columns() {
        String tsv = MerchantFeed.delimited(rows(), '\t');
        List<String> lines = tsv.lines().toList();
        assertThat(lines.get(0).split("\t", -1)).containsExactlyElementsOf(MerchantFeed.COLUMNS);
        assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(MerchantFeed.COLUMNS.size()));
        String csv = MerchantFeed.delimited(rows(), ',');
        assertThat(csv.lines()).hasSize(6);
        assertThat(csv).contains("\"Regency Cakestand 3 Tier, \"\"large\"\"\"");
    }

    @Test
    void xml_is_rss_2_with_the_google_namespace_and_escaped_values() throws Exception {
        String xml = MerchantFeed.xml(rows(), "https://shop.example.com/");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(document.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = document.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(5);
        NodeList availability = document.getElementsByTagNameNS("http://base.google.com/ns/1.0", "availability");
        assertThat(availability.getLength()).isEqualTo(5);
        Element title = (Element) document.getElementsByTagNameNS("http://base.google.com/ns/1.0", "title").item(4);
        assertThat(title.getTextContent()).isEqualTo("Gone <for> good & all");
    }
}
