package io.statefulset.chart;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Kubernetes API server's rules for names, label keys, ports and quantities. */
public final class KubernetesSyntax {
    public static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS_LABEL_PATTERN = Pattern.compile(DNS_LABEL);
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(DNS_LABEL + "(\\." + DNS_LABEL + ")*");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    public static final String QUANTITY =
            "^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$";
    private static final Pattern QUANTITY_PATTERN = Pattern.compile(QUANTITY);
    public static final String IMAGE_TAG = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";
    private static final Pattern IMAGE_REPOSITORY = Pattern.compile(
            "([A-Za-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*");

    private static final Pattern IMAGE_REFERENCE = Pattern.compile("[^\\s]+");

    private KubernetesSyntax() {}

    public static boolean isDnsLabel(String s) {
        return s != null && s.length() <= 63 && DNS_LABEL_PATTERN.matcher(s).matches();
    }

    public static boolean isDnsSubdomain(String s) {
        return s != null && s.length() <= 253 && DNS_SUBDOMAIN.matcher(s).matches();
    }

    /** IANA service name: at most 15 characters, at least one letter, no double or edge hyphen. */
    public static boolean isPortName(String s) {
        return s != null
                && s.length() <= 15
                && PORT_NAME.matcher(s).matches()
                && !s.contains("--")
                && s.chars().anyMatch(Character::isLetter);
    }

    public static boolean isEnvName(String s) {
        return s != null && ENV_NAME.matcher(s).matches();
    }

    public static boolean isConfigKey(String s) {
        return s != null && s.length() <= 253 && CONFIG_KEY.matcher(s).matches();
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63. */
    public static boolean isQualifiedName(String s) {
        if (s == null) {
            return false;
        }
        int slash = s.indexOf('/');
        String name = slash < 0 ? s : s.substring(slash + 1);
        boolean prefixOk = slash < 0 || isDnsSubdomain(s.substring(0, slash));
        return prefixOk && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
    }

    public static boolean isLabelValue(String s) {
        return s != null
                && (s.isEmpty()
                        || (s.length() <= 63 && QUALIFIED_NAME.matcher(s).matches()));
    }

    public static boolean isImageTag(String s) {
        return s != null && s.matches(IMAGE_TAG);
    }

    /** A whole image reference as a container spec takes it: anything without whitespace. */
    public static boolean isImageReference(String s) {
        return s != null && IMAGE_REFERENCE.matcher(s).matches();
    }

    public static boolean isImageRepository(String s) {
        return s != null && IMAGE_REPOSITORY.matcher(s).matches();
    }

    /** The value of a Kubernetes quantity in base units (bytes, cores), or empty if it is not one. */
    public static Optional<BigDecimal> quantity(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = QUANTITY_PATTERN.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String suffix = m.group(3) == null ? "" : m.group(3);
        BigDecimal number = new BigDecimal(s.substring(s.startsWith("+") ? 1 : 0, s.length() - suffix.length()));
        return Optional.of(number.multiply(multiplier(suffix)));
    }

    private static BigDecimal multiplier(String suffix) {
        if (suffix.startsWith("e") || suffix.startsWith("E")) {
            return BigDecimal.TEN.pow(Integer.parseInt(suffix.substring(1)), java.math.MathContext.DECIMAL128);
        }
        return switch (suffix) {
            case "" -> BigDecimal.ONE;
            case "n" -> new BigDecimal("1e-9");
            case "u" -> new BigDecimal("1e-6");
            case "m" -> new BigDecimal("1e-3");
            case "k" -> new BigDecimal("1e3");
            case "M" -> new BigDecimal("1e6");
            case "G" -> new BigDecimal("1e9");
            case "T" -> new BigDecimal("1e12");
            case "P" -> new BigDecimal("1e15");
            case "E" -> new BigDecimal("1e18");
            default -> BigDecimal.valueOf(2).pow(10 * (" KMGTPE".indexOf(suffix.charAt(0))));
        };
    }
}
