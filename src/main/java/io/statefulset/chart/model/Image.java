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
        } else if (tag.equals("latest")) {
            problems.warning(
                    "<image><tag>",
                    tag,
                    "'latest' makes every pod restart pull whatever is newest and breaks rollbacks; pin a version");
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
