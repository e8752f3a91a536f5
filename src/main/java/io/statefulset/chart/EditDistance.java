package io.statefulset.chart;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** How many single-character edits turn one word into another, to suggest what a typo meant. */
public final class EditDistance {
    private EditDistance() {}

    /**
     * The optimal string alignment distance, ignoring case: insertions, deletions, substitutions and
     * swaps of two neighbouring characters each count 1 ({@code replicaz} → {@code replicas} is 1,
     * {@code prots} → {@code ports} is 1).
     */
    public static int between(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }

    /**
     * The candidate closest to {@code word}, if it is close enough to be what was meant: at most one
     * edit per four characters of {@code word} (at least 1, at most 3). Ties go to the
     * alphabetically first candidate, so the suggestion does not depend on the order given.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(3, word.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates.stream().sorted().toList()) {
            int distance = between(word, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }
}
