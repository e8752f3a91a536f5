package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;
import java.util.List;

/** {@code <chart>}: Chart.yaml metadata. Unset fields default from the project. */
public class Chart {
    private String name;
    private String version;
    private String appVersion;
    private String description;
    private String kubeVersion;
    private String home;
    private String icon;
    private List<String> sources;
    private List<Maintainer> maintainers;
    private List<String> keywords;

    public ChartSpec.ChartInfo toSpec() {
        return new ChartSpec.ChartInfo(
                name,
                version,
                appVersion,
                description,
                kubeVersion,
                home,
                icon,
                sources,
                maintainers == null
                        ? null
                        : maintainers.stream().map(Maintainer::toSpec).toList(),
                keywords);
    }

    /** {@code <maintainer>}: a chart maintainer. */
    public static class Maintainer {
        private String name;
        private String email;
        private String url;

        public ChartSpec.Maintainer toSpec() {
            return new ChartSpec.Maintainer(name, email, url);
        }
    }
}
