package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;

import io.statefulset.chart.JsonSchema;
import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.List;
import java.util.Map;

/** Schema fragments and values that several sections of the chart's values share. */
final class ValueSchemas {
    static final String DNS_LABEL = "^" + KubernetesSyntax.DNS_LABEL + "$";
    static final String OPTIONAL_DNS_LABEL = "^$|" + DNS_LABEL;
    /** What --set turns into a number or boolean is still a fine label, annotation or env value. */
    static final Map<String, Object> SCALAR = schema("type", List.of("string", "number", "boolean"));

    static final String QUANTITY = KubernetesSyntax.QUANTITY;
    static final String PERCENT = "^([1-9][0-9]?|100)%$";
    static final String ENV_NAME = "^[-._a-zA-Z][-._a-zA-Z0-9]*$";
    static final String PORT_NAME = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";
    static final String ABSOLUTE_PATH = "^/.*[^/]$";

    private ValueSchemas() {}

    /** An image tag; --set image.tag=2 gives a number. */
    static Map<String, Object> imageTag() {
        return anyOf(string("^$|" + KubernetesSyntax.IMAGE_TAG), schema("type", "number"));
    }

    static Map<String, Object> resources(Map<String, String> requests, Map<String, String> limits) {
        return props("requests", requests, "limits", limits);
    }

    /** Requests and limits of the chart's own short-lived containers: hooks, tests, the recreate Job. */
    static Map<String, Object> auxiliaryResources() {
        return resources(Map.of("cpu", "10m", "memory", "16Mi"), Map.of("cpu", "100m", "memory", "64Mi"));
    }

    static Map<String, Object> resourcesSchema() {
        Map<String, Object> list = schema(
                "type",
                "object",
                "propertyNames",
                schema("enum", Vocabulary.values(ResourceName.class)),
                "additionalProperties",
                anyOf(string(QUANTITY), schema("type", "number", "exclusiveMinimum", 0)));
        return schema(
                "type", "object", "properties", props("requests", list, "limits", list), "additionalProperties", false);
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> props(Object... pairs) {
        return JsonSchema.schema(pairs);
    }
}
