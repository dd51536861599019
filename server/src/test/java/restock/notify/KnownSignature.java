package restock.notify;

/** An HMAC-SHA256 computed with openssl, outside Restock, for the signature test. */
final class KnownSignature {
    static final String VALUE = "e327b91be6e10a53124b880a1cea0ccce19bd237480bf69fed4714bd3acc043f";

    private KnownSignature() {
    }
}
