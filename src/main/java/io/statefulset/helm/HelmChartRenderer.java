package io.statefulset.helm;

import io.statefulset.validate.ChartRenderer;
import java.nio.file.Path;
import java.util.List;

/** Validation's view of Helm: lint and render, with Helm's errors passed on as they are. */
public final class HelmChartRenderer implements ChartRenderer {
    private final HelmRunner helm;
    private final String kubeVersion;
    private final boolean explicitVersion;

    public HelmChartRenderer(HelmRunner helm, String kubeVersion) {
        this.helm = helm;
        this.explicitVersion = kubeVersion != null && !kubeVersion.isBlank();
        this.kubeVersion = explicitVersion ? kubeVersion : TemplateRequest.DEFAULT_KUBE_VERSION;
    }

    @Override
    public List<String> lint(Path chart) throws RenderException, RenderStoppedException {
        try {
            return helm.lint(chart, true).messages();
        } catch (HelmStoppedException e) {
            throw new RenderStoppedException(e.getMessage(), e);
        } catch (HelmException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }

    @Override
    public String render(Path chart, String release, List<Path> valuesFiles)
            throws RenderException, RenderStoppedException {
        try {
            TemplateRequest request = TemplateRequest.release(release)
                    .withValuesFiles(valuesFiles)
                    .withKubeVersion(kubeVersion);
            // An explicit version is what the user asked for; only the default may move to one the chart accepts.
            return explicitVersion ? helm.template(chart, request) : KubeVersionFallback.render(helm, chart, request);
        } catch (HelmStoppedException e) {
            throw new RenderStoppedException(e.getMessage(), e);
        } catch (HelmException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }
}
