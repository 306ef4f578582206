package io.eltm.operator.plan;

import java.util.regex.Pattern;

/**
 * Compares release versions the way contract §4 says: dotted numbers numerically ({@code 8.10.0 > 8.9.1},
 * {@code 8.4 == 8.4.0}); a {@code -suffix} sorts before the same numbers without one ({@code 8.4.2-rc1 < 8.4.2});
 * suffixes of the same numbers compare as text.
 *
 * <p>This duplicates {@code io.eltm.shim.release.ReleaseVersion} on purpose: the shim module is a shaded CLI
 * jar and must not become a library of the operator. Both belong in a shared wire-contract module.
 */
public final class ReleaseVersions {

    /** The same syntax as the shim's {@code ReleaseVersion.REGEX} and the CRD's {@code spec.version} pattern. */
    public static final String REGEX = "^[0-9]{1,9}(\\.[0-9]{1,9})*(-[0-9A-Za-z][0-9A-Za-z.]*)?$";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private ReleaseVersions() {
    }

    public static boolean isValid(String version) {
        return version != null && PATTERN.matcher(version).matches();
    }

    /**
     * @return negative, zero or positive as {@code left} is older than, the same as, or newer than {@code right}
     * @throws IllegalArgumentException naming the text when either is not a release version
     */
    public static int compare(String left, String right) {
        String[] leftParts = split(left);
        String[] rightParts = split(right);
        String[] leftNumbers = leftParts[0].split("\\.");
        String[] rightNumbers = rightParts[0].split("\\.");
        int length = Math.max(leftNumbers.length, rightNumbers.length);
        for (int i = 0; i < length; i++) {
            int byNumber = Integer.compare(numberAt(leftNumbers, i), numberAt(rightNumbers, i));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        boolean leftHasSuffix = !leftParts[1].isEmpty();
        boolean rightHasSuffix = !rightParts[1].isEmpty();
        if (leftHasSuffix != rightHasSuffix) {
            return leftHasSuffix ? -1 : 1;
        }
        return leftParts[1].compareTo(rightParts[1]);
    }

    /** The dotted numbers and the suffix (empty when there is none). */
    private static String[] split(String version) {
        if (!isValid(version)) {
            throw new IllegalArgumentException("'" + version + "' is not a release version: expected dotted numbers "
                    + "with an optional -suffix, for example 8.4.2 or 8.4.2-rc1");
        }
        int dash = version.indexOf('-');
        return dash < 0 ? new String[] {version, ""} : new String[] {version.substring(0, dash), version.substring(dash + 1)};
    }

    private static int numberAt(String[] numbers, int index) {
        return index < numbers.length ? Integer.parseInt(numbers[index]) : 0;
    }
}
