package restock.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone the console's tables become cards whose values carry their column's name (console.css shows a cell's
 * {@code data-label}). An operations check found the planning page's and the product page's tables as bare values
 * ("0 / 76.1 / 7 Dec 2026"): every value cell of every console template has a label. Cells holding only a form or a
 * form field (a button, a checkbox, a line of a form) and message rows spanning the table explain themselves.
 */
class PhoneLabelsTest {
    private static final Pattern CELL = Pattern.compile("<td(\\s[^>]*)?>");

    @Test
    void every_value_cell_of_the_console_has_a_label_for_phones() throws IOException {
        List<String> unlabelled = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src", "main", "jte", "console"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).sorted().toList()) {
                String text = Files.readString(template);
                Matcher cell = CELL.matcher(text);
                while (cell.find()) {
                    String tag = cell.group();
                    String after = text.substring(cell.end(), Math.min(text.length(), cell.end() + 160)).strip();
                    boolean explainsItself = tag.contains("colspan") || after.startsWith("<form") || after.startsWith("<input")
                            || after.startsWith("<select") || after.startsWith("<button")
                            || after.startsWith("@if(") && after.contains("<form");
                    if (!tag.contains("data-label") && !explainsItself) {
                        unlabelled.add(template.getFileName() + ": " + tag + after.substring(0, Math.min(40, after.length())));
                    }
                }
            }
        }
        assertThat(unlabelled).as("cells without a data-label").isEmpty();
    }
}
