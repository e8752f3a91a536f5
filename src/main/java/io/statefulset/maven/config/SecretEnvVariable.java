package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <variable>} of {@code <secretEnv>}: a variable read from a key of an existing Secret. */
public class SecretEnvVariable {
    private String name;
    private String secretName;
    private String key;
    private Boolean optional;

    public ChartSpec.SecretEnvSpec toSpec() {
        return new ChartSpec.SecretEnvSpec(name, secretName, key, optional);
    }
}
