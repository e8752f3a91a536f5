package io.statefulset.chart.vocabulary;

/** Access modes of a PersistentVolumeClaim. */
public enum AccessMode implements Vocabulary {
    READ_WRITE_ONCE("ReadWriteOnce"),
    READ_ONLY_MANY("ReadOnlyMany"),
    READ_WRITE_MANY("ReadWriteMany"),
    READ_WRITE_ONCE_POD("ReadWriteOncePod");

    private final String value;

    AccessMode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
