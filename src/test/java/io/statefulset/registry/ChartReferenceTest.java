package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "oci://127.0.0.1:5000/charts/ledger:1.0.0, oci://127.0.0.1:5000/charts, ledger, 1.0.0",
        "oci://ghcr.io/acme/team/charts/web:2.1.0-rc.1, oci://ghcr.io/acme/team/charts, web, 2.1.0-rc.1",
        "oci://registry.example.org/web:latest-release, oci://registry.example.org, web, latest-release",
        "' oci://r.example.org/c/web:1.0.0_build.7 ', oci://r.example.org/c, web, 1.0.0+build.7"
    })
    void readsRegistryChartAndVersion(String text, String registry, String chart, String version) {
        ChartReference reference = ChartReference.parse(text);
        assertThat(reference.registry()).isEqualTo(URI.create(registry));
        assertThat(reference.chart()).isEqualTo(chart);
        assertThat(reference.version()).isEqualTo(version);
        assertThat(reference.latestRelease()).isEqualTo(version.equals("latest-release"));
    }

    @Test
    void theVersionMayBeGivenOnItsOwnButNotTwiceDifferently() {
        assertThat(ChartReference.parse("oci://ghcr.io/acme/charts/web", "latest-release"))
                .isEqualTo(ChartReference.parse("oci://ghcr.io/acme/charts/web:latest-release"));
        assertThat(ChartReference.parse("oci://ghcr.io/acme/charts/web:1.2.0", "1.2.0")
                        .version())
                .isEqualTo("1.2.0");
        assertThat(ChartReference.parse("oci://ghcr.io/acme/charts/web:1.2.0", " ")
                        .version())
                .isEqualTo("1.2.0");
        assertThatThrownBy(() -> ChartReference.parse("oci://ghcr.io/acme/charts/web:1.2.0", "1.3.0"))
                .hasMessage("names version 1.2.0 while <previousChartVersion> says 1.3.0; give the version in one"
                        + " place");
        assertThatThrownBy(() -> ChartReference.parse("oci://ghcr.io/acme/charts/web", "one"))
                .hasMessageContaining("'one' is neither a chart version");
    }

    @Test
    void aReferenceWithoutVersionSaysHowToWriteOne() {
        assertThatThrownBy(() -> ChartReference.parse("oci://ghcr.io/acme/charts/web"))
                .hasMessageContaining("names no version")
                .hasMessageContaining("oci://ghcr.io/acme/charts/web:1.2.0")
                .hasMessageContaining("oci://ghcr.io/acme/charts/web:latest-release");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "oci://ghcr.io/acme/charts/web:latest | neither a chart version",
                "oci://ghcr.io/acme/charts/web:1.0 | neither a chart version",
                "oci://ghcr.io/ | names no chart",
                "oci://ghcr.io/acme/charts/:1.0.0 | names no chart",
                "https://ghcr.io/acme/charts/web:1.0.0 | not of the form oci://",
                "oci://user:pw@ghcr.io/acme/web:1.0.0 | not of the form oci://",
                "oci://ghcr.io/acme/web:1.0.0?x=1 | not of the form oci://"
            })
    void refusesWhatIsNoChartReference(String text, String message) {
        assertThatThrownBy(() -> ChartReference.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void onlyOciUrlsAreReferences() {
        assertThat(ChartReference.isOci("oci://ghcr.io/acme/web:1.0.0")).isTrue();
        assertThat(ChartReference.isOci("io.statefulset:web:1.0.0")).isFalse();
        assertThat(ChartReference.isOci("target/previous/web")).isFalse();
    }
}
