package restock.gateways;

import org.junit.jupiter.api.Test;

import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RESTOCK_WEBHOOKS_ALLOW_PRIVATE lets webhooks reach the operator's own network (loopback, link-local, private) and
 * nothing else: a storefront developer's http://192.0.2.10/hook and http://100.64.0.1/hook were accepted with it and
 * contacted, a signed payload with a customer's email sent to a documentation and a carrier-grade NAT address.
 */
class WebhookTargetsTest {
    private static final List<String> OPERATORS_NETWORK = List.of("http://127.0.0.1:9/hook", "http://169.254.10.1/hook",
            "http://10.0.0.1/hook", "http://172.16.0.1/hook", "http://192.168.1.1/hook", "http://[::1]/hook", "http://[fe80::1]/hook",
            "http://[fd00::1]/hook", "http://[::ffff:10.0.0.1]/hook");
    private static final List<String> SPECIAL = List.of("http://192.0.2.10/hook", "http://198.51.100.7/hook", "http://203.0.113.5/hook",
            "http://100.64.0.1/hook", "http://100.127.255.254/hook", "http://198.18.0.1/hook", "http://192.0.0.8/hook", "http://0.0.0.0/hook",
            "http://240.0.0.1/hook", "http://255.255.255.255/hook", "http://224.0.0.1/hook", "http://[2001:db8::1]/hook", "http://[::]/hook",
            "http://[ff02::1]/hook", "http://[::ffff:192.0.2.10]/hook", "http://[64:ff9b::6440:1]/hook");

    @Test
    void allowing_private_addresses_allows_loopback_link_local_and_private_ones() throws UnknownHostException {
        for (String url : OPERATORS_NETWORK) {
            assertThat(WebhookTargets.PRIVATE_ALLOWED.check(url)).as(url).isInstanceOf(WebhookTargets.Verdict.Allowed.class);
            assertThat(WebhookTargets.PRIVATE_ALLOWED.checkBeforeSending(url)).as(url).isInstanceOf(WebhookTargets.Verdict.Allowed.class);
            assertThat(WebhookTargets.PUBLIC_ONLY.check(url)).as(url).isInstanceOf(WebhookTargets.Verdict.Refused.class);
        }
    }

    @Test
    void shared_documentation_benchmarking_and_reserved_ranges_are_refused_even_where_private_addresses_are_allowed() throws UnknownHostException {
        for (WebhookTargets targets : List.of(WebhookTargets.PRIVATE_ALLOWED, WebhookTargets.PUBLIC_ONLY)) {
            for (String url : SPECIAL) {
                assertThat(targets.check(url)).as(url).isInstanceOfSatisfying(WebhookTargets.Verdict.Refused.class,
                        refused -> assertThat(refused.reason()).contains("not a public address"));
                assertThat(targets.checkBeforeSending(url)).as(url).isInstanceOf(WebhookTargets.Verdict.Refused.class);
            }
        }
        assertThat(((WebhookTargets.Verdict.Refused) WebhookTargets.PRIVATE_ALLOWED.check("http://192.0.2.10/hook")).reason())
                .contains("special range").doesNotContain("RESTOCK_WEBHOOKS_ALLOW_PRIVATE=true");
    }

    @Test
    void public_addresses_are_allowed_either_way() throws UnknownHostException {
        for (String url : List.of("https://93.184.216.34/hook", "https://[2606:4700::1111]/hook", "http://100.128.0.1/hook", "http://198.20.0.1/hook")) {
            for (WebhookTargets targets : List.of(WebhookTargets.PRIVATE_ALLOWED, WebhookTargets.PUBLIC_ONLY)) {
                assertThat(targets.checkBeforeSending(url)).as(url).isInstanceOf(WebhookTargets.Verdict.Allowed.class);
            }
        }
    }
}
