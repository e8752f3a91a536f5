package io.statefulset.maven;

import io.statefulset.helm.HelmRunner;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that runs Helm to lint, render or package charts, each call bounded by {@code renderTimeout}. */
public abstract class AbstractRenderingMojo extends AbstractStatefulSetMojo {

    /**
     * Seconds each Helm lint, render or packaging may take before it is stopped and the goal fails, naming the
     * chart. Helm runs in a worker process, so a template that loops or renders far too much is
     * really stopped, memory included. Default 60; e.g. {@code <renderTimeout>120</renderTimeout>}
     * for a chart with very large templates.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RENDER_TIMEOUT, defaultValue = "60")
    private int renderTimeout;

    /**
     * The runner for this goal; a platform Helm has no native library for fails here, before any
     * work.
     */
    protected HelmRunner helm() throws MojoExecutionException {
        // renderTimeout was checked by checkParameters() before the goal began.
        return BuildHelm.runner(session, renderTimeout);
    }

    @Override
    protected void checkParameters() throws MojoFailureException {
        if (renderTimeout < 1) {
            throw new MojoFailureException(
                    "<renderTimeout> = '" + renderTimeout + "': must be at least 1 (seconds); the default is 60");
        }
    }
}
