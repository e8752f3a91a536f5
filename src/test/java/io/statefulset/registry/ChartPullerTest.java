package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tag {@code latest-release} means; the real registry is in PreviousChartFromRegistryTest. */
class ChartPullerTest {

    @Test
    void theHighestSemVerVersionThatIsNoSnapshot() {
        assertThat(ChartPuller.latestRelease(List.of("1.0.0", "1.1.0", "1.2.0-SNAPSHOT", "0.9.0")))
                .contains("1.1.0");
        assertThat(ChartPuller.latestRelease(List.of("1.9.0", "1.10.0-rc.1", "latest", "v2.0.0", "sha-4f2a")))
                .contains("1.10.0-rc.1");
        assertThat(ChartPuller.latestRelease(List.of("2.0.0-SNAPSHOT", "latest")))
                .isEmpty();
    }

    /** Helm writes the '+' of build metadata as '_' in a tag; the version has its '+' back. */
    @Test
    void tagsWithBuildMetadataAreVersions() {
        assertThat(ChartPuller.latestRelease(List.of("1.0.0", "1.0.1_build.7"))).contains("1.0.1+build.7");
    }
}
