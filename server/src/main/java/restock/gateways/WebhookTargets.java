package restock.gateways;

import restock.common.TextLimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go: http and https URLs the sender can send as they are (parsed with {@link URI}, so what passes
 * here never fails later), to public addresses only unless the operator allows loopback, link-local and private ones
 * (RESTOCK_WEBHOOKS_ALLOW_PRIVATE); other special ranges (shared, documentation, benchmarking, reserved) never. Checked when an endpoint is registered and again, resolving afresh, before each
 * send: a name that resolves to a private address later (DNS rebinding) is caught then.
 */
public final class WebhookTargets {
    /** Public addresses only: what a shop on the internet needs, and no door into the network Restock runs in. */
    public static final WebhookTargets PUBLIC_ONLY = new WebhookTargets(false);
    /**
     * Public addresses and the operator's own network (loopback, link-local, private), for receivers there (and tests
     * on loopback); every other special range is refused still.
     */
    public static final WebhookTargets PRIVATE_ALLOWED = new WebhookTargets(true);

    private final boolean privateAllowed;

    private WebhookTargets(boolean privateAllowed) {
        this.privateAllowed = privateAllowed;
    }

    public static WebhookTargets of(boolean privateAllowed) {
        return privateAllowed ? PRIVATE_ALLOWED : PUBLIC_ONLY;
    }

    /** A URL's fate: allowed (as the URI to send to), or refused with the reason. */
    public sealed interface Verdict {
        record Allowed(URI uri) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    /** At registration: the URL's form, and its host when it is an address or a name that resolves now. */
    public Verdict check(String url) {
        Verdict form = form(url);
        if (!(form instanceof Verdict.Allowed allowed)) {
            return form;
        }
        try {
            return addresses(allowed.uri(), List.of(InetAddress.getAllByName(allowed.uri().getHost())));
        } catch (UnknownHostException e) {
            // Not resolvable now (no DNS yet, or none here): it is checked again, resolved, before every send.
            return allowed;
        }
    }

    /** Before a send: the form again, and every address the host resolves to now. */
    public Verdict checkBeforeSending(String url) throws UnknownHostException {
        Verdict form = form(url);
        if (!(form instanceof Verdict.Allowed allowed)) {
            return form;
        }
        return addresses(allowed.uri(), List.of(InetAddress.getAllByName(allowed.uri().getHost())));
    }

    static Verdict form(String url) {
        if (url.length() > TextLimit.WEBHOOK_URL.maxLength()) {
            return new Verdict.Refused("url may have at most " + TextLimit.WEBHOOK_URL.maxLength() + " characters, has " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Verdict.Refused("url is not a valid URI (" + e.getReason() + " at index " + e.getIndex()
                    + "); encode characters such as { } | ^ and spaces");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Verdict.Refused("url must be an http or https address");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return new Verdict.Refused("url must name a host, such as https://shop.example.com/hooks");
        }
        if (uri.getRawUserInfo() != null) {
            return new Verdict.Refused("url must not carry a user name or password; the payload is signed with the endpoint's secret");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
            return new Verdict.Refused("url has port " + uri.getPort() + "; ports are 1 to 65535");
        }
        if (uri.getRawFragment() != null) {
            return new Verdict.Refused("url must not have a #fragment; it is never sent");
        }
        return new Verdict.Allowed(uri);
    }

    private Verdict addresses(URI uri, List<InetAddress> resolved) {
        for (InetAddress address : resolved) {
            Network network = networkOf(address);
            if (network == Network.PUBLIC || network == Network.OPERATORS && privateAllowed) {
                continue;
            }
            return new Verdict.Refused(network == Network.OPERATORS
                    ? "url's host " + uri.getHost() + " is not a public address (loopback, link-local, private "
                            + "and other special ranges are refused; an operator may allow loopback, link-local and private ones with "
                            + "RESTOCK_WEBHOOKS_ALLOW_PRIVATE=true)"
                    : "url's host " + uri.getHost() + " is not a public address: it is in a special range (shared, benchmarking, "
                            + "documentation, reserved, multicast or unspecified), which is refused even where private addresses are allowed");
        }
        return new Verdict.Allowed(uri);
    }

    /** Which network an address belongs to, for where a webhook may go. */
    enum Network {
        /** On the public internet. */
        PUBLIC,
        /** Loopback, link-local or private (unique-local in IPv6): the operator's own network, allowed only when they say so. */
        OPERATORS,
        /** Every other special range (shared, benchmarking, documentation, reserved, multicast, unspecified): never. */
        SPECIAL
    }

    /** Whether an address is on the public internet: not loopback, link-local, private, shared, reserved or multicast. */
    static boolean isPublic(InetAddress address) {
        return networkOf(address) == Network.PUBLIC;
    }

    static Network networkOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if (isZero(b, 0, 10) && (isZero(b, 10, 12) || ((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF)) && !isZero(b, 0, 16)
                    && !(isZero(b, 0, 15) && b[15] == 1)) {
                return networkOfV4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-compatible or -mapped
            }
            if (first == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && isZero(b, 4, 12)) {
                return networkOfV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
            if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress() || (first & 0xFE) == 0xFC) {
                return Network.OPERATORS; // ::1, fe80::/10, fec0::/10, fc00::/7 unique local
            }
            if (address.isAnyLocalAddress() || address.isMulticastAddress()
                    || first == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) {
                return Network.SPECIAL; // ::, ff00::/8, 2001:db8::/32 documentation
            }
            return Network.PUBLIC;
        }
        return networkOfV4(b);
    }

    private static Network networkOfV4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        int third = b[2] & 0xFF;
        if (first == 10 || first == 127 || (first == 169 && second == 254) || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)) {
            return Network.OPERATORS; // private, loopback, link-local
        }
        if (first == 0 || first >= 224                                        // "this network", multicast, reserved, broadcast
                || (first == 100 && second >= 64 && second <= 127)            // shared address space (carrier-grade NAT)
                || (first == 192 && second == 0 && third == 0)                // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19))           // benchmarking
                // Documentation (RFC 5737): not routed, so a webhook there can only fail, and a newcomer found them taken
                // while the message says special ranges are refused.
                || (first == 192 && second == 0 && third == 2)
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113)) {
            return Network.SPECIAL;
        }
        return Network.PUBLIC;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
