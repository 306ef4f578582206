package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh sample install of one release per test, with the real command line and the audit DB at
 * hand; stopped and removed after the test, whatever happened.
 *
 * <pre>{@code @RegisterExtension final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());}</pre>
 */
final class SampleInstallExtension implements BeforeEachCallback, AfterEachCallback {

    private final ReleaseSpec release;
    private final ReleaseKit kit = ReleaseKit.inUserCache();
    private Path sandbox;
    private SampleInstall install;

    private SampleInstallExtension(ReleaseSpec release) {
        this.release = release;
    }

    static SampleInstallExtension of(ReleaseSpec release) {
        return new SampleInstallExtension(release);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        sandbox = Files.createTempDirectory("eltm-it-");
        install = SampleInstall.create(sandbox, kit.build(release));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        install.close();
        try {
            io.eltm.shim.engine.Trees.delete(sandbox);
        } catch (IOException e) {
            throw new UncheckedIOException("while removing " + sandbox, e);
        }
    }

    SampleInstall install() {
        return install;
    }

    Path sandbox() {
        return sandbox;
    }

    ShimCli shim() {
        return new ShimCli(install);
    }

    AuditDb db() {
        return new AuditDb(install);
    }

    /** A sample release tarball, built once and cached. */
    Path tarball(ReleaseSpec spec) {
        return kit.build(spec);
    }
}
