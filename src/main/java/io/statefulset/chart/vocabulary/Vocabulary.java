package io.statefulset.chart.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A closed set of terms that Kubernetes or Helm spell one way. Every enum of this package is one,
 * and both the chart generator and the validation rules read their terms from it, so the two can
 * never accept different spellings.
 */
public interface Vocabulary {

    /** The term as Kubernetes or Helm spell it, e.g. {@code IfNotPresent}. */
    String value();

    /** The term of {@code type} spelled exactly {@code value}, if there is one. */
    static <E extends Enum<E> & Vocabulary> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(term -> term.value().equals(value))
                .findFirst();
    }

    /** Every term of {@code type} as spelled, in declaration order. */
    static <E extends Enum<E> & Vocabulary> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::value).toList();
    }
}
