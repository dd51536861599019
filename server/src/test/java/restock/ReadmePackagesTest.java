package restock;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's table of packages names exactly the packages the server has, so a newcomer's map is the code. */
class ReadmePackagesTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[a-z]+`(?:, `[a-z]+`)*) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    @Test
    void the_readme_lists_every_package_and_no_other() throws IOException {
        Path sources = Path.of("src/main/java/restock");
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> children = Files.list(sources)) {
            children.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        Set<String> listed = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(Path.of("../README.md")));
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                listed.add(name.group(1));
            }
        }
        assertThat(packages).as("packages under " + sources).isNotEmpty();
        assertThat(listed).as("packages in the README's table").isEqualTo(packages);
    }
}
