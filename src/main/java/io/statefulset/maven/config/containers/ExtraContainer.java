package io.statefulset.maven.config.containers;

import io.statefulset.chart.model.RawConfiguration;
import io.statefulset.maven.config.Resources;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <initContainer>} or {@code <sidecar>}: another container of the application's pods.
 *
 * <p>In a package of its own: Maven binds an element of a list to the class of the list owner's
 * package named like the element, before the list's declared type. Beside {@code config.Port}, a
 * sidecar's {@code <ports><port>} would become an application port, which has no {@code publish}.
 */
public class ExtraContainer implements RawConfiguration.ExtraContainer {
    private String name;
    private String image;
    private List<String> command;
    private List<String> args;
    private Map<String, String> env;
    private List<ExtraPort> ports;
    private Resources resources;

    @Override
    public String name() {
        return name;
    }

    @Override
    public String image() {
        return image;
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public List<String> args() {
        return args;
    }

    /** A variable written as {@code <NAME/>} arrives as null; it means the empty string. */
    @Override
    public Map<String, String> env() {
        if (env == null) {
            return null;
        }
        Map<String, String> copy = new TreeMap<>();
        env.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return copy;
    }

    @Override
    public List<ExtraPort> ports() {
        return ports;
    }

    @Override
    public Resources resources() {
        return resources;
    }
}
