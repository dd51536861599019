package restock.support;

/**
 * The tag of the long forms of benchmark-like tests. The normal suite ({@code mvn verify}) runs each in a shortened
 * form that checks the same things on less data or fewer tries; {@code mvn verify -Plong-tests} runs the long forms
 * too, and {@code mvn test -Plong-tests -Dgroups=long} only them.
 */
public final class LongTests {
    public static final String TAG = "long";

    private LongTests() {
    }
}
