package io.statefulset.chart.model;

import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.vocabulary.HookDeletePolicy;
import io.statefulset.chart.vocabulary.HookEvent;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A Helm hook ({@code <hook>}), run as a Job named after the release and the hook. */
public final class Hook {
    static final int DEFAULT_WEIGHT = 0;
    static final HookDeletePolicy DEFAULT_DELETE_POLICY = HookDeletePolicy.BEFORE_HOOK_CREATION;
    static final int DEFAULT_BACKOFF_LIMIT = 1;
    static final int DEFAULT_ACTIVE_DEADLINE_SECONDS = 300;

    private final String name;
    /** As written; {@link #events} holds the events Helm reads them as. */
    private final List<String> eventNames;

    private final List<HookEvent> events;
    private final int weight;
    /** As written, or the default; {@link #deletePolicies} holds those that are policies. */
    private final List<String> deletePolicyNames;

    private final List<HookDeletePolicy> deletePolicies;
    private final String image;
    private final List<String> command;
    private final List<String> args;
    private final int backoffLimit;
    private final int activeDeadlineSeconds;
    private final Integer ttlSecondsAfterFinished;

    private Hook(RawConfiguration.Hook raw) {
        name = raw.name();
        eventNames = Given.list(raw.events());
        events = eventNames.stream()
                .map(HookEvent::read)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        weight = or(raw.weight(), DEFAULT_WEIGHT);
        deletePolicyNames = Given.isEmpty(raw.deletePolicies())
                ? List.of(DEFAULT_DELETE_POLICY.value())
                : Given.list(raw.deletePolicies());
        deletePolicies = deletePolicyNames.stream()
                .map(policy -> Vocabulary.parse(HookDeletePolicy.class, policy))
                .flatMap(Optional::stream)
                .toList();
        image = raw.image();
        command = Given.list(raw.command());
        args = Given.list(raw.args());
        backoffLimit = or(raw.backoffLimit(), DEFAULT_BACKOFF_LIMIT);
        activeDeadlineSeconds = or(raw.activeDeadlineSeconds(), DEFAULT_ACTIVE_DEADLINE_SECONDS);
        ttlSecondsAfterFinished = raw.ttlSecondsAfterFinished();
    }

    /**
     * What a hook given only a name, events and an image gets: the schema every hook follows, also
     * one added at install time.
     */
    static Hook prototype(String name, HookEvent event, String image) {
        return new Hook(new Prototype(name, List.of(event.value()), image));
    }

    /** {@code raw}, the {@code index}th hook, with its defaults; {@code names} holds those of the hooks before it. */
    static Hook resolve(RawConfiguration.Hook raw, int index, Set<String> names, Problems problems) {
        Hook hook = new Hook(raw);
        hook.check(Problems.item("<hooks><hook", raw.name(), index), names, problems);
        return hook;
    }

    private void check(String at, Set<String> names, Problems problems) {
        if (!KubernetesSyntax.isDnsLabel(name) || name.length() > 30) {
            problems.error(
                    at + "<name>",
                    name,
                    "is not a short DNS-1123 label; use at most 30 lowercase letters, digits and '-' (the Job is named <release>-<chart>-<name>)");
        } else if (name.equals(Recreate.NAME)) {
            problems.error(
                    at + "<name>", name, "is the name of the Job the recreate strategy adds; choose another name");
        } else if (!names.add(name)) {
            problems.error(at + "<name>", name, "is declared twice; hook names must be unique");
        }
        if (eventNames.isEmpty()) {
            problems.error(
                    at + "<events>",
                    null,
                    "is empty; list at least one of " + String.join(", ", Vocabulary.values(HookEvent.class)));
        }
        Set<HookEvent> seen = EnumSet.noneOf(HookEvent.class);
        for (String event : eventNames) {
            var read = HookEvent.read(event);
            if (read.isEmpty()) {
                problems.oneOf(at + "<events><event>", event, HookEvent.class);
                continue;
            }
            if (!read.get().value().equals(event)) {
                problems.warning(
                        at + "<events><event>",
                        event,
                        "is Helm 2's name of the test event; Helm 3 still reads it, and the chart writes it as "
                                + read.get().value() + ". Write <event>"
                                + read.get().value() + "</event>");
            }
            if (!seen.add(read.get())) {
                problems.error(at + "<events><event>", event, "is listed twice; list each event once");
            }
        }
        for (String policy : deletePolicyNames) {
            problems.oneOf(at + "<deletePolicies><deletePolicy>", policy, HookDeletePolicy.class);
        }
        if (!deletePolicyNames.contains(HookDeletePolicy.BEFORE_HOOK_CREATION.value())
                && ttlSecondsAfterFinished == null) {
            problems.warning(
                    at + "<deletePolicies>",
                    String.join(",", deletePolicyNames),
                    "lacks before-hook-creation: after one failed run the Job stays, and the next install or upgrade fails"
                            + " with \"already exists\"; add <deletePolicy>before-hook-creation</deletePolicy>");
        }
        if (blank(image)) {
            problems.error(at + "<image>", image, "is required; give the image the hook Job runs, e.g. busybox:1.36");
        } else if (!KubernetesSyntax.isImageReference(image)) {
            problems.error(at + "<image>", image, "is not an image reference; it must not contain spaces");
        }
        problems.nonNegative(at + "<backoffLimit>", backoffLimit);
        problems.positive(at + "<activeDeadlineSeconds>", activeDeadlineSeconds);
        if (ttlSecondsAfterFinished != null) {
            problems.nonNegative(at + "<ttlSecondsAfterFinished>", ttlSecondsAfterFinished);
        }
    }

    /** A DNS label of at most 30 characters; the Job is {@code <fullname>-<name>}. */
    public String name() {
        return name;
    }

    /** The events the Job runs at, by their Helm 3 names. */
    public List<HookEvent> events() {
        return events;
    }

    /** Hooks run in ascending weight. */
    public int weight() {
        return weight;
    }

    public List<HookDeletePolicy> deletePolicies() {
        return deletePolicies;
    }

    public String image() {
        return image;
    }

    public List<String> command() {
        return command;
    }

    public List<String> args() {
        return args;
    }

    /** Retries before the hook, and the release, fails. */
    public int backoffLimit() {
        return backoffLimit;
    }

    public int activeDeadlineSeconds() {
        return activeDeadlineSeconds;
    }

    /** Empty to leave the finished Job to the delete policies. */
    public Optional<Integer> ttlSecondsAfterFinished() {
        return Optional.ofNullable(ttlSecondsAfterFinished);
    }

    /** A hook that says only its name, events and image. */
    private record Prototype(String name, List<String> events, String image) implements RawConfiguration.Hook {
        @Override
        public Integer weight() {
            return null;
        }

        @Override
        public List<String> deletePolicies() {
            return null;
        }

        @Override
        public List<String> command() {
            return null;
        }

        @Override
        public List<String> args() {
            return null;
        }

        @Override
        public Integer backoffLimit() {
            return null;
        }

        @Override
        public Integer activeDeadlineSeconds() {
            return null;
        }

        @Override
        public Integer ttlSecondsAfterFinished() {
            return null;
        }
    }
}
