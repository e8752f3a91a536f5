package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.model.Strategy;
import io.statefulset.chart.vocabulary.HookEvent;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hook events and strategy names are spelled once in the Java code, where their vocabulary is
 * defined, and the templates only use names that vocabulary knows.
 */
class VocabularyTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources/io/statefulset/chart");

    @Test
    void everyHookEventAndStrategyNameIsALiteralOnceInTheCode() throws IOException {
        List<String> names = new ArrayList<>(Vocabulary.values(HookEvent.class));
        names.add(HookEvent.LEGACY_TEST);
        names.addAll(Strategy.NAMES);
        String code = text(MAIN, ".java");
        for (String name : names) {
            assertThat(Pattern.compile(Pattern.quote("\"" + name + "\""))
                            .matcher(code)
                            .results()
                            .count())
                    .as("\"%s\" in the main code", name)
                    .isEqualTo(1);
        }
    }

    @Test
    void theTemplatesTestOnlyForStrategiesThatExist() throws IOException {
        List<String> tested = Pattern.compile("\\.Values\\.strategy \"([^\"]+)\"")
                .matcher(text(RESOURCES, ".tpl") + text(RESOURCES, ".yaml") + text(RESOURCES, ".txt"))
                .results()
                .map(m -> m.group(1))
                .distinct()
                .toList();
        assertThat(tested).isNotEmpty();
        assertThat(Strategy.NAMES).containsAll(tested);
    }

    @Test
    void theTemplatesRunHooksOnlyAtEventsThatExist() throws IOException {
        List<String> events = Pattern.compile("helm\\.sh/hook: ([a-z,-]+)\\s")
                .matcher(text(RESOURCES, ".yaml"))
                .results()
                .flatMap(m -> Stream.of(m.group(1).split(",")))
                .distinct()
                .toList();
        assertThat(events).contains("post-upgrade", "post-rollback", "test");
        assertThat(events)
                .allMatch(event -> Vocabulary.parse(HookEvent.class, event).isPresent());
    }

    private static String text(Path root, String extension) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(extension)).toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }
}
