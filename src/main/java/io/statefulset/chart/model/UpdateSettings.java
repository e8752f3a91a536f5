package io.statefulset.chart.model;

/**
 * {@code <updateStrategy>} as written, or as a {@link Strategy} fills it in with its defaults;
 * {@code null} where nothing is given.
 */
record UpdateSettings(String type, Integer partition, String maxUnavailable) {
    static UpdateSettings of(RawConfiguration.UpdateStrategy raw) {
        return raw == null
                ? new UpdateSettings(null, null, null)
                : new UpdateSettings(raw.type(), raw.partition(), raw.maxUnavailable());
    }
}
