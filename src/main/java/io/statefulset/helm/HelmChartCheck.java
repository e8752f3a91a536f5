package io.statefulset.helm;

import io.statefulset.chart.ChartCheck;
import io.statefulset.chart.ChartRejectedException;
import java.nio.file.Path;
import java.util.List;

/**
 * Proves a freshly generated chart with real Helm before it replaces the previous one: {@code helm
 * lint --strict} must report nothing above INFO, and {@code helm template} must render the default
 * values (lint treats a template's {@code fail} as INFO, so rendering is checked separately).
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
            helm.template(chartDirectory, TemplateRequest.release("release"));
        } catch (HelmException e) {
            throw new ChartRejectedException("Helm could not render the generated chart", List.of(e.getMessage()));
        }
    }
}
