package io.statefulset.chart;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Serialises plain Java trees (maps, lists, strings, numbers, booleans) with SnakeYAML in one
 * fixed style: block collections indented by two, '\n' line ends, no line folding, Unicode kept.
 * A string that YAML would read as something else ({@code yes}, {@code 0123}, {@code a: b}) is
 * quoted by SnakeYAML, so every value arrives in the cluster verbatim.
 */
final class YamlWriter {
    private YamlWriter() {}

    static String write(Object tree) {
        StringBuilderWriter out = new StringBuilderWriter();
        yaml().dump(tree, out);
        return out.toString();
    }

    /** Writes {@code values} with a comment line above every key of the values tree. */
    static String writeCommented(ValuesTree.Section root) {
        Yaml yaml = yaml();
        Node node = yaml.represent(root.toValue());
        comment((MappingNode) node, root, true);
        StringBuilderWriter out = new StringBuilderWriter();
        yaml.serialize(node, out);
        return out.toString();
    }

    private static void comment(MappingNode mapping, ValuesTree.Section section, boolean topLevel) {
        boolean first = true;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            ValuesTree.Entry entry = section.entry(key);
            List<CommentLine> lines = new java.util.ArrayList<>();
            if (topLevel && !first) {
                lines.add(new CommentLine(null, null, "", CommentType.BLANK_LINE));
            }
            if (entry.description() != null) {
                lines.add(new CommentLine(null, null, " " + entry.description(), CommentType.BLOCK));
            }
            tuple.getKeyNode().setBlockComments(lines);
            if (entry instanceof ValuesTree.Section child && tuple.getValueNode() instanceof MappingNode childMapping) {
                comment(childMapping, child, false);
            }
            first = false;
        }
    }

    /**
     * Strings Helm's YAML parser (go-yaml v2, YAML 1.1 rules) would read as something else, beyond
     * what SnakeYAML quotes on its own: y/n booleans, 0o/0x/0b numbers, numbers with underscores.
     */
    private static final java.util.regex.Pattern GO_YAML_NON_STRING = java.util.regex.Pattern.compile(
            "(?i)y|n|yes|no|on|off|true|false|null|~|[-+]?(\\.?[0-9].*|\\.inf|\\.nan)|");

    /** Quotes every string go-yaml v2 would not read back as the same string. */
    private static final class GoYamlSafeRepresenter extends Representer {
        GoYamlSafeRepresenter(DumperOptions options) {
            super(options);
        }

        @Override
        protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
            if (Tag.STR.equals(tag)
                    && style == DumperOptions.ScalarStyle.PLAIN
                    && GO_YAML_NON_STRING.matcher(value).matches()) {
                return super.representScalar(tag, value, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
            }
            return super.representScalar(tag, value, style);
        }
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        options.setProcessComments(true);
        // The same object twice in a tree (an empty map) must be written twice, not as an anchor and an alias.
        options.setDereferenceAliases(true);
        return new Yaml(new GoYamlSafeRepresenter(options), options);
    }

    /** A Writer that collects into a String, so no platform encoding is ever involved. */
    private static final class StringBuilderWriter extends java.io.Writer {
        private final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char[] buf, int off, int len) {
            sb.append(buf, off, len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
