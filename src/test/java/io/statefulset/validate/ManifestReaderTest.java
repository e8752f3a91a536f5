package io.statefulset.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and broken input: a clear problem or error, never a hang, a bare stack trace or unbounded memory. */
class ManifestReaderTest {

    @Test
    void malformedYamlIsAProblemOfItsDocumentAndTheRestIsRead() throws Exception {
        Manifests m =
                ManifestReader.read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: [oops\n---\n"
                        + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        assertThat(m.all()).extracting(Manifests.Manifest::name).containsExactly("a", "b");
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("schema-parse");
            assertThat(p.message()).contains("document 2").contains("line 4").contains("not valid YAML");
        });
    }

    @Test
    void aDocumentThatIsNotAMappingIsNamed() throws Exception {
        Manifests m = ManifestReader.read("just a string\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        assertThat(m.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("scalar 'just a string'"));
    }

    @Test
    void unknownKindIsAWarningNotACrash() throws Exception {
        Manifests m = ManifestReader.read(
                "apiVersion: example.org/v1\nkind: Gizmo\nmetadata: {name: g}\nspec: {anything: goes}\n");
        assertThat(m.problems()).extracting(Manifests.Problem::ruleId).containsExactly("schema-unknown-kind");
    }

    /**
     * The Prometheus Operator's ServiceMonitor, which charts with metrics carry, is read into its
     * type like the built-in kinds: checked, not merely reported as unknown.
     */
    @Test
    void aServiceMonitorIsReadStrictly() throws Exception {
        String monitor = "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\n"
                + "spec:\n  selector: {matchLabels: {app: x}}\n  endpoints:\n"
                + "    - {port: metrics, path: /metrics, interval: 30s, scrapeTimeout: 10s}\n";
        Manifests clean = ManifestReader.read(monitor);
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.all().get(0).object())
                .isInstanceOf(io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class);

        Manifests typo = ManifestReader.read(monitor.replace("scrapeTimeout", "scrapeTimout"));
        assertThat(typo.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("schema-unknown-field");
            assertThat(p.path()).isEqualTo("spec.endpoints[0].scrapeTimout");
        });
        Manifests noSelector = ManifestReader.read(monitor.replace("  selector: {matchLabels: {app: x}}\n", ""));
        assertThat(noSelector.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("schema-required-field");
            assertThat(p.path()).isEqualTo("spec.selector");
        });
        Manifests wrongType = ManifestReader.read(monitor.replace("endpoints:\n", "endpoints: 3\n")
                .replace("    - {port: metrics, path: /metrics, interval: 30s, scrapeTimeout: 10s}\n", ""));
        assertThat(wrongType.problems()).extracting(Manifests.Problem::ruleId).containsExactly("schema-wrong-type");
    }

    @Test
    void emptyStreamIsAnError() {
        assertThatThrownBy(() -> ManifestReader.read("---\n# nothing\n---\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("holds no Kubernetes objects");
        assertThatThrownBy(() -> ManifestReader.read("")).isInstanceOf(ManifestException.class);
    }

    @Test
    @Timeout(10)
    void aliasBombIsRefused() throws Exception {
        StringBuilder bomb = new StringBuilder(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        Manifests m = ManifestReader.read(bomb + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n");
        assertThat(m.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message()).contains("not valid YAML").containsIgnoringCase("alias"));
        assertThat(m.all()).extracting(Manifests.Manifest::name).containsExactly("fine");
    }

    @Test
    @Timeout(10)
    void deepNestingIsRefused() throws Exception {
        String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + "[".repeat(10_000)
                + "]".repeat(10_000) + "\n";
        Manifests m = ManifestReader.read(deep);
        assertThat(m.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message()).contains("not valid YAML").containsIgnoringCase("nesting"));
    }

    @Test
    @Timeout(10)
    void aFiftyMegabyteStreamIsRefusedAtOnce() {
        String doc =
                "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {k: \"" + "v".repeat(1000) + "\"}\n";
        String stream = doc.repeat(50 * 1024 * 1024 / doc.length() + 1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> ManifestReader.read(stream))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("more than the " + ManifestReader.MAX_STREAM_CHARS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anOversizedDocumentIsAProblemNotAnOutOfMemory() throws Exception {
        String big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {k: \""
                + "v".repeat(ManifestReader.MAX_DOCUMENT_CHARS) + "\"}\n";
        Manifests m = ManifestReader.read(big + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n");
        assertThat(m.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("characters, more than"));
        assertThat(m.all()).hasSize(1);
    }

    @Test
    void wrongTypesAreReportedWithTheirPathInsteadOfCoerced() throws Exception {
        Manifests m = ManifestReader.read(
                "apiVersion: v1\nkind: Service\nmetadata: {name: s, annotations: {count: 1}}\nspec: {ports: [{port: 80}]}\n");
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("schema-wrong-type");
            assertThat(p.path()).isEqualTo("metadata.annotations.count");
        });
    }

    @Test
    void releaseNameIsInferredFromTheInstanceLabelWhenObjectsAgree() throws Exception {
        String a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {app.kubernetes.io/instance: shop}}\n";
        String b =
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, labels: {app.kubernetes.io/instance: other}}\n";
        assertThat(ManifestReader.read(a).inferredReleaseName()).isEqualTo("shop");
        assertThat(ManifestReader.read(a + "---\n" + b).inferredReleaseName()).isNull();
        assertThat(List.of(ManifestReader.read(a).all().get(0).kind())).containsExactly("ConfigMap");
    }

    @Test
    @Timeout(20)
    void aliasesToOneLargeListAreRefusedBeforeTheyMultiply() throws Exception {
        StringBuilder doc = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\nb: &b [");
        doc.append("a,".repeat(600_000)).append("a]\nc: [");
        for (int i = 0; i < 49; i++) {
            doc.append(i == 0 ? "" : ", ").append("*b");
        }
        doc.append("]\n");
        Manifests m = ManifestReader.read(doc + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n");
        assertThat(m.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expands to more than"));
        assertThat(m.all()).extracting(Manifests.Manifest::name).containsExactly("fine");
    }

    @Test
    void plainScalarsAreTypedAsHelmAndTheApiServerTypeThem() throws Exception {
        // go-yaml v2: dates and 12:30 are strings (fine for an annotation), y and n are booleans (not a string).
        Manifests fine = ManifestReader.read(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, annotations: {released: 2024-01-01,"
                        + " window: 12:30}}\ndata: {x: \"1\"}\n");
        assertThat(fine.problems()).isEmpty();
        assertThat(fine.all().get(0).object().getMetadata().getAnnotations())
                .containsEntry("released", "2024-01-01")
                .containsEntry("window", "12:30");
        Manifests bool =
                ManifestReader.read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, annotations: {flag: y}}\n");
        assertThat(bool.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("schema-wrong-type");
            assertThat(p.path()).isEqualTo("metadata.annotations.flag");
        });
    }

    @Test
    void builtInKindsBeyondWorkloadsAreReadStrictly() throws Exception {
        Manifests m = ManifestReader.read(
                "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n"
                        + "    - host: example.org\n      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}\n"
                        + "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n"
                        + "spec: {scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}, maxReplicas: 3, minReplica: 1}\n");
        assertThat(m.problems())
                .extracting(Manifests.Problem::ruleId, Manifests.Problem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("schema-unknown-field", "spec.minReplica"));
    }

    @Test
    void theSkipAnnotationAlsoSilencesProblemsOfReading() throws Exception {
        String crd =
                "apiVersion: monitoring.example.org/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\n  annotations:\n"
                        + "    validate.statefulset.io/skip: schema-unknown-kind\n";
        Manifests m = ManifestReader.read(crd);
        assertThat(m.problems()).hasSize(1);
        assertThat(new Validator(ValidationConfig.defaults()).check(m, null)).isEmpty();
    }
}
