package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

    @ParameterizedTest
    @CsvSource({
        "1.0-SNAPSHOT, 1.0.0-SNAPSHOT",
        "2, 2.0.0",
        "1.2.3, 1.2.3",
        "1.2, 1.2.0",
        "1.2.3-rc.1, 1.2.3-rc.1",
        "1.0.0.Final, 1.0.0",
        "3.1-RELEASE, 3.1.0",
        "1.0-alpha-1, 1.0.0-alpha-1",
        "01.2.03, 1.2.3",
        "1.0-beta.01, 1.0.0-beta.1",
        "1.0+build.7, 1.0.0+build.7",
        "1.0-20260101.123456-1, 1.0.0-20260101.123456-1"
    })
    void mavenVersionsBecomeSemVer(String maven, String semver) {
        assertThat(SemVer.fromMavenVersion(maven)).contains(semver);
        assertThat(SemVer.isValid(semver)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "latest", "v-1", ""})
    void versionsWithoutASemVerFormAreRefused(String maven) {
        assertThat(SemVer.fromMavenVersion(maven)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "01.0.0", "1.0.0-", "1.0.0-01"})
    void strictCheckRefusesLooseVersions(String version) {
        assertThat(SemVer.isValid(version)).isFalse();
    }

    /** SemVer 2 section 11, each pair lower then higher, and versions of equal precedence. */
    @ParameterizedTest
    @CsvSource({
        "1.0.0, 2.0.0",
        "2.0.0, 2.1.0",
        "2.1.0, 2.1.1",
        "1.9.0, 1.10.0",
        "1.0.0-alpha, 1.0.0",
        "1.0.0-alpha, 1.0.0-alpha.1",
        "1.0.0-alpha.1, 1.0.0-alpha.beta",
        "1.0.0-alpha.beta, 1.0.0-beta",
        "1.0.0-beta, 1.0.0-beta.2",
        "1.0.0-beta.2, 1.0.0-beta.11",
        "1.0.0-beta.11, 1.0.0-rc.1",
        "1.0.0-rc.1, 1.0.0",
        "1.2.0-SNAPSHOT, 1.2.0",
        "1.1.0, 1.2.0-SNAPSHOT",
        "99999999999999999999.0.0, 100000000000000000000.0.0"
    })
    void precedenceFollowsSemVer(String lower, String higher) {
        assertThat(SemVer.compare(lower, higher)).isNegative();
        assertThat(SemVer.compare(higher, lower)).isPositive();
        assertThat(SemVer.compare(lower, lower)).isZero();
    }

    @Test
    void buildMetadataDoesNotCount() {
        assertThat(SemVer.compare("1.0.0+build.1", "1.0.0+build.2")).isZero();
        assertThat(SemVer.compare("1.0.0+build.1", "1.0.0")).isZero();
    }

    @Test
    void snapshotsAreDevelopmentBuilds() {
        assertThat(SemVer.isSnapshot("1.2.0-SNAPSHOT")).isTrue();
        assertThat(SemVer.isSnapshot("1.2.0-snapshot.3")).isTrue();
        assertThat(SemVer.isSnapshot("1.2.0-rc.1")).isFalse();
    }
}
