package restock.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature receivers verify, on a known secret, body and timestamp. */
class WebhookSignatureTest {
    private static final String SECRET = "whsec_test_0123456789abcdef";
    private static final String BODY = "{\"id\":\"9b2f\",\"topic\":\"order.waiting\"}";
    private static final Instant SENT = Instant.ofEpochSecond(1_795_000_000L);

    @Test
    void signs_with_hmac_sha256_of_timestamp_dot_body() {
        // Computed independently: printf '1795000000.{"id":"9b2f","topic":"order.waiting"}' | openssl dgst -sha256 -hmac whsec_test_0123456789abcdef
        assertThat(WebhookSignature.header(SECRET, SENT, BODY))
                .isEqualTo("t=1795000000,v1=" + KnownSignature.VALUE);
    }

    @Test
    void verifies_a_fresh_genuine_signature_and_rejects_tampering_wrong_secrets_and_replays() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(30), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify("whsec_other_secret_value", header, BODY, SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .as("a replay of an old request").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, Duration.ofMinutes(5))).isFalse();
    }

    /** While a rotated secret is in its grace period a delivery carries a v1 by each, and either secret verifies it. */
    @Test
    void a_header_signed_by_the_new_and_the_old_secret_verifies_with_either_and_with_no_other() {
        String header = WebhookSignature.header(java.util.List.of("whsec_new_secret_value", SECRET), SENT, BODY);
        assertThat(header).isEqualTo("t=1795000000,v1=" + WebhookSignature.header("whsec_new_secret_value", SENT, BODY).split(",v1=")[1]
                + ",v1=" + KnownSignature.VALUE);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT, Duration.ofMinutes(5))).as("the old secret").isTrue();
        assertThat(WebhookSignature.verify("whsec_new_secret_value", header, BODY, SENT, Duration.ofMinutes(5))).as("the new secret").isTrue();
        assertThat(WebhookSignature.verify("whsec_other_secret_value", header, BODY, SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1795000000,v1=zz,v1=" + KnownSignature.VALUE, BODY, SENT, Duration.ofMinutes(5)))
                .as("a v1 that is not hex does not hide a genuine one").isTrue();
    }
}
