package io.statefulset.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.statefulset.validate.Manifests.Manifest;
import io.statefulset.validate.Manifests.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a rendered multi-document YAML stream (such as {@code helm template} output) into typed
 * fabric8 objects ({@code StatefulSet}, {@code Service}, {@code Job}…) the way the API server
 * would: a string where a number belongs, an unknown field or a missing required field is a
 * problem with its YAML path, not something silently coerced or dropped.
 *
 * <p>Hostile input stays bounded: the stream, each document, nesting depth and alias expansion
 * have limits, and breaking one is a problem of that document, never a hang.
 */
public final class ManifestReader {
    /** Largest stream accepted, in characters. */
    public static final int MAX_STREAM_CHARS = 32 * 1024 * 1024;

    static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;
    static final int MAX_NESTING = 64;
    static final int MAX_ALIASES = 50;
    static final long MAX_EXPANDED_VALUES = 1_000_000;

    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---(?:[ \\t].*)?$");
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");

    /** No coercion: the API server refuses "3" for an integer field, and so do we. */
    private static final ObjectMapper STRICT = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        // Nor does it take 1 or true for a string (an annotation value, an env value).
        for (CoercionInputShape shape :
                List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    private ManifestReader() {}

    /** Reads every document of {@code stream}; documents that cannot be read become problems. */
    public static Manifests read(String stream) throws ManifestException {
        if (stream.length() > MAX_STREAM_CHARS) {
            throw new ManifestException("the manifest stream has " + stream.length() + " characters, more than the "
                    + MAX_STREAM_CHARS + " this reader accepts; validate the chart's parts separately");
        }
        List<Manifest> manifests = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<Integer, java.util.Set<String>> skips = new java.util.HashMap<>();
        Yaml yaml = yaml();
        int document = 0;
        int line = 1;
        Matcher separators = SEPARATOR.matcher(stream);
        int start = 0;
        while (start <= stream.length()) {
            boolean more = separators.find();
            int end = more ? separators.start() : stream.length();
            String text = stream.substring(start, end);
            document++;
            readDocument(yaml, text, document, line, manifests, problems, skips);
            if (!more) {
                break;
            }
            line += countLines(stream, start, separators.end());
            start = separators.end();
        }
        if (manifests.isEmpty() && problems.isEmpty()) {
            throw new ManifestException("the manifest stream holds no Kubernetes objects");
        }
        return new Manifests(manifests, problems, skips);
    }

    private static void readDocument(
            Yaml yaml,
            String text,
            int document,
            int firstLine,
            List<Manifest> manifests,
            List<Problem> problems,
            Map<Integer, java.util.Set<String>> skips) {
        Matcher sourceMatcher = SOURCE.matcher(text);
        String source = sourceMatcher.find() ? sourceMatcher.group(1).trim() : null;
        if (text.length() > MAX_DOCUMENT_CHARS) {
            problems.add(new Problem(
                    "schema-parse",
                    document,
                    source,
                    null,
                    null,
                    "",
                    "document " + document + " has " + text.length() + " characters, more than the "
                            + MAX_DOCUMENT_CHARS + " accepted"));
            return;
        }
        Object tree;
        try {
            tree = yaml.load(text);
        } catch (YAMLException e) {
            problems.add(new Problem(
                    "schema-parse",
                    document,
                    source,
                    null,
                    null,
                    "",
                    "document " + document + " (starting at line " + firstLine + ") is not valid YAML: "
                            + oneLine(e.getMessage())));
            return;
        }
        if (tree == null) {
            return;
        }
        if (expandedSize(tree, MAX_EXPANDED_VALUES) > MAX_EXPANDED_VALUES) {
            problems.add(new Problem(
                    "schema-parse",
                    document,
                    source,
                    null,
                    null,
                    "",
                    "document " + document + " expands to more than " + MAX_EXPANDED_VALUES
                            + " values through YAML aliases; it is not a Kubernetes object"));
            return;
        }
        if (!(tree instanceof Map<?, ?> map)) {
            problems.add(new Problem(
                    "schema-parse",
                    document,
                    source,
                    null,
                    null,
                    "",
                    "document " + document + " (starting at line " + firstLine + ") is a " + describe(tree)
                            + ", not a Kubernetes object"));
            return;
        }
        skips.put(document, skipAnnotation(map));
        Object kind = map.get("kind");
        Object apiVersion = map.get("apiVersion");
        String name = name(map);
        if (!(kind instanceof String) || !(apiVersion instanceof String)) {
            problems.add(new Problem(
                    "schema-required-field",
                    document,
                    source,
                    str(kind),
                    name,
                    kind instanceof String ? "apiVersion" : "kind",
                    "document " + document + " has no " + (kind instanceof String ? "apiVersion" : "kind")));
            return;
        }
        HasMetadata object;
        try {
            KubernetesResource resource = STRICT.convertValue(map, KubernetesResource.class);
            object = (HasMetadata) resource;
        } catch (IllegalArgumentException e) {
            String path = e.getCause() instanceof JsonMappingException jme ? path(jme) : "";
            problems.add(new Problem("schema-wrong-type", document, source, (String) kind, name, path, typeMessage(e)));
            return;
        }
        if (object instanceof GenericKubernetesResource) {
            problems.add(new Problem(
                    "schema-unknown-kind",
                    document,
                    source,
                    (String) kind,
                    name,
                    "kind",
                    apiVersion + " " + kind
                            + " is not a kind this validator knows; it is checked by nothing but Helm"));
        } else {
            UnknownFields.find(
                    object,
                    (path, field) -> problems.add(new Problem(
                            "schema-unknown-field",
                            document,
                            source,
                            (String) kind,
                            name,
                            path,
                            "unknown field '" + field + "'; the API server rejects it (or drops it without a word)")));
            RequiredFields.find(
                    object,
                    (path, message) -> problems.add(new Problem(
                            "schema-required-field", document, source, (String) kind, name, path, message)));
        }
        manifests.add(new Manifest(object, source, document));
    }

    private static String typeMessage(IllegalArgumentException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause instanceof JsonMappingException jme ? jme.getOriginalMessage() : cause.getMessage();
        return "wrong type: " + oneLine(message);
    }

    /** Jackson's reference path as a YAML path, e.g. {@code spec.template.spec.containers[0].ports[0].containerPort}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The rule ids of the object's validate.statefulset.io/skip annotation, read from the raw document. */
    private static java.util.Set<String> skipAnnotation(Map<?, ?> map) {
        if (map.get("metadata") instanceof Map<?, ?> meta
                && meta.get("annotations") instanceof Map<?, ?> annotations
                && annotations.get(ValidationConfig.SKIP_ANNOTATION) instanceof String skip) {
            return java.util.Arrays.stream(skip.split(","))
                    .map(String::trim)
                    .collect(java.util.stream.Collectors.toSet());
        }
        return java.util.Set.of();
    }

    private static String name(Map<?, ?> map) {
        return map.get("metadata") instanceof Map<?, ?> meta && meta.get("name") instanceof String n ? n : null;
    }

    private static String describe(Object tree) {
        return tree instanceof List ? "list" : "scalar '" + oneLine(String.valueOf(tree)) + "'";
    }

    private static String str(Object o) {
        return o instanceof String s ? s : null;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s*\\n\\s*", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static int countLines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        options.setAllowDuplicateKeys(false);
        DumperOptions unused = new DumperOptions();
        return new Yaml(
                new GoYamlResolver.Constructor(options),
                new Representer(unused),
                unused,
                options,
                new GoYamlResolver());
    }

    /**
     * How many values the document holds once its aliases are expanded, counting until {@code
     * budget} is exceeded. A few aliases to one large list would otherwise turn into millions of
     * values when the document is converted to its Kubernetes type.
     */
    static long expandedSize(Object tree, long budget) {
        long[] count = {0};
        expand(tree, count, budget);
        return count[0];
    }

    private static void expand(Object node, long[] count, long budget) {
        if (++count[0] > budget) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                expand(e.getValue(), count, budget);
                if (count[0] > budget) {
                    return;
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                expand(item, count, budget);
                if (count[0] > budget) {
                    return;
                }
            }
        }
    }
}
