package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.GoalParameter;
import io.statefulset.chart.GoalParameter.Keys;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading the configuration from the project model as Maven's model builder leaves it. */
class WrittenConfigurationTest {
    static PluginDescriptor descriptor;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            descriptor = new PluginDescriptorBuilder().build(reader);
        }
    }

    static Xpp3Dom xml(String configuration) throws Exception {
        return Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration + "</configuration>"));
    }

    static Plugin plugin(String configuration, String executionId, String executionConfiguration) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId(descriptor.getGroupId());
        plugin.setArtifactId(descriptor.getArtifactId());
        plugin.setConfiguration(xml(configuration));
        if (executionId != null) {
            PluginExecution execution = new PluginExecution();
            execution.setId(executionId);
            execution.addGoal("generate");
            // As the model builder leaves it: the execution's configuration merged over the plugin's.
            execution.setConfiguration(
                    Xpp3Dom.mergeXpp3Dom(xml(executionConfiguration), (Xpp3Dom) plugin.getConfiguration()));
            plugin.addExecution(execution);
        }
        return plugin;
    }

    static List<String> problems(Build build, String executionId) {
        Model model = new Model();
        model.setBuild(build);
        MojoExecution execution = new MojoExecution(descriptor.getMojo("generate"), executionId);
        return WrittenConfiguration.problems(descriptor, new MavenProject(model), execution).stream()
                .map(ConfigProblem::toString)
                .toList();
    }

    static Build build(Plugin plugin) {
        Build build = new Build();
        build.addPlugin(plugin);
        return build;
    }

    @Test
    void theDescriptorSaysWhichParametersAreMaps() {
        assertThat(WrittenConfiguration.parameters(descriptor))
                .contains(
                        new GoalParameter("generate", "env", null, true, Keys.MAP),
                        new GoalParameter("generate", "podAnnotations", null, true, Keys.PROPERTIES),
                        new GoalParameter("generate", "replicas", null, true, Keys.NONE),
                        new GoalParameter("validate", "failOn", null, true, Keys.NONE),
                        new GoalParameter("generate", "project", null, false, Keys.NONE));
    }

    @Test
    void anExecutionOverridingThePluginLevelIsNoDuplicateButARepeatWithinALevelIs() throws Exception {
        Plugin plugin = plugin(
                "<env><DATA_DIR>/a</DATA_DIR><MODE>plugin</MODE><DATA_DIR>/b</DATA_DIR></env>",
                "default",
                "<env><MODE>execution</MODE></env><podLabels><property><name>tier</name><value>1</value></property>"
                        + "<property><name>tier</name><value>2</value></property></podLabels>");
        // Reported once although the plugin-level repeat is copied into the merged execution.
        assertThat(problems(build(plugin), "default"))
                .containsExactly(
                        "<env><DATA_DIR>: is given twice ('/a' and '/b'); keep one",
                        "<podLabels><property name=\"tier\">: is given twice ('1' and '2'); keep one");
    }

    @Test
    void fromTheCommandLineOnlyThePluginLevelApplies() throws Exception {
        Plugin plugin = plugin("<replicas>2</replicas>", "default", "<replicaz>3</replicaz>");
        assertThat(problems(build(plugin), "default-cli")).isEmpty();
        assertThat(problems(build(plugin), "default"))
                .containsExactly("<replicaz>: no such parameter; did you mean <replicas>?");
    }

    @Test
    void aPluginOnlyInPluginManagementIsCheckedTooAsMavenConfiguresItFromThere() throws Exception {
        Build build = new Build();
        PluginManagement management = new PluginManagement();
        management.addPlugin(plugin("<replicaCount>3</replicaCount>", null, null));
        build.setPluginManagement(management);
        assertThat(problems(build, "default-cli"))
                .containsExactly(
                        "<replicaCount>: no such parameter; did you mean <replicas>? replicaCount is the values key of the generated chart");
    }
}
