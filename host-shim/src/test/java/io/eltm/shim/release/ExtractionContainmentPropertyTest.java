package io.eltm.shim.release;

import io.eltm.shim.RefusedException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives mixing files, directories, relative and absolute symlinks, hard links and duplicates, over a
 * small set of names so that they collide: for each, either the archive is refused, or every path the
 * extractor created resolves inside staging (walked as the kernel would, on the real file system). In both
 * cases nothing outside staging changed. The sandbox: {@code base/outside/} (a file and a directory that a
 * link may aim at) next to {@code base/work/staging/}.
 */
class ExtractionContainmentPropertyTest {

    private static final String OUTSIDE = "@OUTSIDE@";

    private enum Kind { DIR, FILE, SYMLINK, HARD_LINK }

    /** One archive entry; for links, {@code target} is the link target (a symlink's may be {@link #OUTSIDE}). */
    record Entry(Kind kind, String path, String target) {
        @Override
        public String toString() {
            return kind + " " + path + (target == null ? "" : " -> " + target);
        }
    }

    @Property(tries = 400)
    void eitherRefusedOrEverythingCreatedResolvesInsideStaging(@ForAll("archives") List<Entry> entries)
            throws IOException {
        Path base = Files.createTempDirectory("eltm-containment-");
        try {
            Path outside = Files.createDirectories(base.resolve("outside/d"));
            Files.writeString(base.resolve("outside/keep"), "must not change");
            Path staging = Files.createDirectories(base.resolve("work")).resolve("staging");
            Path tarball = archive(entries, base.resolve("outside").toString()).writeTo(base.resolve("r.tar.gz"));
            Map<String, String> before = snapshot(base, staging);

            boolean extracted = extract(tarball, staging);

            Statistics.collect(extracted ? "extracted" : "refused");
            assertThat(snapshot(base, staging)).as("everything outside staging").isEqualTo(before);
            assertThat(outside).isDirectory();
            if (extracted) {
                Path root = staging.toRealPath();
                try (Stream<Path> walked = Files.walk(staging)) {
                    for (Path path : walked.toList()) {
                        String created = staging.relativize(path).toString();
                        Path leadsTo = resolve(root, created, 0);
                        assertThat(leadsTo.startsWith(root)).as("%s leads to %s", created, leadsTo).isTrue();
                    }
                }
            } else {
                assertThat(staging).as("staging of a refused archive").doesNotExist();
            }
        } finally {
            PathUtils.deleteDirectory(base);
        }
    }

    @Provide
    Arbitrary<List<Entry>> archives() {
        Arbitrary<String> root = Arbitraries.of("bin", "library/JDBC", "server/pgsql.factory", "data");
        Arbitrary<String> path = Combinators.combine(root, Arbitraries.of("a", "b", "c").list().ofMaxSize(2))
                .as((r, names) -> names.isEmpty() ? r : r + "/" + String.join("/", names));
        Arbitrary<String> relative = Arbitraries.of("..", "..", ".", "a", "b", "c", "bin", "library", "JDBC", "outside",
                "work", "staging").list().ofMinSize(1).ofMaxSize(7).map(parts -> String.join("/", parts));
        Arbitrary<String> absolute = Arbitraries.of(OUTSIDE, OUTSIDE + "/d", "/etc", "/");
        Arbitrary<Entry> entry = Arbitraries.oneOf(
                path.map(p -> new Entry(Kind.DIR, p, null)),
                path.map(p -> new Entry(Kind.FILE, p, null)),
                Combinators.combine(path, Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, relative), net.jqwik.api.Tuple.of(1, absolute)))
                        .as((p, t) -> new Entry(Kind.SYMLINK, p, t)),
                Combinators.combine(path, path).as((p, t) -> new Entry(Kind.HARD_LINK, p, t)));
        return entry.list().ofMinSize(1).ofMaxSize(10);
    }

    private static TestTarball archive(List<Entry> entries, String outside) {
        TestTarball tarball = TestTarball.rooted()
                .file("VERSION", "VERSION=9.0.0\n", 0644)
                .file("server/engine/engine.jar", "jar", 0644);
        for (Entry e : entries) {
            switch (e.kind()) {
                case DIR -> tarball.dir(e.path());
                case FILE -> tarball.file(e.path(), "content of " + e.path(), 0644);
                case SYMLINK -> tarball.symlink(e.path(), e.target().replace(OUTSIDE, outside));
                case HARD_LINK -> tarball.hardLink(e.path(), e.target());
            }
        }
        return tarball;
    }

    private static boolean extract(Path tarball, Path staging) throws IOException {
        try {
            ReleaseTarball.of(tarball).extract(staging, ExtractionLimits.DEFAULT, ExtractionProgress.NONE);
            return true;
        } catch (RefusedException refused) {
            return false;
        }
    }

    /**
     * Where {@code rest} leads from directory {@code at}, walked as the kernel would: symlinks followed
     * (absolute ones from /), '..' physical. A component that does not exist is taken literally, which is
     * stricter than the kernel (it would stop there). A loop resolves to {@code at} itself (it leads nowhere).
     */
    private static Path resolve(Path at, String rest, int depth) throws IOException {
        if (depth > 40) {
            return at;
        }
        for (String component : rest.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                at = at.getParent() == null ? at : at.getParent();
                continue;
            }
            at = at.resolve(component);
            if (Files.isSymbolicLink(at)) {
                Path target = Files.readSymbolicLink(at);
                at = resolve(target.isAbsolute() ? target.getRoot() : at.getParent(), target.toString(), depth + 1);
            }
        }
        return at;
    }

    /** Every path under {@code base} except staging, with what it is (file content, link target, directory). */
    private static Map<String, String> snapshot(Path base, Path staging) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.filter(p -> !p.startsWith(staging)).toList()) {
                String what = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : "file " + java.util.Arrays.hashCode(Files.readAllBytes(p));
                tree.put(base.relativize(p).toString(), what);
            }
        }
        return tree;
    }
}
