package restock.catalog;

import restock.common.InvalidInput;
import restock.common.TextLimit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a shop lists about a product beyond its name and price: its picture and the identifiers shopping feeds match
 * it on (brand, GTIN, manufacturer part number). Each is optional and checked where it enters.
 */
public record Listing(Optional<String> imageUrl, Optional<String> brand, Optional<String> gtin, Optional<String> mpn) {
    public static final Listing NONE = new Listing(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    private static final Pattern GTIN_DIGITS = Pattern.compile("\\d{8}|\\d{12}|\\d{13}|\\d{14}");

    public Listing {
        imageUrl.ifPresent(Listing::requireImageUrl);
        brand.ifPresent(value -> requireText("brand", value, TextLimit.BRAND));
        gtin.ifPresent(Listing::requireGtin);
        mpn.ifPresent(value -> requireText("mpn", value, TextLimit.MPN));
    }

    /** A listing from optional texts; null or blank means absent. */
    public static Listing of(String imageUrl, String brand, String gtin, String mpn) {
        return new Listing(present(imageUrl), present(brand), present(gtin), present(mpn));
    }

    /** Whether feeds may say the product has identifiers: a GTIN, or a brand with a part number. */
    public boolean identifiersExist() {
        return gtin.isPresent() || (brand.isPresent() && mpn.isPresent());
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static void requireText(String field, String value, TextLimit limit) {
        if (value.isBlank() || value.length() > limit.maxLength() || TextLimit.hasControlCharacter(value) || value.contains("\n")
                || value.contains("\r") || value.contains("\t")) {
            throw new InvalidInput(field, field + " must be 1 to " + limit.maxLength() + " characters on one line, without control characters");
        }
    }

    private static void requireImageUrl(String value) {
        requireText("imageUrl", value, TextLimit.IMAGE_URL);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
                throw new InvalidInput("imageUrl", "imageUrl must be an absolute http or https URL, was '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInput("imageUrl", "imageUrl is not a valid URL: " + e.getReason());
        }
    }

    /** A GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14) whose last digit is its GS1 check digit. */
    private static void requireGtin(String value) {
        if (!GTIN_DIGITS.matcher(value).matches()) {
            throw new InvalidInput("gtin", "gtin must be 8, 12, 13 or 14 digits, was '" + value + "'");
        }
        int sum = 0;
        for (int i = value.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (value.charAt(i) - '0') * weight;
        }
        int check = (10 - sum % 10) % 10;
        if (check != value.charAt(value.length() - 1) - '0') {
            throw new InvalidInput("gtin", "gtin '" + value + "' has a wrong check digit (expected " + check + ")");
        }
    }
}
