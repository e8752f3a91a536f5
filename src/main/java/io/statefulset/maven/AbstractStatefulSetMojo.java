package io.statefulset.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Skip handling shared by every goal; {@link #execute()} is fixed, goals implement {@link #doExecute()}. */
public abstract class AbstractStatefulSetMojo extends AbstractMojo {

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + goal() + ": " + PropertyNames.SKIP + " is true");
            return;
        }
        if (goalSkipped()) {
            getLog().info("Skipping " + goal() + ": " + goalSkipProperty() + " is true");
            return;
        }
        doExecute();
    }

    /** The goal's name as users type it, e.g. {@code statefulset:generate}. */
    protected abstract String goal();

    /** Whether the goal's own skip parameter is set. */
    protected abstract boolean goalSkipped();

    /** The property of the goal's own skip parameter. */
    protected abstract String goalSkipProperty();

    protected abstract void doExecute() throws MojoExecutionException, MojoFailureException;
}
