package io.statefulset.maven;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The child processes of the test JVM. Helm runs only in worker processes, and a harness-run goal
 * gets a pool of its own, so a goal that started no new child did not run Helm.
 */
final class WorkerProcesses {
    private WorkerProcesses() {}

    static Set<Long> now() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The children started since {@code before} was taken. */
    static Set<Long> startedSince(Set<Long> before) {
        Set<Long> started = now();
        started.removeAll(before);
        return started;
    }
}
