package io.statefulset.runner;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test support: what the kubelet makes of a container's {@code env}, re-implemented from Kubernetes'
 * {@code third_party/forked/golang/expansion} and the kubelet's environment assembly. Variables are
 * taken in order; a literal value is expanded against the variables before it (and the Service
 * variables), a {@code valueFrom} value is resolved and not expanded.
 */
public final class KubeletEnv {
    private KubeletEnv() {}

    /**
     * Kubernetes' expansion of one value: {@code $$} becomes {@code $}; {@code $(NAME)} becomes what
     * {@code mapping} gives for NAME; every other {@code $}, and a {@code $(} without its {@code )},
     * is kept as it is.
     */
    public static String expand(String input, Function<String, String> mapping) {
        StringBuilder out = new StringBuilder();
        int checkpoint = 0;
        for (int cursor = 0; cursor < input.length(); cursor++) {
            if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
                continue;
            }
            out.append(input, checkpoint, cursor);
            String rest = input.substring(cursor + 1);
            char next = rest.charAt(0);
            int advance;
            if (next == '$') {
                out.append('$');
                advance = 1;
            } else if (next == '(') {
                int close = rest.indexOf(')', 1);
                if (close < 0) {
                    out.append("$(");
                    advance = 1;
                } else {
                    out.append(mapping.apply(rest.substring(1, close)));
                    advance = close + 1;
                }
            } else {
                // Not an expression: the operator and the character after it, as written. A whole
                // code point, as the original decodes one rune.
                int size = Character.charCount(rest.codePointAt(0));
                out.append('$').append(rest, 0, size);
                advance = size;
            }
            cursor += advance;
            checkpoint = cursor + 1;
        }
        return out.append(input.substring(checkpoint)).toString();
    }

    /**
     * Kubernetes' mapping: the value of the first context that defines NAME, else {@code $(NAME)}
     * unchanged.
     */
    @SafeVarargs
    public static Function<String, String> mapping(Map<String, String>... contexts) {
        return name -> {
            for (Map<String, String> context : contexts) {
                if (context.containsKey(name)) {
                    return context.get(name);
                }
            }
            return "$(" + name + ")";
        };
    }

    /**
     * The environment the container's process gets, in order. {@code valueFrom} resolves a {@code
     * valueFrom} reference (null: the variable is left out, as for an optional missing key); {@code
     * services} are the Service variables the kubelet adds.
     */
    public static Map<String, String> environment(
            List<EnvVar> env, Function<EnvVar, String> valueFrom, Map<String, String> services) {
        Map<String, String> defined = new LinkedHashMap<>();
        Function<String, String> mapping = mapping(defined, services);
        for (EnvVar var : env) {
            String value = var.getValue() == null ? "" : var.getValue();
            if (!value.isEmpty()) {
                defined.put(var.getName(), expand(value, mapping));
            } else if (var.getValueFrom() != null) {
                String resolved = valueFrom.apply(var);
                if (resolved != null) {
                    defined.put(var.getName(), resolved);
                }
            } else {
                defined.put(var.getName(), "");
            }
        }
        return defined;
    }
}
