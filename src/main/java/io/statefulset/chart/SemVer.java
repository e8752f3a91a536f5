package io.statefulset.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Maven versions into the SemVer 2 versions Helm requires of a chart. */
public final class SemVer {
    private static final Pattern STRICT = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    /** Up to three numeric components, then an optional qualifier after '-' or '.', then optional build metadata. */
    private static final Pattern MAVEN =
            Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:([-.]?)([^+]*))?(?:\\+(.+))?$");

    /** Maven qualifiers that mean "this is the release" (Maven's ComparableVersion treats them as empty). */
    private static final List<String> RELEASE_QUALIFIERS = List.of("final", "ga", "release");

    private SemVer() {}

    public static boolean isValid(String version) {
        return version != null && STRICT.matcher(version).matches();
    }

    /**
     * A SNAPSHOT is a development build: pushing it again replaces it, as Maven redeploys snapshots,
     * and it is never the latest release.
     */
    public static boolean isSnapshot(String version) {
        return version.toUpperCase(Locale.ROOT).contains("SNAPSHOT");
    }

    /**
     * SemVer 2 precedence of two valid versions: major, minor and patch as numbers; a pre-release
     * is lower than its release; pre-release identifiers compare as numbers when numeric, else
     * lexically in ASCII, numeric ones lower; build metadata does not count.
     */
    public static int compare(String a, String b) {
        Matcher x = STRICT.matcher(a);
        Matcher y = STRICT.matcher(b);
        if (!x.matches() || !y.matches()) {
            throw new IllegalArgumentException("not SemVer: " + (x.matches() ? b : a));
        }
        for (int group = 1; group <= 3; group++) {
            int c = new java.math.BigInteger(x.group(group)).compareTo(new java.math.BigInteger(y.group(group)));
            if (c != 0) {
                return c;
            }
        }
        String p = x.group(4);
        String q = y.group(4);
        if (p == null || q == null) {
            return p == null ? (q == null ? 0 : 1) : -1;
        }
        String[] left = p.split("\\.");
        String[] right = q.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumeric = left[i].matches("\\d+");
            boolean rightNumeric = right[i].matches("\\d+");
            int c = leftNumeric && rightNumeric
                    ? new java.math.BigInteger(left[i]).compareTo(new java.math.BigInteger(right[i]))
                    : leftNumeric != rightNumeric ? (leftNumeric ? -1 : 1) : left[i].compareTo(right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /**
     * {@code 1.0-SNAPSHOT} becomes {@code 1.0.0-SNAPSHOT}, {@code 2} becomes {@code 2.0.0}, {@code
     * 1.0.0.Final} becomes {@code 1.0.0}. Empty when the version has no sensible SemVer form (a
     * fourth numeric component, no leading number).
     */
    public static Optional<String> fromMavenVersion(String version) {
        if (version == null) {
            return Optional.empty();
        }
        if (isValid(version)) {
            return Optional.of(version);
        }
        Matcher m = MAVEN.matcher(version.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String qualifier = m.group(5) == null ? "" : m.group(5);
        if (".".equals(m.group(4)) && qualifier.matches("\\d.*")) {
            // 1.2.3.4: a fourth number has no SemVer place; mapping it would reorder releases.
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder()
                .append(number(m.group(1)))
                .append('.')
                .append(number(m.group(2)))
                .append('.')
                .append(number(m.group(3)));
        String preRelease = identifiers(qualifier);
        if (!preRelease.isEmpty() && !RELEASE_QUALIFIERS.contains(preRelease.toLowerCase(Locale.ROOT))) {
            out.append('-').append(preRelease);
        }
        String build = m.group(6) == null ? "" : identifiers(m.group(6));
        if (!build.isEmpty()) {
            out.append('+').append(build);
        }
        String result = out.toString();
        return isValid(result) ? Optional.of(result) : Optional.empty();
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** Keeps SemVer's identifier characters, drops empty identifiers and leading zeros of numbers. */
    private static String identifiers(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.replaceAll("[^0-9A-Za-z.-]", "-").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            parts.add(part.matches("\\d+") ? String.valueOf(new java.math.BigInteger(part)) : part);
        }
        return String.join(".", parts);
    }
}
