package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Label selector matching as the API server does it. */
final class Selectors {
    private Selectors() {}

    /** A selector that selects nothing-in-particular (no labels, no expressions). */
    static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (isEmpty(selector.getMatchLabels())
                        && (selector.getMatchExpressions() == null
                                || selector.getMatchExpressions().isEmpty()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (isEmpty(selector)) {
            return false;
        }
        return matches(selector.getMatchLabels(), labels)
                && expressionsMatch(selector, labels == null ? Map.of() : labels);
    }

    /** Equality-based selector (Services, matchLabels): every pair present in {@code labels}. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return true;
        }
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static boolean expressionsMatch(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() == null) {
            return true;
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String value = labels.get(r.getKey());
            boolean ok =
                    switch (String.valueOf(r.getOperator())) {
                        case "In" ->
                            value != null
                                    && r.getValues() != null
                                    && r.getValues().contains(value);
                        case "NotIn" ->
                            value == null
                                    || r.getValues() == null
                                    || !r.getValues().contains(value);
                        case "Exists" -> labels.containsKey(r.getKey());
                        case "DoesNotExist" -> !labels.containsKey(r.getKey());
                        default -> false;
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }
}
