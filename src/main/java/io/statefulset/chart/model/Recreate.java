package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.UpdateStrategyType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OnDelete, plus a post-upgrade and post-rollback hook Job that deletes the release's pods so that
 * every pod comes back on the new template. Its next steps in NOTES.txt: {@code notes/recreate.txt}.
 */
public final class Recreate extends Strategy {
    public static final String NAME = "recreate";
    /** kubectl for the hook; the Kubernetes project publishes it. */
    static final String DEFAULT_IMAGE = "registry.k8s.io/kubectl:v1.35.0";

    private final String image;

    Recreate(RawConfiguration raw) {
        image = or(raw.recreateImage(), DEFAULT_IMAGE);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The image with kubectl that deletes the pods. */
    public String image() {
        return image;
    }

    /**
     * Left to recreate, the type is OnDelete, which has no maxUnavailable: {@link #check} reports a
     * given one itself, so the generic check does not judge its value.
     */
    @Override
    UpdateSettings read(UpdateSettings given) {
        return given.type() == null ? new UpdateSettings(null, given.partition(), null) : given;
    }

    @Override
    UpdateStrategyType updateType() {
        return UpdateStrategyType.ON_DELETE;
    }

    @Override
    void check(UpdateSettings given, Workload workload, Problems problems) {
        if (given.type() != null && !given.type().equals(UpdateStrategyType.ON_DELETE.value())) {
            problems.error(
                    "<updateStrategy><type>",
                    given.type(),
                    "contradicts <strategy>recreate</strategy>, which is OnDelete plus a hook that"
                            + " deletes the pods; remove <type>");
        }
        notWithOnDelete("<updateStrategy><partition>", given.partition(), problems);
        notWithOnDelete("<updateStrategy><maxUnavailable>", given.maxUnavailable(), problems);
        if (blank(image) || !KubernetesSyntax.isImageReference(image)) {
            problems.error("<recreateImage>", image, "must be an image with kubectl, e.g. " + DEFAULT_IMAGE);
        } else if (!pinned(image)) {
            problems.warning(
                    "<recreateImage>",
                    image,
                    "pulls whatever is newest ('latest') each upgrade; pin a version, e.g. " + DEFAULT_IMAGE);
        }
    }

    private static void notWithOnDelete(String element, Object value, Problems problems) {
        if (value != null) {
            problems.error(
                    element,
                    String.valueOf(value),
                    "is a RollingUpdate setting, which OnDelete (and so <strategy>recreate</strategy>) does not"
                            + " have; remove it");
        }
    }

    /** Whether an image reference names a tag or digest; a colon before the last '/' is a registry port. */
    private static boolean pinned(String image) {
        if (image.contains("@")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon >= 0 && !last.substring(colon + 1).equals("latest");
    }

    /** The elements that set this strategy, by element. */
    static Map<String, Object> settings(RawConfiguration raw) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("<recreateImage>", raw.recreateImage());
        return settings;
    }

    /** {@code recreate}: the hook's image and resources. */
    static void values(Builder values, Strategy chosen) {
        Recreate recreate = chosen instanceof Recreate r ? r : null;
        values.section(
                NAME,
                "Settings of strategy recreate: a post-upgrade hook deletes the pods so that all restart on the new version",
                section -> section.leaf(
                                "image",
                                "Image with kubectl that deletes the pods",
                                recreate == null ? DEFAULT_IMAGE : recreate.image,
                                string("^\\S+$"))
                        .leaf(
                                "resources",
                                "Requests and limits of the hook's container",
                                ValueSchemas.auxiliaryResources(),
                                ValueSchemas.resourcesSchema()));
    }
}
