package io.eltm.operator.plan;

import java.util.Optional;

/**
 * Resolves {@code spec.release.url} for one version: a template has {@code {version}} substituted; a concrete URL
 * is accepted only when it names that version (for example {@code .../eltm-portable-8.4.2.tar.gz}), so changing
 * {@code spec.version} alone never installs the tarball of another version.
 */
public final class ReleaseUrls {

    public static final String VERSION_PLACEHOLDER = "{version}";

    private ReleaseUrls() {
    }

    /** @return the URL of {@code version}'s tarball, or empty when {@code url} is not a URL for that version */
    public static Optional<String> resolve(String url, String version) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (url.contains(VERSION_PLACEHOLDER)) {
            return Optional.of(url.replace(VERSION_PLACEHOLDER, version));
        }
        return namesVersion(url, version) ? Optional.of(url) : Optional.empty();
    }

    /** {@code version} appears in the URL, not as part of another one ({@code 8.4.2} is in neither {@code 8.4.21} nor {@code 8.4.2-rc1}). */
    private static boolean namesVersion(String url, String version) {
        for (int at = url.indexOf(version); at >= 0; at = url.indexOf(version, at + 1)) {
            int end = at + version.length();
            boolean startsClean = at == 0 || !isVersionChar(url.charAt(at - 1));
            boolean endsClean = end == url.length() || url.startsWith(".tar", end) || url.startsWith(".tgz", end)
                    || !isVersionChar(url.charAt(end)) && url.charAt(end) != '-';
            if (startsClean && endsClean) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVersionChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.';
    }
}
