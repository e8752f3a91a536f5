package io.statefulset.chart;

import java.io.IOException;

/**
 * Input the plugin refuses to read, for a reason the user can fix: a link leading out of a chart,
 * a device or FIFO, a file or chart above {@link ChartLimits}, a damaged archive, text that is not
 * UTF-8. The message names the file, what is wrong with it and what to do. An {@link IOException},
 * so that it passes through every reading path unchanged; goals report it as a build failure,
 * not as an I/O error.
 */
public class RefusedInputException extends IOException {
    public RefusedInputException(String message) {
        super(message);
    }

    public RefusedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
