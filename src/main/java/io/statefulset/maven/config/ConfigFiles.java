package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;
import java.io.File;
import java.nio.file.Path;

/** {@code <configFiles>}: a directory whose files become one ConfigMap, and where it is mounted. */
public class ConfigFiles implements RawConfiguration.ConfigFiles {
    /** Maven resolves a relative path against the project's directory. */
    private File directory;

    private String mountPath;

    @Override
    public Path directory() {
        return directory == null ? null : directory.toPath();
    }

    @Override
    public String mountPath() {
        return mountPath;
    }
}
