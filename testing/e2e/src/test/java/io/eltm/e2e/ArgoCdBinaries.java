package io.eltm.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Argo CD that {@code testing/argocd/build.sh} builds into {@code <cache>/<argo cd version>/}: one
 * multicall binary under the names {@code argocd}, {@code argocd-application-controller} and
 * {@code argocd-repo-server}, and Argo CD's CRDs in {@code crds/}. The cache is {@code ~/.cache/eltm/argocd}
 * unless {@code ELTM_ARGOCD_CACHE} names another (the script honours the same variable); the version is
 * read from the script, the one place it is written down.
 */
record ArgoCdBinaries(String version, Path directory) {

    private static final Pattern VERSION = Pattern.compile("(?m)^version=(v[0-9][0-9.]*)$");

    static ArgoCdBinaries fromCache() {
        Path script = Path.of(System.getProperty("eltm.argocd.build.script"));
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Argo CD version from " + script, e);
        }
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(script + " has no line version=vX.Y.Z");
        }
        String cache = System.getenv("ELTM_ARGOCD_CACHE");
        Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "eltm", "argocd");
        return new ArgoCdBinaries(m.group(1), root.resolve(m.group(1)));
    }

    Path cli() {
        return existing("argocd");
    }

    Path applicationController() {
        return existing("argocd-application-controller");
    }

    Path repoServer() {
        return existing("argocd-repo-server");
    }

    Path crds() {
        existing(".complete");
        return directory.resolve("crds");
    }

    private Path existing(String name) {
        Path file = directory.resolve(name);
        if (!Files.exists(file) || !Files.exists(directory.resolve(".complete"))) {
            throw new IllegalStateException("Argo CD " + version + " is missing: no " + file + ". Build it once (about 8 CPU-minutes"
                    + " cold) as the user running the tests: bash testing/argocd/build.sh  (CI's .ci/run does this).");
        }
        return file;
    }
}
