package io.statefulset.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.maven.config.RuleSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate through the plugin harness: the POM's rules and failOn, the skips, the up-to-date re-run. */
@MojoTest
class ValidateMojoTest {
    private static final String GOAL = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:validate";
    private static final String POM = "src/test/resources/unit/validate-goal/pom.xml";

    @TempDir
    Path buildDirectory;

    @Provides
    MavenProject project() {
        return GoalHarness.project("validate-goal", POM, buildDirectory);
    }

    private RecordingLog into(ValidateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "reportsDirectory", reports().toFile());
        return GoalHarness.into(mojo, buildDirectory);
    }

    private Path reports() {
        return buildDirectory.resolve("statefulset");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void aWarningFailsTheBuildWhenThePomSaysFailOnWarning(ValidateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", "settings");
        RecordingLog log = into(mojo);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("statefulset:validate found problems at or above 'warning' in demo");
        assertThat(log.text()).contains("WARN ").contains("release-scoped-name");
        assertThat(reports().resolve("validation.json")).content().contains("release-scoped-name");
        assertThat(reports().resolve("validation.sarif")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void aRuleSwitchedOffIsNotReportedAndTheChartPasses(ValidateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", "settings");
        RecordingLog log = into(mojo);
        setVariableValueToObject(mojo, "rules", List.of(rule("release-scoped-name", "off")));

        mojo.execute();

        assertThat(log.text()).containsPattern("statefulset:validate \\S*demo: 0 errors, 0 warnings");
        assertThat(reports().resolve("validation.json")).content().doesNotContain("release-scoped-name");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void anUnknownRuleIsNamedWithItsElement(ValidateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        into(mojo);
        setVariableValueToObject(mojo, "rules", List.of(rule("image-tag", "off"), rule("imagetag", "off")));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("<rules><rule>[2]<id> = 'imagetag': no such rule");
        assertThat(reports()).doesNotExist();
    }

    /**
     * The second run finds charts, values and rules as the first left them: it answers without
     * starting a Helm worker. A changed chart is validated again, with Helm.
     */
    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void anUnchangedRerunIsUpToDateWithoutStartingHelm(ValidateMojo mojo) throws Exception {
        Path chart = GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);
        mojo.execute();
        byte[] json = Files.readAllBytes(reports().resolve("validation.json"));

        Set<Long> before = WorkerProcesses.now();
        mojo.execute();
        assertThat(WorkerProcesses.startedSince(before))
                .as("Helm workers started")
                .isEmpty();
        assertThat(log.lines.get(log.lines.size() - 1))
                .isEqualTo("INFO statefulset:validate: up to date (charts, values and rules unchanged since they"
                        + " last passed); nothing to do");
        assertThat(reports().resolve("validation.json")).hasBinaryContent(json);

        Files.writeString(chart.resolve("values.yaml"), "greeting: changed\n");
        before = WorkerProcesses.now();
        mojo.execute();
        assertThat(WorkerProcesses.startedSince(before))
                .as("Helm workers started")
                .isNotEmpty();
        assertThat(log.lines.get(log.lines.size() - 1)).startsWith("INFO Reports: ");
    }

    /** A setting that is wrong whatever the inputs fails the build even when nothing else changed. */
    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void aRenderTimeoutBelowOneSecondFailsEvenAnUnchangedRerun(ValidateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        into(mojo);
        mojo.execute();
        setVariableValueToObject(mojo, "renderTimeout", 0);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<renderTimeout> = '0': must be at least 1 (seconds); the default is 60");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void withoutAChartItWarnsAndWritesNothing(ValidateMojo mojo) throws Exception {
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).startsWith("WARN No chart to validate in ");
        assertThat(reports()).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipValidatesNothing(ValidateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", "settings");
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:validate: statefulset.skip is true");
        assertThat(reports()).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "skipValidate", value = "true")
    void goalSkipValidatesNothing(ValidateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", "settings");
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:validate: statefulset.validate.skip is true");
        assertThat(reports()).doesNotExist();
    }

    private static RuleSetting rule(String id, String severity) throws Exception {
        RuleSetting rule = new RuleSetting();
        setVariableValueToObject(rule, "id", id);
        setVariableValueToObject(rule, "severity", severity);
        return rule;
    }
}
