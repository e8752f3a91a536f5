package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.KubernetesSyntax.isDnsSubdomain;
import static io.statefulset.chart.KubernetesSyntax.isEnvName;
import static io.statefulset.chart.model.Given.or;
import static io.statefulset.chart.model.ValueSchemas.props;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.ValuesTree.Builder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The application container's environment: literal {@code <env>}, {@code <secretEnv>} read from
 * existing Secrets, and {@code <expandedEnv>}, whose {@code $(NAME)} references Kubernetes expands.
 * A variable has one of the three sources.
 */
public final class Environment {
    private static final String NOT_AN_ENV_NAME =
            "is not an environment variable name; use letters, digits, '_', '-' and '.', not starting with a digit";
    private static final String SECOND_SOURCE =
            "is already set in <env> or <secretEnv>; a variable can have one source";

    private final SortedMap<String, String> env;
    private final List<SecretVariable> secretEnv;
    private final SortedMap<String, String> expandedEnv;

    private Environment(RawConfiguration raw, Problems problems) {
        env = Given.sorted(raw.env());
        expandedEnv = Given.sorted(raw.expandedEnv());
        for (String name : env.keySet()) {
            if (!isEnvName(name)) {
                problems.error("<env><" + name + ">", name, NOT_AN_ENV_NAME);
            }
        }
        Set<String> names = new HashSet<>(env.keySet());
        List<? extends RawConfiguration.SecretEnvVariable> given = Given.list(raw.secretEnv());
        List<SecretVariable> secrets = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            RawConfiguration.SecretEnvVariable variable = given.get(i);
            String at = Problems.item("<secretEnv><variable", variable.name(), i);
            if (!isEnvName(variable.name())) {
                problems.error(at + "<name>", variable.name(), NOT_AN_ENV_NAME);
            } else if (!names.add(variable.name())) {
                problems.error(at + "<name>", variable.name(), SECOND_SOURCE);
            }
            if (!isDnsSubdomain(variable.secretName())) {
                problems.error(
                        at + "<secretName>",
                        variable.secretName(),
                        "is not a Secret name; give the name of an existing Secret (lowercase letters, digits, '-', '.')");
            }
            if (!KubernetesSyntax.isConfigKey(variable.key())) {
                problems.error(
                        at + "<key>", variable.key(), "is not a Secret key; use letters, digits, '-', '_' and '.'");
            }
            secrets.add(new SecretVariable(variable));
        }
        secretEnv = List.copyOf(secrets);
        for (String name : expandedEnv.keySet()) {
            if (!isEnvName(name)) {
                problems.error("<expandedEnv><" + name + ">", name, NOT_AN_ENV_NAME);
            } else if (!names.add(name)) {
                problems.error("<expandedEnv><" + name + ">", name, SECOND_SOURCE);
            }
        }
    }

    static Environment resolve(RawConfiguration raw, Problems problems) {
        return new Environment(raw, problems);
    }

    /** {@code env}, {@code secretEnv} and {@code expandedEnv}. */
    void values(Builder values) {
        Map<String, Object> secrets = new TreeMap<>();
        for (SecretVariable v : secretEnv) {
            secrets.put(v.name(), props("secretName", v.secretName(), "key", v.key(), "optional", v.optional()));
        }
        values.leaf(
                        "env",
                        "Environment variables by name; each value reaches the container as written ($(NAME) is not expanded)",
                        env,
                        mapOf(ValueSchemas.ENV_NAME, ValueSchemas.SCALAR))
                .leaf(
                        "secretEnv",
                        "Environment variables read from existing Secrets: name -> {secretName, key, optional}",
                        secrets,
                        mapOf(
                                ValueSchemas.ENV_NAME,
                                schema(
                                        "type",
                                        "object",
                                        "properties",
                                        props(
                                                "secretName",
                                                string("^" + KubernetesSyntax.DNS_LABEL + "(\\."
                                                        + KubernetesSyntax.DNS_LABEL + ")*$"),
                                                "key",
                                                string("^[-._a-zA-Z0-9]+$"),
                                                "optional",
                                                bool()),
                                        "required",
                                        List.of("secretName", "key"),
                                        "additionalProperties",
                                        false)))
                .leaf(
                        "expandedEnv",
                        "Environment variables by name whose $(NAME) references Kubernetes expands, to variables of env,"
                                + " secretEnv and expandedEnv entries that sort earlier; $$ gives a literal $",
                        expandedEnv,
                        mapOf(ValueSchemas.ENV_NAME, ValueSchemas.SCALAR));
    }

    /** Values reach the container as written. */
    public SortedMap<String, String> env() {
        return env;
    }

    public List<SecretVariable> secretEnv() {
        return secretEnv;
    }

    /** Values whose {@code $(NAME)} references Kubernetes expands. */
    public SortedMap<String, String> expandedEnv() {
        return expandedEnv;
    }

    /** A variable read from a key of an existing Secret; the chart never holds the value. */
    public static final class SecretVariable {
        private final String name;
        private final String secretName;
        private final String key;
        private final boolean optional;

        private SecretVariable(RawConfiguration.SecretEnvVariable raw) {
            name = raw.name();
            secretName = raw.secretName();
            key = raw.key();
            optional = or(raw.optional(), false);
        }

        public String name() {
            return name;
        }

        public String secretName() {
            return secretName;
        }

        public String key() {
            return key;
        }

        public boolean optional() {
            return optional;
        }
    }
}
