package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.PullPolicy;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.List;
import java.util.Map;

/** The application's container image ({@code <image>}) and the Secrets to pull it with. */
public final class Image {
    static final PullPolicy DEFAULT_PULL_POLICY = PullPolicy.IF_NOT_PRESENT;

    private final String repository;
    private final String tag;
    private final PullPolicy pullPolicy;
    private final List<String> pullSecrets;

    private Image(RawConfiguration raw, ChartInfo chart, Problems problems) {
        RawConfiguration.Image given = raw.image();
        repository = of(given, RawConfiguration.Image::repository);
        tag = or(of(given, RawConfiguration.Image::tag), chart.appVersion());
        checkRepository(problems);
        checkTag(chart, problems);
        pullPolicy = problems.oneOf(
                        "<image><pullPolicy>",
                        or(of(given, RawConfiguration.Image::pullPolicy), DEFAULT_PULL_POLICY.value()),
                        PullPolicy.class)
                .orElse(DEFAULT_PULL_POLICY);
        pullSecrets = Given.list(raw.imagePullSecrets());
        checkPullSecrets(problems);
    }

    static Image resolve(RawConfiguration raw, ChartInfo chart, Problems problems) {
        return new Image(raw, chart, problems);
    }

    private void checkRepository(Problems problems) {
        if (blank(repository)) {
            problems.error(
                    "<image><repository>",
                    repository,
                    "is required; set the image without its tag, e.g. ghcr.io/acme/visit-counter");
        } else if (repository.contains("@")
                || repository.substring(repository.lastIndexOf('/') + 1).contains(":")) {
            problems.error(
                    "<image><repository>",
                    repository,
                    "must not contain a tag or digest; put the tag into <image><tag>");
        } else if (!KubernetesSyntax.isImageRepository(repository)) {
            problems.error(
                    "<image><repository>",
                    repository,
                    "is not an image repository; use [registry[:port]/]path with lowercase path components, e.g. ghcr.io/acme/visit-counter");
        }
    }

    private void checkTag(ChartInfo chart, Problems problems) {
        if (!KubernetesSyntax.isImageTag(tag) && tag != null && tag.equals(chart.appVersion())) {
            problems.error(
                    "<chart><appVersion>",
                    tag,
                    "is used as the image tag but is not a valid one (letters, digits, '_', '.' and '-' only); set <image><tag> explicitly");
        } else if (!KubernetesSyntax.isImageTag(tag)) {
            problems.error(
                    "<image><tag>",
                    tag,
                    "is not an image tag; use up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'");
        } else if (tag.equals(LATEST)) {
            problems.warning("<image><tag>", tag, LATEST_ADVICE);
        }
    }

    private static final String LATEST = "latest";
    private static final String LATEST_ADVICE =
            "'latest' makes every pod restart pull whatever is newest and breaks rollbacks; pin a version";

    /**
     * A whole image reference of another container (an init container, a sidecar) under the tag
     * rules of the application's image: a tag or digest is required, and {@code latest} draws the
     * same warning.
     */
    static void checkReference(String element, String image, Problems problems) {
        if (blank(image)) {
            problems.error(
                    element, image, "is required; give the image with its tag, e.g. registry.example/tools:1.4.2");
            return;
        }
        int digest = image.indexOf('@');
        String named = digest < 0 ? image : image.substring(0, digest);
        int colon = named.lastIndexOf(':');
        boolean hasTag = colon > named.lastIndexOf('/');
        String repository = hasTag ? named.substring(0, colon) : named;
        String tag = hasTag ? named.substring(colon + 1) : null;
        if (!KubernetesSyntax.isImageRepository(repository)
                || (digest >= 0 && !image.substring(digest + 1).matches("sha256:[a-f0-9]{64}"))) {
            problems.error(
                    element,
                    image,
                    "is not an image reference; use [registry[:port]/]path:tag with lowercase path components, e.g. registry.example/tools:1.4.2");
        } else if (digest >= 0) {
            return;
        } else if (tag == null) {
            problems.error(
                    element,
                    image,
                    "has no tag, so every node runs whatever was 'latest' when it pulled; pin a version, e.g. " + image
                            + ":1.0.0");
        } else if (!KubernetesSyntax.isImageTag(tag)) {
            problems.error(
                    element,
                    image,
                    "has the tag '" + tag
                            + "', which is not an image tag; use up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'");
        } else if (tag.equals(LATEST)) {
            problems.warning(element, image, LATEST_ADVICE);
        }
    }

    private void checkPullSecrets(Problems problems) {
        for (int i = 0; i < pullSecrets.size(); i++) {
            String secret = pullSecrets.get(i);
            if (!KubernetesSyntax.isDnsSubdomain(secret)) {
                problems.error(
                        "<imagePullSecrets><imagePullSecret>[" + (i + 1) + "]",
                        secret,
                        "is not a Secret name; use lowercase letters, digits, '-' and '.'");
            }
        }
    }

    /** {@code image} and {@code imagePullSecrets}. */
    void values(Builder values) {
        values.section(
                        "image",
                        "The application's container image",
                        image -> image.leaf(
                                        "repository",
                                        "Image repository, without tag",
                                        repository,
                                        string("^[^\\s:@]+(:[0-9]+)?(/[^\\s:@]+)*$"))
                                .leaf(
                                        "tag",
                                        "Image tag; empty means the chart's appVersion",
                                        tag,
                                        ValueSchemas.imageTag())
                                .leaf(
                                        "pullPolicy",
                                        "When the kubelet pulls the image",
                                        pullPolicy.value(),
                                        enumOf(Vocabulary.values(PullPolicy.class))))
                .leaf(
                        "imagePullSecrets",
                        "Secrets holding registry credentials, as a list of {name: <secret>}",
                        pullSecrets.stream().map(n -> Map.of("name", n)).toList(),
                        array(schema(
                                "type",
                                "object",
                                "properties",
                                Map.of("name", string()),
                                "required",
                                List.of("name"))));
    }

    public String repository() {
        return repository;
    }

    /** The tag; the chart's appVersion unless {@code <image><tag>} says otherwise. */
    public String tag() {
        return tag;
    }

    public PullPolicy pullPolicy() {
        return pullPolicy;
    }

    public List<String> pullSecrets() {
        return pullSecrets;
    }
}
