package io.statefulset.chart;

import static io.statefulset.chart.RawConfig.hook;
import static io.statefulset.chart.RawConfig.port;
import static io.statefulset.chart.RawConfig.updateType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.chart.model.BlueGreen;
import io.statefulset.chart.model.Canary;
import io.statefulset.chart.model.ChartModel;
import io.statefulset.chart.model.Hook;
import io.statefulset.chart.model.Ramped;
import io.statefulset.chart.model.Recreate;
import io.statefulset.chart.model.Rolling;
import io.statefulset.chart.model.Slot;
import io.statefulset.chart.model.UpdateStrategy;
import io.statefulset.chart.vocabulary.AccessMode;
import io.statefulset.chart.vocabulary.ClaimRetentionPolicy;
import io.statefulset.chart.vocabulary.HookDeletePolicy;
import io.statefulset.chart.vocabulary.HookEvent;
import io.statefulset.chart.vocabulary.PodManagementPolicy;
import io.statefulset.chart.vocabulary.Protocol;
import io.statefulset.chart.vocabulary.PullPolicy;
import io.statefulset.chart.vocabulary.ServiceType;
import io.statefulset.chart.vocabulary.UpdateStrategyType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a configuration resolves to: every default applied once, every closed vocabulary an enum. */
class ChartModelTest {

