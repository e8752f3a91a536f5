package io.statefulset.maven;

import io.statefulset.chart.ConfigElement;
import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.ConfigurationCheck;
import io.statefulset.chart.GoalParameter;
import io.statefulset.chart.GoalParameter.Keys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The plugin's configuration as the POM wrote it, read from the project model before Maven's
 * binding drops unknown elements and merges repeated keys, and checked by {@link
 * ConfigurationCheck}.
 */
final class WrittenConfiguration {
    private WrittenConfiguration() {}

    /**
     * The problems of the plugin-level {@code <configuration>} (shared by every goal) and of the
     * running execution's (which Maven has already merged with the plugin-level one). Maven takes
     * both from the build plugins, or from plugin management when the build does not declare the
     * plugin.
     */
    static List<ConfigProblem> problems(PluginDescriptor plugin, MavenProject project, MojoExecution execution) {
        Plugin declared = declaration(project, plugin.getPluginLookupKey());
        if (declared == null) {
            return List.of();
        }
        List<GoalParameter> parameters = parameters(plugin);
        Set<ConfigProblem> problems = new LinkedHashSet<>();
        problems.addAll(check(declared.getConfiguration(), parameters));
        PluginExecution running = declared.getExecutionsAsMap().get(execution.getExecutionId());
        if (running != null) {
            problems.addAll(check(running.getConfiguration(), parameters));
        }
        return List.copyOf(problems);
    }

    private static Plugin declaration(MavenProject project, String key) {
        Plugin declared = project.getBuild() == null
                ? null
                : project.getBuild().getPluginsAsMap().get(key);
        if (declared == null && project.getPluginManagement() != null) {
            declared = project.getPluginManagement().getPluginsAsMap().get(key);
        }
        return declared;
    }

    private static List<ConfigProblem> check(Object configuration, List<GoalParameter> parameters) {
        return configuration instanceof Xpp3Dom dom ? ConfigurationCheck.check(element(dom), parameters) : List.of();
    }

    /** Every parameter of every goal, as the plugin descriptor of the running plugin lists them. */
    static List<GoalParameter> parameters(PluginDescriptor plugin) {
        List<GoalParameter> parameters = new ArrayList<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() == null) {
                continue;
            }
            for (Parameter p : mojo.getParameters()) {
                parameters.add(new GoalParameter(
                        mojo.getGoal(), p.getName(), p.getAlias(), p.isEditable(), keys(p.getType())));
            }
        }
        return parameters;
    }

    private static Keys keys(String type) {
        try {
            Class<?> c = Class.forName(type, false, WrittenConfiguration.class.getClassLoader());
            return Properties.class.isAssignableFrom(c)
                    ? Keys.PROPERTIES
                    : Map.class.isAssignableFrom(c) ? Keys.MAP : Keys.NONE;
        } catch (ClassNotFoundException | LinkageError e) {
            // Primitives ("boolean") and types of other class loaders are no maps of ours.
            return Keys.NONE;
        }
    }

    static ConfigElement element(Xpp3Dom dom) {
        return new ConfigElement(
                dom.getName(),
                dom.getValue(),
                Arrays.stream(dom.getChildren())
                        .map(WrittenConfiguration::element)
                        .toList());
    }
}
