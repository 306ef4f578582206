package io.eltm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as written in {@code VERSION} (contract §4): dotted numbers compared
 * numerically ({@code 8.10.0 > 8.9.1}, {@code 8.4 == 8.4.0}), with an optional {@code -suffix}
 * that sorts before the same version without one ({@code 8.4.2-rc1 < 8.4.2}). Suffixes of the
 * same numbers compare as text. The one definition of these rules: the shim, the operator and the
 * CRDs' version pattern all use it.
 */
public record ReleaseVersion(List<Integer> numbers, String suffix) implements Comparable<ReleaseVersion> {

    /** The accepted syntax; also the CRD's {@code spec.version} pattern. */
    public static final String REGEX = "^[0-9]{1,9}(\\.[0-9]{1,9})*(-[0-9A-Za-z][0-9A-Za-z.]*)?$";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public ReleaseVersion {
        numbers = List.copyOf(numbers);
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("a release version needs at least one number");
        }
        suffix = suffix == null ? "" : suffix;
    }

    /** True when {@code text} is a release version (the CRDs refuse anything else). */
    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    /** @throws IllegalArgumentException naming {@code text} when it is not a version */
    public static ReleaseVersion parse(String text) {
        Matcher matcher = PATTERN.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a release version: expected dotted numbers "
                    + "with an optional -suffix, for example 8.4.2 or 8.4.2-rc1");
        }
        String value = matcher.group();
        int dash = value.indexOf('-');
        String dotted = dash < 0 ? value : value.substring(0, dash);
        List<Integer> numbers = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return new ReleaseVersion(numbers, dash < 0 ? "" : value.substring(dash + 1));
    }

    public boolean hasSuffix() {
        return !suffix.isEmpty();
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        int length = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < length; i++) {
            int byNumber = Integer.compare(numberAt(i), other.numberAt(i));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        if (hasSuffix() != other.hasSuffix()) {
            return hasSuffix() ? -1 : 1;
        }
        return suffix.compareTo(other.suffix);
    }

    public boolean isNewerThan(ReleaseVersion other) {
        return compareTo(other) > 0;
    }

    public boolean isOlderThan(ReleaseVersion other) {
        return compareTo(other) < 0;
    }

    private int numberAt(int index) {
        return index < numbers.size() ? numbers.get(index) : 0;
    }

    /** Equal when {@link #compareTo} says so: {@code 8.4} equals {@code 8.4.0}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReleaseVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int significant = numbers.size();
        while (significant > 1 && numbers.get(significant - 1) == 0) {
            significant--;
        }
        return Objects.hash(numbers.subList(0, significant), suffix);
    }

    /** The version as written, for example {@code 8.4.2-rc1}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int number : numbers) {
            text.append(text.length() == 0 ? "" : ".").append(number);
        }
        return hasSuffix() ? text.append('-').append(suffix).toString() : text.toString();
    }
}
