package io.eltm.shim.kit;

import io.eltm.shim.demo.DemoKit;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The sample kit as {@code eltm-shim demo} loads it from {@code eltm-shim-kit.jar}: 8.4.1 installed, 8.4.2 to upgrade to. */
public final class SampleDemoKit implements DemoKit {

    private record InstalledSample(SampleInstall install, Path target) implements Sandbox {
        @Override
        public Path envFile() {
            return install.envFile();
        }

        @Override
        public void close() {
            install.close();
        }
    }

    @Override
    public Sandbox install(Path directory, Consumer<String> say) {
        say.accept("building sample releases 8.4.1 and 8.4.2 (cached after the first run)");
        ReleaseKit kit = ReleaseKit.inUserCache();
        Path a = kit.build(SampleReleases.a());
        Path b = kit.build(SampleReleases.b());
        return new InstalledSample(SampleInstall.create(directory, a), b);
    }
}
