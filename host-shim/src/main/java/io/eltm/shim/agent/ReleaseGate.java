package io.eltm.shim.agent;

import io.eltm.api.ReleaseVersion;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.Release;
import io.eltm.shim.RefusedException;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.release.ReleaseSource;
import io.eltm.shim.release.ReleaseSummary;
import io.eltm.shim.release.ReleaseTarball;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the agent establishes about an operation's release before the engine may touch the install: a digest to
 * verify it by ({@code spec.release.sha256}, or the file at {@code sha256Url}), the transport rule (plain
 * {@code http://} with nothing fetched over TLS needs {@code allowInsecureHttp}), and that the tarball's
 * {@code VERSION} is the operation's {@code targetVersion}. The verified tarball is handed to the engine as a local
 * file with its digest, so the engine checks the very bytes that were inspected here.
 */
final class ReleaseGate {

    /** A downloaded, digest-checked tarball whose VERSION is the target; delete it once the engine is done. */
    record VerifiedRelease(Path file, String sha256) {
    }

    private final Path downloads;
    private final ExtractionLimits limits;
    private final Sha256File sha256Files;

    ReleaseGate(Path downloads, ExtractionLimits limits, Sha256File sha256Files) {
        this.downloads = downloads;
        this.limits = limits;
        this.sha256Files = sha256Files;
    }

    VerifiedRelease verify(EltmOperation op) throws IOException, InterruptedException {
        String name = OperationRequests.name(op);
        String url = OperationRequests.url(op);
        Release release = op.getSpec().getRelease();
        boolean insecureAllowed = Boolean.TRUE.equals(release.getAllowInsecureHttp());
        refusePlainHttp(name, url, release, insecureAllowed);
        Optional<String> expected = OperationRequests.sha256(op.getSpec());
        if (expected.isEmpty() && release.getSha256Url() != null) {
            String sumsUrl = release.getSha256Url().replace(Release.VERSION_TOKEN, op.getSpec().getTargetVersion());
            expected = Optional.of(sha256Files.digestFor(sumsUrl, tarballName(url)));
        }
        ReleaseSource.LocalRelease local = ReleaseSource.withDefaultClient(downloads).resolve(url, expected,
                (done, total) -> { });
        try {
            ReleaseSummary summary = new ReleaseTarball(local.file(), Optional.empty()).validate(limits);
            requireTargetVersion(op, name, url, summary.versionFile().version());
            return new VerifiedRelease(local.file(), local.sha256().orElseThrow());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(local.file());
            throw e;
        }
    }

    /** Pure: the transport rule the CRD's CEL rules state, enforced again by the agent that acts on it. */
    static void refusePlainHttp(String name, String url, Release release, boolean insecureAllowed) {
        if (insecureAllowed) {
            return;
        }
        String sumsUrl = release.getSha256Url();
        if (sumsUrl != null && sumsUrl.startsWith("http://")) {
            throw new RefusedException("operation " + name + ": " + Release.HTTP_CHECKSUM_URL_MESSAGE
                    + "; nothing was changed");
        }
        boolean hasDigest = release.getSha256() != null && !release.getSha256().isBlank();
        if (url.startsWith("http://") && !hasDigest && sumsUrl == null) {
            throw new RefusedException("operation " + name + ": " + Release.HTTP_NEEDS_CHECKSUM_MESSAGE
                    + "; nothing was changed");
        }
    }

    static void requireTargetVersion(EltmOperation op, String name, String url, ReleaseVersion found) {
        String target = op.getSpec().getTargetVersion();
        if (target == null || !found.equals(ReleaseVersion.parse(target))) {
            throw new RefusedException("the release at " + url + " has VERSION " + found + " but operation " + name
                    + " targets " + (target == null ? "no version (spec.targetVersion unset)" : target)
                    + ": the URL does not point at that release (or spec.version is wrong); nothing was changed");
        }
    }

    private static String tarballName(String url) {
        String path = URI.create(url).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
