package io.statefulset.maven;

/** User properties of the plugin ({@code -Dstatefulset.…}), one place for all of them. */
public final class PropertyNames {
    public static final String SKIP = "statefulset.skip";
    public static final String GENERATE_SKIP = "statefulset.generate.skip";
    public static final String OUTPUT_DIRECTORY = "statefulset.outputDirectory";
    public static final String TEMPLATES_DIRECTORY = "statefulset.templatesDirectory";

    private PropertyNames() {}
}
