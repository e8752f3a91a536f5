package io.statefulset.chart;

/**
 * How much chart input the plugin reads at most, wherever it reads it (a chart directory, the
 * templates directory, an unpacked {@code .tgz}). Charts are small; input above these limits is
 * refused with a message, counted in the bytes actually read or written, so that a link to a device,
 * a sparse archive entry or a compression bomb cannot fill the disk or the memory.
 */
public final class ChartLimits {
    /** The most one file of a chart may hold. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** The most all files of one chart may hold together. */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    /** The most files, directories and links one chart may have. */
    public static final int MAX_ENTRIES = 10_000;

    private ChartLimits() {}

    /** {@code 16 MiB} for the limits above, as messages and the README write them. */
    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
