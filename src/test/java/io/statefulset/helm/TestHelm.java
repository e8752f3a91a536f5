package io.statefulset.helm;

import io.statefulset.chart.ChartPackaging;
import java.time.Duration;

/** Test support: one worker pool for every test in a JVM, as a build has one for all its goals. */
public final class TestHelm {
    /** Generous: tests run beside each other on small machines; the limit tests set their own. */
    public static final Duration RENDER_TIMEOUT = Duration.ofSeconds(120);

    public static final HelmWorkers WORKERS = new HelmWorkers();
    public static final HelmRunner RUNNER = new HelmRunner(WORKERS, RENDER_TIMEOUT, "<renderTimeout>");
    public static final ChartPackaging PACKAGING = new HelmChartPackaging(RUNNER);

    private TestHelm() {}
}
