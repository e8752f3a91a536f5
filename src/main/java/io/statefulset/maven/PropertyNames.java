package io.statefulset.maven;

/** User properties of the plugin ({@code -Dstatefulset.…}), one place for all of them. */
public final class PropertyNames {
    public static final String SKIP = "statefulset.skip";
    public static final String GENERATE_SKIP = "statefulset.generate.skip";
    public static final String OUTPUT_DIRECTORY = "statefulset.outputDirectory";
    public static final String TEMPLATES_DIRECTORY = "statefulset.templatesDirectory";
    public static final String VALIDATE_SKIP = "statefulset.validate.skip";
    public static final String PACKAGE_SKIP = "statefulset.package.skip";
    public static final String TEMPLATE_SKIP = "statefulset.template.skip";
    public static final String PUSH_SKIP = "statefulset.push.skip";
    public static final String SET = "statefulset.set";
    public static final String NAMESPACE = "statefulset.namespace";
    public static final String PUSH_URL = "statefulset.pushUrl";
    public static final String PUSH_SERVER_ID = "statefulset.pushServerId";
    public static final String PLAIN_HTTP = "statefulset.plainHttp";
    public static final String CA_FILE = "statefulset.caFile";
    public static final String INSECURE_SKIP_TLS_VERIFY = "statefulset.insecureSkipTlsVerify";
    public static final String OVERWRITE = "statefulset.overwrite";
    public static final String CHART_DIRECTORY = "statefulset.chartDirectory";
    public static final String MANIFESTS = "statefulset.manifests";
    public static final String RELEASE_NAME = "statefulset.releaseName";
    public static final String VALUES_FILES = "statefulset.valuesFiles";
    public static final String PREVIOUS_CHART = "statefulset.previousChart";
    public static final String PREVIOUS_CHART_VERSION = "statefulset.previousChartVersion";
    public static final String PREVIOUS_CHART_SERVER_ID = "statefulset.previousChartServerId";
    public static final String FAIL_ON = "statefulset.failOn";
    public static final String KUBE_VERSION = "statefulset.kubeVersion";
    public static final String REPORTS_DIRECTORY = "statefulset.reportsDirectory";
    public static final String RENDER_TIMEOUT = "statefulset.renderTimeout";
    public static final String PUSH_TIMEOUT = "statefulset.pushTimeout";
    public static final String PULL_TIMEOUT = "statefulset.pullTimeout";

    private PropertyNames() {}
}
