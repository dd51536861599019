package restock.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.SignedLinks;
import restock.gateways.SmtpSender;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.payments.PaymentPolicy;
import restock.promise.PromiseSettings;
import restock.purchasing.PurchaseOrderRequest;
import restock.service.DeliveryWorker;
import restock.service.NoticeRelay;
import restock.service.Offers;
import restock.service.Restock;
import restock.store.Database;
import restock.store.SqlOffers;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mail that reaches customers and that they can act on: links from the public address, a From with the shop's
 * name, Message-IDs in the sender's domain, links as links, a cancel link in the backorder mail, a mail after a
 * cancellation, one-click unsubscribe headers (RFC 8058), and a plain error for a relay without STARTTLS.
 */
class MailThatReachesTest {
    private static final Branding BRANDING = new Branding("Regency Home", "https://shop.example.com", "#17324d", "orders@regency.example",
            "https://restock.example.com");
    private Database database;
    private GreenMail smtp;
    private Restock restock;
    private NoticeRelay relay;
    private DeliveryWorker worker;
    private SmtpSender email;
    private final Sku sku = Sku.of("22423");

    @BeforeEach
    void start() {
        database = TestDatabases.targets().get(0).freshSchema();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.parse("2026-11-26")), PaymentPolicy.DEFAULT,
                new SignedLinks("mail test secret, long enough....".getBytes(StandardCharsets.UTF_8)));
        relay = new NoticeRelay(restock, BRANDING, "https://shop.example.com/pay?token={token}", clock);
        email = new SmtpSender(new SmtpSender.Settings("127.0.0.1", smtp.getSmtp().getPort(), false, null, null, BRANDING.fromAddress(),
                BRANDING.shopName()));
        worker = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, email), clock, 1);
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Regency Cakestand 3 Tier", new Money(1_275, "GBP"),
                new BackorderPolicy.Always(OptionalInt.empty()))));
        restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Cake Stands Ltd", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-12-20"))))));
    }

    @AfterEach
    void stop() {
        smtp.stop();
        database.close();
    }

    private void settle() {
        for (int i = 0; i < 3; i++) {
            relay.runOnce();
            worker.runOnce();
        }
    }

    private List<MimeMessage> received() {
        return new ArrayList<>(List.of(smtp.getReceivedMessages()));
    }

    @Test
    void the_backorder_mail_links_a_free_cancel_from_the_public_address_and_a_cancellation_is_confirmed() throws Exception {
        Order order = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("ann@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 2)))));
        settle();
        MimeMessage backorder = received().get(0);
        assertThat(backorder.getSubject()).contains("is on backorder");
        assertThat(backorder.getHeader("From")[0]).isEqualTo("Regency Home <orders@regency.example>");
        assertThat(backorder.getHeader("Message-ID")[0]).endsWith("@regency.example>");
        String body = GreenMailUtil.getBody(backorder);
        assertThat(body).contains("https://restock.example.com/cancel/").doesNotContain("127.0.0.1").doesNotContain("localhost");
        assertThat(body).contains("<a href=\"https://restock.example.com/cancel/");

        restock.inTransaction(h -> restock.orders().cancel(h, order.id()));
        settle();
        assertThat(received()).extracting(MimeMessage::getSubject).contains("Cancelled: Regency Cakestand 3 Tier from order " + order.id());
    }

    @Test
    void waitlist_and_offer_mails_carry_one_click_unsubscribe_headers() throws Exception {
        MailTemplates.Rendered backInStock = MailTemplates.render(MailTemplates.sample("waitlist.back_in_stock").orElseThrow(), BRANDING);
        MailTemplates.Rendered offer = MailTemplates.render(MailTemplates.sample("offer.issued").orElseThrow(), BRANDING);
        assertThat(backInStock.listUnsubscribe()).isNotNull();
        assertThat(offer.listUnsubscribe()).isNotNull();
        assertThat(offer.text()).contains("Unsubscribe").contains(offer.listUnsubscribe());
        email.send(new Message(UUID.randomUUID(), Message.Channel.EMAIL, "offer.issued", "bob@example.com", offer.subject(), offer.text(),
                offer.html(), "bob", offer.listUnsubscribe()));
        MimeMessage sent = received().get(0);
        assertThat(sent.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + offer.listUnsubscribe() + ">");
        assertThat(sent.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void an_offer_unsubscribe_link_stops_offers_to_that_customer() {
        Order order = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("cy@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 1)))));
        String token = restock.offers().optOutToken(restock.links(), Offers.OptOutFrom.ORDER, order.id());
        boolean forged = restock.inTransaction(h -> restock.offers().optOut(h, restock.links(), "forged." + token));
        boolean used = restock.inTransaction(h -> restock.offers().optOut(h, restock.links(), token));
        assertThat(forged).isFalse();
        assertThat(used).isTrue();
        boolean optedOut = restock.read(h -> SqlOffers.optedOut(h, "CY@example.com"));
        assertThat(optedOut).isTrue();
    }

    @Test
    void a_relay_without_starttls_is_named_with_the_setting_that_allows_it() {
        SmtpSender strict = new SmtpSender(new SmtpSender.Settings("127.0.0.1", smtp.getSmtp().getPort(), true, null, null, "shop@example.com"));
        assertThatThrownBy(() -> strict.send(new Message(UUID.randomUUID(), Message.Channel.EMAIL, "test", "ann@example.com", "Hello", "Hi",
                null, "ann"))).isInstanceOf(MessageSender.DeliveryFailed.class).hasMessageContaining("RESTOCK_SMTP_STARTTLS=false");
    }

    @Test
    void every_mail_makes_each_address_of_its_text_a_link_in_its_html() {
        for (String topic : MailTemplates.TOPICS) {
            MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.sample(topic).orElseThrow(), BRANDING);
            assertThat(mail.subject()).as(topic).isNotBlank().doesNotContain("\n");
            assertThat(mail.html()).as(topic).contains("<h1 style=\"color:#17324d\">");
            List<String> urls = Pattern.compile("https?://\\S+").matcher(mail.text()).results().map(MatchResult::group).toList();
            assertThat(urls).as(topic + " links").isNotEmpty().contains(BRANDING.shopUrl());
            for (String url : urls) {
                assertThat(mail.html()).as(topic).contains("<a href=\"" + url.replace("&", "&amp;") + "\">");
            }
        }
        assertThat(Optional.of(BRANDING.publicUrl())).contains("https://restock.example.com");
    }

    /** A failed charge names the product in both parts (a re-check found the text part still saying "Your item 22423"). */
    @Test
    void the_failed_charge_names_the_product_in_the_text_and_the_html() {
        MailTemplates.Rendered mail = MailTemplates.render(MailTemplates.sample("payment.charge_failed").orElseThrow(), BRANDING);
        assertThat(mail.text()).contains("Your Regency Cakestand 3 Tier from order 1001").doesNotContain("22423");
        assertThat(mail.html()).contains("Your Regency Cakestand 3 Tier from order 1001").doesNotContain("22423");
    }

    /** An order placed without a payment method is paid for by the shop: the mail promises nothing about charging. */
    @Test
    void the_waiting_mail_promises_no_charge_only_when_restock_takes_the_payment() {
        Notice.Waiting held = new Notice.Waiting("ann@example.com", 7, 1, "S-1", "Cups", 1, Optional.empty(), Optional.empty(), Optional.empty(),
                "https://restock.example.com/cancel/abc", true);
        Notice.Waiting elsewhere = new Notice.Waiting("ann@example.com", 7, 1, "S-1", "Cups", 1, Optional.empty(), Optional.empty(), Optional.empty(),
                "https://restock.example.com/cancel/abc", false);
        MailTemplates.Rendered charged = MailTemplates.render(held, BRANDING);
        MailTemplates.Rendered shopTakesPayment = MailTemplates.render(elsewhere, BRANDING);
        assertThat(charged.text()).contains("You will not be charged until it is ready to ship")
                .contains("\nhttps://restock.example.com/cancel/abc\n");
        assertThat(shopTakesPayment.text()).doesNotContain("charged").contains("You can cancel it until it is ready to ship")
                .contains("\nhttps://restock.example.com/cancel/abc\n");
        assertThat(shopTakesPayment.html()).doesNotContain("charged").contains("<a href=\"https://restock.example.com/cancel/abc\">");
    }

    @Test
    void html_parts_escape_what_the_customer_typed_and_text_parts_keep_it_as_typed() {
        Notice.Waiting waiting = new Notice.Waiting("ann@example.com", 7, 1, "S-1", "Cups & <Saucers>", 1, Optional.empty(),
                Optional.empty(), Optional.empty(), "https://restock.example.com/cancel/a?b=1&c=2", true);
        MailTemplates.Rendered mail = MailTemplates.render(waiting, BRANDING);
        assertThat(mail.subject()).isEqualTo("Your order 7: Cups & <Saucers> is on backorder");
        assertThat(mail.text()).contains("1 x Cups & <Saucers>.").contains("We will tell you as soon as we know when it ships.")
                .contains("\nhttps://restock.example.com/cancel/a?b=1&c=2\n").endsWith("Regency Home - https://shop.example.com");
        assertThat(mail.html()).contains("Cups &amp; &lt;Saucers&gt;").doesNotContain("<Saucers>")
                .contains("<a href=\"https://restock.example.com/cancel/a?b=1&amp;c=2\">");
    }
}
