package io.statefulset.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parses a rendered multi-document YAML stream (such as {@code helm template} output) into typed
 * fabric8 objects ({@code StatefulSet}, {@code Service}, {@code Job}…), keeping the template each
 * document came from.
 */
public final class ManifestReader {
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One document of the stream: its typed object and the template that rendered it, if known. */
    public record Manifest(HasMetadata object, String source) {
        public String kind() {
            return object.getKind();
        }

        public String name() {
            return object.getMetadata() == null ? null : object.getMetadata().getName();
        }
    }

    private ManifestReader() {}

    /** Every non-empty document of {@code stream}, in order. */
    public static List<Manifest> read(String stream) throws ManifestException {
        List<Manifest> manifests = new ArrayList<>();
        int index = 0;
        for (String document : SEPARATOR.split(stream)) {
            index++;
            Object tree = yaml().load(document);
            if (tree == null) {
                continue;
            }
            Matcher source = SOURCE.matcher(document);
            String origin = source.find() ? source.group(1).trim() : null;
            if (!(tree instanceof Map<?, ?> map)) {
                throw new ManifestException(
                        "document " + index + (origin == null ? "" : " (" + origin + ")") + " is not a mapping");
            }
            try {
                KubernetesResource resource = MAPPER.convertValue(map, KubernetesResource.class);
                if (!(resource instanceof HasMetadata object)) {
                    throw new ManifestException("document " + index + " has no kind and metadata");
                }
                manifests.add(new Manifest(object, origin));
            } catch (IllegalArgumentException e) {
                throw new ManifestException(
                        "document " + index + (origin == null ? "" : " (" + origin + ")") + ": " + e.getMessage());
            }
        }
        return manifests;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        // Rendered manifests are machine-made; refuse alias bombs and absurd nesting outright.
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(100);
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
