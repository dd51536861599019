package restock.engagement;

import java.util.Optional;

/**
 * One try of a discount code: the shopper's email, the code (normalized as {@link DiscountCode#normalize}) and the
 * client that sent it (API key and shopper address) when it came over the API. Wrong tries are limited on all three.
 */
public record CodeAttempt(String email, String code, Optional<String> client) {
    public static CodeAttempt of(String email, String typedCode, Optional<String> client) {
        return new CodeAttempt(email, DiscountCode.normalize(typedCode), client);
    }
}
