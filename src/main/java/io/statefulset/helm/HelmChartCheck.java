package io.statefulset.helm;

import io.statefulset.chart.ChartCheck;
import io.statefulset.chart.ChartRejectedException;
import io.statefulset.validate.ManifestException;
import io.statefulset.validate.ManifestReader;
import io.statefulset.validate.Manifests;
import java.nio.file.Path;
import java.util.List;

/**
 * Proves a freshly generated chart with real Helm before it replaces the previous one: {@code helm
 * lint --strict} must report nothing above INFO, {@code helm template} must render the default
 * values (lint treats a template's {@code fail} as INFO, so rendering is checked separately), and
 * every rendered object must read back without unknown fields or wrong types.
 */
public final class HelmChartCheck implements ChartCheck {
    private final HelmRunner helm;

    public HelmChartCheck(HelmRunner helm) {
        this.helm = helm;
    }

    @Override
    public void verify(Path chartDirectory) throws ChartRejectedException {
        try {
            LintReport lint = helm.lint(chartDirectory, true);
            if (lint.failed() || !lint.aboveInfo().isEmpty()) {
                throw new ChartRejectedException("helm lint --strict rejected the generated chart", lint.aboveInfo());
            }
            // validate's default release name: validate then finds this render in the worker cache.
            String rendered = KubeVersionFallback.render(
                    helm,
                    chartDirectory,
                    TemplateRequest.release(io.statefulset.validate.ChartValidator.DEFAULT_RELEASE));
            // Rendering is not enough: every object must also read back strictly, as the API server would read it.
            Manifests manifests = ManifestReader.read(rendered);
            if (!manifests.problems().isEmpty()) {
                throw new ChartRejectedException(
                        "the generated chart renders objects the API server would refuse",
                        manifests.problems().stream()
                                .map(p -> p.kind() + "/" + p.name() + " " + p.path() + ": " + p.message())
                                .toList());
            }
        } catch (HelmStoppedException e) {
            throw new ChartRejectedException(
                    "Helm was stopped while checking the generated chart", List.of(e.getMessage()));
        } catch (HelmException e) {
            throw new ChartRejectedException("Helm could not render the generated chart", List.of(e.getMessage()));
        } catch (ManifestException e) {
            throw new ChartRejectedException(
                    "the generated chart renders no readable objects", List.of(e.getMessage()));
        }
    }
}
