package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new chart and app version must not touch a StatefulSet field the API server refuses to update
 * (selector, serviceName, podManagementPolicy, volumeClaimTemplates), or `helm upgrade` fails with
 * "spec: Forbidden".
 */
class UpgradeSafetyHelmTest {

    @Test
    void newVersionChangesNoImmutableField(@TempDir Path v1Dir, @TempDir Path v2Dir) throws Exception {
        StatefulSet v1 = render(SampleConfigs.visitCounter().chartVersion("1.0.0", "1.0.0"), v1Dir);
        StatefulSet v2 = render(SampleConfigs.visitCounter().chartVersion("2.3.0-rc.1", "2.3.0"), v2Dir);

        assertThat(v2.getMetadata().getLabels())
                .as("the versions did change")
                .isNotEqualTo(v1.getMetadata().getLabels());
        assertThat(v2.getSpec().getSelector()).isEqualTo(v1.getSpec().getSelector());
        assertThat(v2.getSpec().getServiceName()).isEqualTo(v1.getSpec().getServiceName());
        assertThat(v2.getSpec().getPodManagementPolicy()).isEqualTo(v1.getSpec().getPodManagementPolicy());
        assertThat(v2.getSpec().getVolumeClaimTemplates())
                .isEqualTo(v1.getSpec().getVolumeClaimTemplates());
    }

    @Test
    void selectorAndClaimTemplatesCarryNothingVersionDerived(@TempDir Path dir) throws Exception {
        StatefulSet sts = render(SampleConfigs.visitCounter().chartVersion("7.7.7", "8.8.8"), dir);
        assertThat(sts.getSpec().getSelector().getMatchLabels().toString())
                .doesNotContain("7.7.7", "8.8.8", "helm.sh/chart", "version");
        sts.getSpec().getVolumeClaimTemplates().forEach(claim -> {
            assertThat(String.valueOf(claim.getMetadata().getLabels()))
                    .doesNotContain("7.7.7", "8.8.8", "helm.sh/chart", "version");
            assertThat(claim.getMetadata().getAnnotations()).isNullOrEmpty();
        });
    }

    private static StatefulSet render(RawConfig config, Path dir) throws Exception {
        return RenderedChart.render(RenderedChart.generate(config, dir), "demo", Map.of())
                .all(StatefulSet.class)
                .get(0);
    }
}
