package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <variable>} of {@code <secretEnv>}: a variable read from a key of an existing Secret. */
public class SecretEnvVariable implements RawConfiguration.SecretEnvVariable {
    private String name;
    private String secretName;
    private String key;
    private Boolean optional;

    @Override
    public String name() {
        return name;
    }

    @Override
    public String secretName() {
        return secretName;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Boolean optional() {
        return optional;
    }
}
