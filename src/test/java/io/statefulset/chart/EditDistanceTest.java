package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(EditDistance.between("replicas", "replicas")).isZero();
        assertThat(EditDistance.between("replicaz", "replicas")).isEqualTo(1);
        assertThat(EditDistance.between("replica", "replicas")).isEqualTo(1);
        assertThat(EditDistance.between("replicass", "replicas")).isEqualTo(1);
        assertThat(EditDistance.between("prots", "ports")).isEqualTo(1);
        assertThat(EditDistance.between("Replicas", "replicas")).isZero();
        assertThat(EditDistance.between("", "env")).isEqualTo(3);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void suggestsTheClosestCandidateOnlyWhenItIsClose() {
        List<String> parameters = List.of("replicas", "ports", "env", "podLabels", "podAnnotations");
        assertThat(EditDistance.closest("replicaz", parameters)).contains("replicas");
        assertThat(EditDistance.closest("podAnotations", parameters)).contains("podAnnotations");
        assertThat(EditDistance.closest("evn", parameters)).contains("env");
        assertThat(EditDistance.closest("tolerations", parameters)).isEmpty();
        assertThat(EditDistance.closest("xyz", parameters)).isEmpty();
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstCandidate() {
        assertThat(EditDistance.closest("pot", List.of("port", "post"))).contains("port");
        assertThat(EditDistance.closest("pot", List.of("post", "port"))).contains("port");
    }
}
