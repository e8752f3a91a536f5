package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default Kubernetes version is one whose API the fabric8 model knows: fabric8 generates its
 * model from one Kubernetes release's OpenAPI schema, named in the POM of its model generator
 * (the parent of every kubernetes-model module, so Maven has it in the local repository).
 */
class KubeVersionModelTest {
    private static final Pattern LATEST_SCHEMA =
            Pattern.compile("<openapi\\.schema\\.kubernetes-latest>[^<]*kubernetes-(\\d+\\.\\d+\\.\\d+)\\.json<");

    @Test
    void theDefaultKubernetesVersionIsNoNewerThanTheModel() throws Exception {
        String fabric8 = System.getProperty("fabric8.version");
        Path generatorPom = Path.of(System.getProperty("local.repository"))
                .resolve("io/fabric8/kubernetes-model-generator/" + fabric8 + "/kubernetes-model-generator-" + fabric8
                        + ".pom");
        Matcher schema = LATEST_SCHEMA.matcher(Files.readString(generatorPom));
        assertThat(schema.find())
                .as("the model's Kubernetes schema in %s", generatorPom)
                .isTrue();
        String modelled = schema.group(1);
        assertThat(compare(TemplateRequest.DEFAULT_KUBE_VERSION, modelled))
                .as("default %s against the model's Kubernetes %s", TemplateRequest.DEFAULT_KUBE_VERSION, modelled)
                .isLessThanOrEqualTo(0);
    }

    private static int compare(String a, String b) {
        return Arrays.compare(
                Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray(),
                Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }
}
