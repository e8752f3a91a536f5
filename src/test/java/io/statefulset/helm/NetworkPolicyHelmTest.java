package io.statefulset.helm;

import static io.statefulset.chart.RawConfig.container;
import static io.statefulset.chart.RawConfig.sidecarPort;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <networkPolicy>}: the policy selects the application's pods and lets in the pods of the
 * release, so peers, hooks and the connection test still reach them, on every container port;
 * proven on what real Helm renders, by matching the policy's selectors against the pods' labels.
 */
class NetworkPolicyHelmTest {
    static final String NAME = "demo-visit-counter";

    @TempDir
    static Path dir;

    static Path chart;
    static RenderedChart rendered;

    static RawConfig config() {
        return SampleConfigs.visitCounter()
                .networkPolicy(true)
                .sidecars(container("shipper", "registry.example/shipper:3.1.0")
                        .ports(
                                sidecarPort("ship-admin", 2020),
                                sidecarPort("ship-udp", 2021).protocol("UDP")));
    }

    @BeforeAll
    static void generate() throws Exception {
        chart = RenderedChart.generate(config(), dir.resolve("chart"));
        rendered = RenderedChart.render(chart, "demo", Map.of());
    }

    /** Whether {@code peer} (a podSelector in the policy's namespace) admits a pod with {@code labels}. */
    static boolean admits(NetworkPolicyPeer peer, Map<String, String> labels) {
        return peer.getNamespaceSelector() == null
                && peer.getIpBlock() == null
                && matches(peer.getPodSelector(), labels);
    }

