package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Name and version of a chart directory, read from its Chart.yaml. */
public record ChartMetadata(String name, String version) {

    public static ChartMetadata read(Path chartDirectory) throws IOException {
        Path chartYaml = chartDirectory.resolve("Chart.yaml");
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(chartYaml(chartDirectory));
        if (!(yaml instanceof Map<?, ?> map) || map.get("name") == null || map.get("version") == null) {
            throw new IOException(chartYaml + " has no name or version");
        }
        return new ChartMetadata(String.valueOf(map.get("name")), String.valueOf(map.get("version")));
    }

    /**
     * The text of {@code Chart.yaml} in {@code chartDirectory}, read as {@link ChartTree} reads a
     * chart (a link may not lead out of the chart, the file must be UTF-8).
     */
    public static String chartYaml(Path chartDirectory) throws IOException {
        byte[] content = ChartTree.readFile(chartDirectory, "Chart.yaml")
                .orElseThrow(() -> new RefusedInputException(
                        chartDirectory + " is not a chart directory (no Chart.yaml); name the directory that holds"
                                + " the chart's Chart.yaml"));
        return Utf8Text.decode(content, chartDirectory.resolve("Chart.yaml").toString());
    }

    /** Helm's file name for the packaged chart: {@code <name>-<version>.tgz}. */
    public String archiveName() {
        return name + "-" + version + ".tgz";
    }

    /** A SNAPSHOT chart is a development build; pushing it again replaces it, as Maven redeploys snapshots. */
    public boolean isSnapshot() {
        return SemVer.isSnapshot(version);
    }
}
