package io.statefulset.maven;

import io.statefulset.helm.HelmRunner;
import io.statefulset.helm.HelmUnavailableException;
import io.statefulset.helm.HelmWorkers;
import java.time.Duration;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.SessionData;

/**
 * The build's Helm worker processes, kept in the build's session data: every goal and module of one
 * build shares them, so a worker started by {@code generate} serves {@code validate} next and a
 * lint both ask for runs once. The workers end when the JVM exits, or sooner when idle.
 */
final class BuildHelm {
    private BuildHelm() {}

    static HelmWorkers workers(MavenSession session) {
        if (session == null || session.getRepositorySession() == null) {
            return new HelmWorkers();
        }
        SessionData data = session.getRepositorySession().getData();
        Object key = HelmWorkers.class;
        HelmWorkers existing = (HelmWorkers) data.get(key);
        if (existing != null) {
            return existing;
        }
        HelmWorkers created = new HelmWorkers();
        java.io.File repository =
                session.getRepositorySession().getLocalRepository().getBasedir();
        if (repository != null) {
            // Beside the jar the library comes from: unpacked once, not in every build.
            created.cacheNativeIn(repository.toPath());
        }
        if (data.set(key, null, created)) {
            return created;
        }
        // Another module of a parallel build was first; use its pool.
        created.close();
        return (HelmWorkers) data.get(key);
    }

    /**
     * A runner whose every lint and render ends after {@code renderTimeoutSeconds}; fails at once
     * when Helm has no native library for this platform.
     */
    static HelmRunner runner(MavenSession session, int renderTimeoutSeconds) throws MojoExecutionException {
        HelmWorkers workers = workers(session);
        try {
            workers.requireNative();
        } catch (HelmUnavailableException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        return new HelmRunner(
                workers,
                Duration.ofSeconds(renderTimeoutSeconds),
                "<renderTimeout> (-D" + PropertyNames.RENDER_TIMEOUT + ")");
    }
}
