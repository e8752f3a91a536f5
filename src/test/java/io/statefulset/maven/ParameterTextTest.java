package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Two configurations give the same text exactly when they are alike. */
class ParameterTextTest {
    static class Bean {
        String name;
        Integer size;
        List<String> items;
    }

    static class Settings {
        private static final String CONSTANT = "not a parameter";
        Bean bean;
        Map<String, String> env;
        Properties labels;
        File directory;
        boolean flag;
    }

    private static Settings settings() {
        Settings s = new Settings();
        s.bean = new Bean();
        s.bean.name = "ledger";
        s.bean.size = 3;
        s.bean.items = List.of("a", "b");
        s.env = new LinkedHashMap<>(Map.of("B", "2", "A", "1"));
        s.labels = new Properties();
        s.labels.setProperty("tier", "data");
        s.directory = new File("src/main/k8s/config");
        return s;
    }

    private static String text(Settings s) {
        return ParameterText.of(s, Settings.class).text();
    }

    @Test
    void theSameValuesGiveTheSameTextWhateverTheOrderOfAMap() {
        Settings other = settings();
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("A", "1");
        reordered.put("B", "2");
        other.env = reordered;
        assertThat(text(other)).isEqualTo(text(settings()));
        assertThat(text(settings())).doesNotContain("not a parameter");
    }

    @Test
    void everyChangeBelowTheTopChangesTheText() {
        String original = text(settings());
        Settings s = settings();
        s.bean.size = 4;
        assertThat(text(s)).isNotEqualTo(original);
        s = settings();
        s.bean.items = List.of("a", "b", "c");
        assertThat(text(s)).isNotEqualTo(original);
        s = settings();
        s.labels.setProperty("tier", "web");
        assertThat(text(s)).isNotEqualTo(original);
        s = settings();
        s.flag = true;
        assertThat(text(s)).isNotEqualTo(original);
    }

    @Test
    void noValueCanPassForAnotherSplitDifferently() {
        Settings joined = settings();
        joined.bean.items = List.of("a;b");
        Settings split = settings();
        split.bean.items = List.of("a", "b");
        assertThat(text(joined)).isNotEqualTo(text(split));
        Settings absent = settings();
        absent.bean.name = null;
        Settings empty = settings();
        empty.bean.name = "";
        assertThat(text(absent)).isNotEqualTo(text(empty));
    }

    @Test
    void collectsTheFilesItMeets() {
        assertThat(ParameterText.of(settings(), Settings.class).files())
                .containsExactly(Path.of("src/main/k8s/config"));
    }
}