    @Test
    void theMinimalConfigurationGetsEveryDefault() {
        ChartModel model = SampleConfigs.resolve(SampleConfigs.minimal());
        assertThat(model.chart().name()).isEqualTo("visit-counter");
        assertThat(model.chart().version()).isEqualTo("1.0.0");
        assertThat(model.chart().kubeVersion()).isEmpty();
        assertThat(model.image().tag()).isEqualTo("1.0.0");
        assertThat(model.image().pullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
        assertThat(model.workload().replicas()).isEqualTo(1);
        assertThat(model.workload().podManagementPolicy()).isEqualTo(PodManagementPolicy.ORDERED_READY);
        assertThat(model.workload().revisionHistoryLimit()).isEqualTo(10);
        assertThat(model.workload().terminationGracePeriodSeconds()).isEqualTo(30);
        assertThat(model.rollout().strategy()).isInstanceOf(Rolling.class);
        assertThat(model.rollout().updateStrategy())
                .isEqualTo(new UpdateStrategy(UpdateStrategyType.ROLLING_UPDATE, 0, Optional.empty()));
        assertThat(model.rollout().minReadySeconds()).isZero();
        assertThat(model.network().ports()).isEmpty();
        assertThat(model.network().serviceEnabled()).isFalse();
        assertThat(model.persistence().claims()).isEmpty();
        assertThat(model.persistence().whenDeleted()).isEqualTo(ClaimRetentionPolicy.RETAIN);
        assertThat(model.persistence().whenScaled()).isEqualTo(ClaimRetentionPolicy.RETAIN);
        assertThat(model.security().runAsUser()).isEqualTo(10001);
        assertThat(model.probes().readiness()).isEmpty();
        assertThat(model.hooks().connectionTest()).isFalse();
    }

    @Test
    void theSampleResolvesToTypedSettings() {
        ChartModel model = SampleConfigs.resolve(SampleConfigs.visitCounter());
        assertThat(model.network().ports()).singleElement().satisfies(p -> {
            assertThat(p.containerPort()).isEqualTo(8080);
            assertThat(p.protocol()).isEqualTo(Protocol.TCP);
        });
        assertThat(model.network().serviceType()).isEqualTo(ServiceType.NODE_PORT);
        assertThat(model.network().targetPort()).isEqualTo("http");
        assertThat(model.persistence().claims())
                .singleElement()
                .satisfies(c -> assertThat(c.accessModes()).containsExactly(AccessMode.READ_WRITE_ONCE));
        assertThat(model.rollout().updateStrategy().maxUnavailable()).contains("1");
        Hook hook = model.hooks().hooks().get(0);
        assertThat(hook.events()).containsExactly(HookEvent.PRE_INSTALL);
        assertThat(hook.deletePolicies())
                .containsExactly(HookDeletePolicy.BEFORE_HOOK_CREATION, HookDeletePolicy.HOOK_SUCCEEDED);
        assertThat(hook.backoffLimit()).isEqualTo(1);
        assertThat(hook.activeDeadlineSeconds()).isEqualTo(300);
        assertThat(hook.ttlSecondsAfterFinished()).isEmpty();
        assertThat(model.hooks().connectionTestPath()).isEqualTo("/readyz");
    }

    @Test
    void eachStrategyBringsItsOwnDefaults() {
        ChartModel ramped = strategy("ramped");
        assertThat(ramped.rollout().strategy()).isInstanceOf(Ramped.class);
        assertThat(ramped.rollout().updateStrategy().maxUnavailable()).contains("25%");
        assertThat(ramped.rollout().minReadySeconds()).isEqualTo(30);

        Canary canary = (Canary) strategy("canary").rollout().strategy();
        assertThat(canary.replicas()).isEqualTo(1);
        assertThat(canary.service()).isTrue();

        ChartModel blueGreen = strategy("blueGreen");
        BlueGreen slots = (BlueGreen) blueGreen.rollout().strategy();
        assertThat(slots.activeSlot()).isEqualTo(Slot.BLUE);
        // Unset means as many as the active slot.
        assertThat(slots.idleReplicas()).isEqualTo(3);

        ChartModel recreate = strategy("recreate");
        assertThat(((Recreate) recreate.rollout().strategy()).image()).startsWith("registry.k8s.io/kubectl:");
        assertThat(recreate.rollout().updateStrategy().type()).isEqualTo(UpdateStrategyType.ON_DELETE);
        assertThat(recreate.rollout().minReadySeconds()).isZero();
    }

    @Test
    void rollingTakesUpdateStrategyAsGiven() {
        ChartModel onDelete = SampleConfigs.resolve(SampleConfigs.visitCounter()
                .podManagementPolicy("OrderedReady")
                .updateStrategy(updateType("OnDelete")));
        assertThat(onDelete.rollout().updateStrategy())
                .isEqualTo(new UpdateStrategy(UpdateStrategyType.ON_DELETE, 0, Optional.empty()));
        assertThat(onDelete.workload().podManagementPolicy()).isEqualTo(PodManagementPolicy.ORDERED_READY);
    }

    @Test
    void theServiceFollowsTheFirstPortUnlessToldOtherwise() {
        ChartModel model = SampleConfigs.resolve(SampleConfigs.minimal().ports(port("web", 9090), port("admin", 9091)));
        assertThat(model.network().serviceEnabled()).isTrue();
        assertThat(model.network().serviceType()).isEqualTo(ServiceType.CLUSTER_IP);
        assertThat(model.network().servicePort()).isEqualTo(9090);
        assertThat(model.network().targetPort()).isEqualTo("web");
        assertThat(model.probes().readiness()).isEmpty();
        assertThat(model.hooks().connectionTest()).isTrue();
    }

    @Test
    void aHookEventGivenByItsHelmTwoNameIsTheTestEvent() {
        ChartModel model = SampleConfigs.resolve(SampleConfigs.visitCounter()
                .hooks(hook("smoke").events("test-success").image("busybox:1.36")));
        assertThat(model.hooks().hooks().get(0).events()).containsExactly(HookEvent.TEST);
    }

    @Test
    void aConfigurationWithErrorsHasNoModel() {
        ChartModel.Resolution resolution =
                ChartModel.resolve(SampleConfigs.visitCounter().replicas(-1), SampleConfigs.PROJECT);
        assertThat(resolution.errors()).extracting(ConfigProblem::element).containsExactly("<replicas>");
        assertThatThrownBy(resolution::model)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<replicas>");
    }

    /** The sample with three replicas and {@code name}, leaving the update strategy and its pace to it. */
    private static ChartModel strategy(String name) {
        return SampleConfigs.resolve(SampleConfigs.visitCounter()
                .replicas(3)
                .updateStrategy(null)
                .minReadySeconds(null)
                .strategy(name));
    }
}
