package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rendered manifest stream read into typed objects: each with the template it came from, the
 * problems met while reading it, and what the rules need to know about the release (its name, the
 * chart's version strings).
 */
public final class Manifests {

    /** One object of the stream and the template that rendered it, if known. */
    public record Manifest(HasMetadata object, String source, int document) {
        public String kind() {
            return object.getKind();
        }

        public String name() {
            return object.getMetadata() == null ? null : object.getMetadata().getName();
        }
    }

    /** Something wrong with a document itself: YAML, shape, unknown fields, types, required fields. */
    public record Problem(
            String ruleId, int document, String source, String kind, String name, String path, String message) {}

    private final List<Manifest> manifests;
    private final List<Problem> problems;
    private final Map<HasMetadata, Manifest> byObject = new IdentityHashMap<>();
    private final Map<Class<?>, Map<String, HasMetadata>> byName = new java.util.HashMap<>();
    private String releaseName;
    private Set<String> versionStrings = Set.of();

    private final Map<Integer, Set<String>> skippedRules;

    Manifests(List<Manifest> manifests, List<Problem> problems) {
        this(manifests, problems, Map.of());
    }

    Manifests(List<Manifest> manifests, List<Problem> problems, Map<Integer, Set<String>> skippedRules) {
        this.skippedRules = Map.copyOf(skippedRules);
        this.manifests = Collections.unmodifiableList(new ArrayList<>(manifests));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
        for (Manifest m : manifests) {
            byObject.put(m.object(), m);
        }
    }

    public List<Manifest> all() {
        return manifests;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Every object of {@code type}, in stream order. */
    public <T extends HasMetadata> List<T> of(Class<T> type) {
        List<T> list = new ArrayList<>();
        for (Manifest m : manifests) {
            if (type.isInstance(m.object())) {
                list.add(type.cast(m.object()));
            }
        }
        return list;
    }

    /**
     * The object of {@code type} named {@code name}, or null; indexed on first use so that rules
     * looking objects up by name stay linear in the size of the stream.
     */
    public <T extends HasMetadata> T named(Class<T> type, String name) {
        Map<String, HasMetadata> index = byName.computeIfAbsent(type, t -> {
            Map<String, HasMetadata> map = new java.util.HashMap<>();
            for (HasMetadata o : of(type)) {
                if (o.getMetadata() != null && o.getMetadata().getName() != null) {
                    map.putIfAbsent(o.getMetadata().getName(), o);
                }
            }
            return map;
        });
        return type.cast(index.get(name));
    }

    /** The template that rendered {@code object}, or null. */
    public String sourceOf(HasMetadata object) {
        Manifest m = byObject.get(object);
        return m == null ? null : m.source();
    }

    /** The rules document {@code document} opts out of with the skip annotation, even when it could not be read as its type. */
    public Set<String> skippedRules(int document) {
        return skippedRules.getOrDefault(document, Set.of());
    }

    /** The release the stream was rendered for; null when unknown. */
    public String releaseName() {
        return releaseName;
    }

    /** Strings derived from the chart's version and appVersion; they must not reach immutable fields. */
    public Set<String> versionStrings() {
        return versionStrings;
    }

    public Manifests withRelease(String release) {
        this.releaseName = release;
        return this;
    }

    public Manifests withVersionStrings(Set<String> versions) {
        this.versionStrings = Set.copyOf(versions);
        return this;
    }

    /** The release name as the objects' {@code app.kubernetes.io/instance} label says, if they agree. */
    public String inferredReleaseName() {
        String found = null;
        for (Manifest m : manifests) {
            Map<String, String> labels = m.object().getMetadata() == null
                    ? null
                    : m.object().getMetadata().getLabels();
            String instance = labels == null ? null : labels.get("app.kubernetes.io/instance");
            if (instance != null) {
                if (found != null && !found.equals(instance)) {
                    return null;
                }
                found = instance;
            }
        }
        return found;
    }
}
