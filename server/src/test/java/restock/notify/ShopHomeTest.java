package restock.notify;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where "back to the shop" on a customer page, and a mail's shop link, lead. */
class ShopHomeTest {
    /**
     * The customer cancel page of {@code serve --demo} led "back to the shop" to shop.example.com, a site that is not
     * the demo's: without a configured shop the demo leads to its own shop page on this Restock.
     */
    @Test
    void the_demo_without_a_configured_shop_leads_back_to_its_own_shop_page() {
        assertThat(Branding.shopHome(Optional.empty(), true, "http://127.0.0.1:7103/")).isEqualTo("http://127.0.0.1:7103/shop");
        assertThat(Branding.shopHome(Optional.of(" "), true, "https://restock.example.org")).isEqualTo("https://restock.example.org/shop");
    }

    @Test
    void a_configured_shop_is_the_one_led_to_in_the_demo_and_in_production() {
        assertThat(Branding.shopHome(Optional.of("https://gifts.example.co.uk"), true, "http://127.0.0.1:7103"))
                .isEqualTo("https://gifts.example.co.uk");
        assertThat(Branding.shopHome(Optional.of("https://gifts.example.co.uk"), false, "https://restock.example.org"))
                .isEqualTo("https://gifts.example.co.uk");
    }

    /** Product links (feeds, offers, mails) of the demo lead to its own shop page for that product; a configured address wins. */
    @Test
    void the_demos_product_links_lead_to_its_own_shop_page() {
        String placeholder = "https://shop.example.com/products/{sku}";
        assertThat(Branding.shopProductUrl(Optional.empty(), true, "http://127.0.0.1:7103/", placeholder))
                .isEqualTo("http://127.0.0.1:7103/shop?sku={sku}");
        assertThat(Branding.shopProductUrl(Optional.of(" "), false, "https://restock.example.org", placeholder)).isEqualTo(placeholder);
        assertThat(Branding.shopProductUrl(Optional.of("https://gifts.example.co.uk/p/{sku}"), true, "http://127.0.0.1:7103", placeholder))
                .isEqualTo("https://gifts.example.co.uk/p/{sku}");
    }
}
