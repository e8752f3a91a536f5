package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;
import java.util.List;

/** {@code <chart>}: Chart.yaml metadata. Unset fields default from the project. */
public class Chart implements RawConfiguration.Chart {
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

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String appVersion() {
        return appVersion;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String kubeVersion() {
        return kubeVersion;
    }

    @Override
    public String home() {
        return home;
    }

    @Override
    public String icon() {
        return icon;
    }

    @Override
    public List<String> sources() {
        return sources;
    }

    @Override
    public List<Maintainer> maintainers() {
        return maintainers;
    }

    @Override
    public List<String> keywords() {
        return keywords;
    }

    /** {@code <maintainer>}: a chart maintainer. */
    public static class Maintainer implements RawConfiguration.Maintainer {
        private String name;
        private String email;
        private String url;

        @Override
        public String name() {
            return name;
        }

        @Override
        public String email() {
            return email;
        }

        @Override
        public String url() {
            return url;
        }
    }
}
