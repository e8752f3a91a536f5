package io.statefulset.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue is written from the code into the README and into the validate goal's
 * Javadoc (which `mvn statefulset:help -Ddetail` prints). After changing a rule, regenerate both
 * with {@code mvn test -Dtest=CatalogueDocsTest -Dcatalogue.update=true}.
 */
class CatalogueDocsTest {
    static final Path README = Path.of("README.md");
    static final Path MOJO = Path.of("src/main/java/io/statefulset/maven/ValidateMojo.java");
    static final String README_START = "<!-- rule catalogue: start -->\n";
    static final String README_END = "<!-- rule catalogue: end -->";
    static final String JAVADOC_START = " * <!-- rule catalogue: start -->\n";
    static final String JAVADOC_END = " * <!-- rule catalogue: end -->";

    @Test
    void readmeListsEveryRule() throws Exception {
        check(README, README_START, README_END, Rules.markdown());
    }

    @Test
    void validateGoalDocumentationListsEveryRule() throws Exception {
        StringBuilder javadoc = new StringBuilder(" * <ul>\n");
        for (Rule rule : Rules.all()) {
            javadoc.append(" * <li>{@code ")
                    .append(rule.id())
                    .append("} (")
                    .append(rule.defaultSeverity().label())
                    .append("): ")
                    .append(html(rule.rationale()))
                    .append("</li>\n");
        }
        javadoc.append(" * </ul>\n");
        check(MOJO, JAVADOC_START, JAVADOC_END, javadoc.toString());
    }

    /** Javadoc is HTML: angle brackets and ampersands are escaped, and nothing may close the comment. */
    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    private static void check(Path file, String start, String end, String expected) throws Exception {
        String text = Files.readString(file);
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("start marker in " + file).isNotNegative();
        assertThat(to).as("end marker in " + file).isGreaterThan(from);
        String current = text.substring(from + start.length(), to);
        if (Boolean.getBoolean("catalogue.update") && !current.equals(expected)) {
            Files.writeString(file, text.substring(0, from + start.length()) + expected + text.substring(to));
            current = expected;
        }
        assertThat(current)
                .as("rule catalogue in " + file + " (regenerate with -Dcatalogue.update=true)")
                .isEqualTo(expected);
    }
}
