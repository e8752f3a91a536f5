package io.statefulset.validate;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Types plain YAML scalars the way Helm and the API server do (go-yaml v2 through
 * sigs.k8s.io/yaml), not the way SnakeYAML's YAML 1.1 defaults would: {@code y} and {@code n}
 * are booleans, {@code 12:30} and {@code 2024-01-01} stay strings (no base-60 numbers, no
 * timestamps), {@code 0o17}-style and underscore numbers follow go-yaml's rules.
 */
final class GoYamlResolver extends Resolver {

    /** Constructs booleans the way go-yaml v2 spells them, y and n included (SnakeYAML knows only yes/no/on/off/true/false). */
    static final class Constructor extends org.yaml.snakeyaml.constructor.SafeConstructor {
        Constructor(org.yaml.snakeyaml.LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.BOOL, new org.yaml.snakeyaml.constructor.AbstractConstruct() {
                @Override
                public Object construct(org.yaml.snakeyaml.nodes.Node node) {
                    String value = ((org.yaml.snakeyaml.nodes.ScalarNode) node)
                            .getValue()
                            .toLowerCase(java.util.Locale.ROOT);
                    return switch (value) {
                        case "y", "yes", "true", "on" -> Boolean.TRUE;
                        default -> Boolean.FALSE;
                    };
                }
            });
        }
    }

    static final Pattern BOOL =
            Pattern.compile("^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    static final Pattern INT = Pattern.compile("^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*)$");
    static final Pattern FLOAT = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    static final Pattern NULL_VALUE = Pattern.compile("^(?:~|null|Null|NULL| *)$");
    static final Pattern MERGE_KEY = Pattern.compile("^(?:<<)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
        // INT before FLOAT: "10" must stay an integer.
        addImplicitResolver(Tag.INT, INT, "-+0123456789", 64);
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.", 64);
        addImplicitResolver(Tag.MERGE, MERGE_KEY, "<", 10);
        addImplicitResolver(Tag.NULL, NULL_VALUE, "~nN\0", 10);
        addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null, 10);
    }
}