    /** A selector with matchLabels only, as the chart writes them; matchExpressions would need more. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).isEmpty();
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    static NetworkPolicyIngressRule onlyIngressRule(NetworkPolicy policy) {
        assertThat(policy.getSpec().getIngress()).hasSize(1);
        return policy.getSpec().getIngress().get(0);
    }

    @Test
    void thePolicySelectsTheApplicationsPodsAndOnlyThem() {
        NetworkPolicy policy = rendered.get(NetworkPolicy.class, NAME);
        Map<String, String> podLabels = rendered.get(StatefulSet.class, NAME)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        assertThat(matches(policy.getSpec().getPodSelector(), podLabels)).isTrue();
        assertThat(matches(
                        policy.getSpec().getPodSelector(),
                        rendered.get(Pod.class, NAME + "-test-connection")
                                .getMetadata()
                                .getLabels()))
                .isFalse();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(policy.getSpec().getEgress()).isEmpty();
    }

    @Test
    void peersHooksAndTheConnectionTestAreLetIn() {
        NetworkPolicyIngressRule rule = onlyIngressRule(rendered.get(NetworkPolicy.class, NAME));
        Map<String, String> peer = rendered.get(StatefulSet.class, NAME)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        Map<String, String> test =
                rendered.get(Pod.class, NAME + "-test-connection").getMetadata().getLabels();
        Map<String, String> hook = rendered.get(Job.class, NAME + "-preinstall")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        for (Map<String, String> labels : List.of(peer, test, hook)) {
            assertThat(rule.getFrom()).as(labels.toString()).anyMatch(from -> admits(from, labels));
        }
        // A pod of another release in the namespace is not.
        Map<String, String> stranger = Map.of("app.kubernetes.io/instance", "other", "app.kubernetes.io/name", "x");
        assertThat(rule.getFrom()).noneMatch(from -> admits(from, stranger));
    }

    @Test
    void everyContainerPortIsOpenAndTheOneTheTestReachesAmongThem() {
        NetworkPolicyIngressRule rule = onlyIngressRule(rendered.get(NetworkPolicy.class, NAME));
        assertThat(rule.getPorts())
                .extracting(p -> p.getPort().getIntVal() + "/" + p.getProtocol())
                .containsExactly("8080/TCP", "2020/TCP", "2021/UDP");
        // The test asks the client Service, which forwards to the container port its targetPort names.
        Service client = rendered.get(Service.class, NAME);
        String targetPort = client.getSpec().getPorts().get(0).getTargetPort().getStrVal();
        int containerPort = rendered
                .get(StatefulSet.class, NAME)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getPorts()
                .stream()
                .filter(p -> p.getName().equals(targetPort))
                .findFirst()
                .orElseThrow()
                .getContainerPort();
        assertThat(rule.getPorts()).extracting(NetworkPolicyPort::getPort).contains(new IntOrString(containerPort));
        assertThat(rendered.get(Pod.class, NAME + "-test-connection")
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .last()
                .asString()
                .startsWith("http://" + NAME + ":"
                        + client.getSpec().getPorts().get(0).getPort());
    }

    @Test
    void allowFromAndEgressAreValues(@TempDir Path other) throws Exception {
        Path values = Files.writeString(other.resolve("policy.yaml"), """
                networkPolicy:
                  allowFrom:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: monitoring
                    - podSelector:
                        matchLabels:
                          role: frontend
                  egress:
                    - to:
                        - ipBlock:
                            cidr: 10.0.0.0/8
                      ports:
                        - port: 5432
                          protocol: TCP
                """);
        NetworkPolicy policy = RenderedChart.render(
                        chart, TemplateRequest.release("demo").withValuesFiles(List.of(values)))
                .get(NetworkPolicy.class, NAME);
        NetworkPolicyIngressRule rule = onlyIngressRule(policy);
        assertThat(rule.getFrom()).hasSize(3);
        assertThat(rule.getFrom().get(1).getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "monitoring");
        assertThat(rule.getFrom().get(2).getPodSelector().getMatchLabels()).containsEntry("role", "frontend");
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        // The pods of the release and DNS stay reachable next to the given rule.
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        assertThat(policy.getSpec()
                        .getEgress()
                        .get(0)
                        .getTo()
                        .get(0)
                        .getPodSelector()
                        .getMatchLabels())
                .isEqualTo(Map.of("app.kubernetes.io/instance", "demo"));
        assertThat(policy.getSpec().getEgress().get(1).getPorts())
                .extracting(p -> p.getPort().getIntVal() + "/" + p.getProtocol())
                .containsExactly("53/UDP", "53/TCP");
        assertThat(policy.getSpec()
                        .getEgress()
                        .get(2)
                        .getTo()
                        .get(0)
                        .getIpBlock()
                        .getCidr())
                .isEqualTo("10.0.0.0/8");
    }

    @Test
    void offByDefaultAndSwitchedAtInstallTime() throws Exception {
        Path plain = RenderedChart.generate(SampleConfigs.visitCounter(), dir.resolve("plain"));
        assertThat(RenderedChart.render(plain, "demo", Map.of()).all(NetworkPolicy.class))
                .isEmpty();
        assertThat(RenderedChart.render(plain, "demo", Map.of("networkPolicy.enabled", "true"))
                        .all(NetworkPolicy.class))
                .hasSize(1);
        assertThat(RenderedChart.render(chart, "demo", Map.of("networkPolicy.enabled", "false"))
                        .all(NetworkPolicy.class))
                .isEmpty();
    }

    @Test
    void blueGreenSlotsAreBothSelected(@TempDir Path other) throws Exception {
        Path blueGreen =
                RenderedChart.generate(config().replicas(4).updateStrategy(null).strategy("blueGreen"), other);
        RenderedChart r = RenderedChart.render(blueGreen, "demo", Map.of());
        NetworkPolicy policy = r.get(NetworkPolicy.class, NAME);
        for (String slot : List.of("blue", "green")) {
            Map<String, String> labels = r.get(StatefulSet.class, NAME + "-" + slot)
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getLabels();
            assertThat(matches(policy.getSpec().getPodSelector(), labels))
                    .as(slot)
                    .isTrue();
            assertThat(onlyIngressRule(policy).getFrom()).anyMatch(from -> admits(from, labels));
        }
    }

    @Test
    void theGeneratedChartValidatesWithoutFindings() throws Exception {
        ChartValidator validator = new ChartValidator(
                new HelmChartRenderer(RenderedChart.HELM, null), new Validator(ValidationConfig.defaults()));
        assertThat(validator.validateChart(chart, "demo", List.of(), null).findings())
                .isEmpty();
    }
}
