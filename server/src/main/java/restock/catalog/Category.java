package restock.catalog;

import restock.common.InvalidInput;
import restock.common.TextLimit;

import java.util.regex.Pattern;

/** A group of products reported on together: a short code (lower case, digits, dashes) and a name. */
public record Category(String code, String name) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Category {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInput("code", "code must be 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit; was '"
                    + code + "'");
        }
        name = Supplier.text("name", name, TextLimit.CATEGORY_NAME);
    }
}
