package io.eltm.shim.it;

import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.release.ReplacedPaths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a power cut after "Succeeded" could lose, read from the system calls of the real process
 * (strace): every staged file and directory must be fsynced before {@code mstop-all}, and every
 * rename followed by an fsync of its target's and its source's directory before the next rename.
 */
class DurabilityIT {

    private static final Pattern FSYNC = Pattern.compile("\\bf(?:data)?sync\\(\\d+<([^>]*)>");
    private static final Pattern RENAME = Pattern.compile("\\brename\\(\"([^\"]*)\", \"([^\"]*)\"\\) = 0");
    private static final Pattern STAGED = Pattern.compile(".*/transient/eltm-shim/ops/[^/]+/staging/(.*)");

    @RegisterExtension
    final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());

    @Test
    void stagedFilesAreSyncedBeforeTheStopAndEveryRenameIsSyncedIntoBothDirectories() throws Exception {
        List<String> calls = upgradeUnderStrace();
        Path install = a.install().installDir();
        int stop = indexOf(calls, "/server/webserver/admin/mstop-all\"");

        Set<String> syncedBeforeStop = new TreeSet<>();
        for (String call : calls.subList(0, stop)) {
            Matcher m = FSYNC.matcher(call);
            if (m.find()) {
                Matcher staged = STAGED.matcher(m.group(1));
                if (staged.matches()) {
                    syncedBeforeStop.add(staged.group(1));
                }
            }
        }
        Set<String> shipped = new TreeSet<>(InstallTree.files(install, ReplacedPaths::isReplaced).keySet());
        shipped.removeIf(f -> Files.isSymbolicLink(install.resolve(f))); // a link lives in its directory's entry
        Set<String> shippedDirs = new TreeSet<>();
        shipped.forEach(f -> {
            for (Path p = Path.of(f).getParent(); p != null; p = p.getParent()) {
                shippedDirs.add(p.toString());
            }
        });
        assertThat(syncedBeforeStop).as("staged files fsynced before mstop-all").containsAll(shipped);
        assertThat(syncedBeforeStop).as("staged directories fsynced before mstop-all").containsAll(shippedDirs);

        List<Integer> renames = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Matcher m = RENAME.matcher(calls.get(i));
            // the tool's renames (PostgreSQL, started by a script, is not traced: it keeps its own files durable)
            if (m.find() && m.group(2).startsWith(install + "/") && !m.group(2).startsWith(install + "/server/pgsql/")) {
                renames.add(i);
            }
        }
        assertThat(renames).as("renames of the swap and the journal").hasSizeGreaterThan(10);
        for (int r = 0; r < renames.size(); r++) {
            Matcher m = RENAME.matcher(calls.get(renames.get(r)));
            m.find();
            int end = r + 1 < renames.size() ? renames.get(r + 1) : calls.size();
            Set<String> synced = new TreeSet<>();
            calls.subList(renames.get(r), end).forEach(c -> {
                Matcher f = FSYNC.matcher(c);
                if (f.find()) {
                    synced.add(f.group(1));
                }
            });
            assertThat(synced).as("fsyncs after rename %s -> %s", m.group(1), m.group(2))
                    .contains(Path.of(m.group(1)).getParent().toString(), Path.of(m.group(2)).getParent().toString());
        }
    }

    // -b execve: strace leaves each child at its execve (printed first), so it never follows the services the
    // upgrade starts, and it ends with the shim's JVM; it is still stopped in case a child lingers
    private List<String> upgradeUnderStrace() throws IOException, InterruptedException {
        Path trace = a.sandbox().resolve("strace.txt");
        Path out = a.sandbox().resolve("upgrade.out");
        Path err = a.sandbox().resolve("upgrade.err");
        Process strace = a.shim().start(List.of("strace", "-f", "-b", "execve", "-qq", "-y", "-s", "4096", "-e", "signal=none",
                        "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,execve", "-o", trace.toString()),
                // fork/exec rather than posix_spawn through jspawnhelper: the script's own execve is the one printed
                Map.of("JAVA_TOOL_OPTIONS", "-Djdk.lang.Process.launchMechanism=FORK"), out, err, "upgrade", a.tarball(SampleReleases.b()).toString(), "--json", "--health-timeout", "120");
        ProcessHandle shim = await().atMost(Duration.ofMinutes(1)).until(() -> strace.descendants()
                .filter(h -> h.info().commandLine().orElse("").contains(ShimCli.jar().toString())).findFirst(),
                Optional::isPresent).orElseThrow();
        await().atMost(Duration.ofMinutes(6)).until(() -> !shim.isAlive());
        strace.destroy();
        assertThat(strace.waitFor(1, TimeUnit.MINUTES)).as("strace detached").isTrue();
        ShimCli.Run run = new ShimCli.Run(0, Files.readString(out), Files.readString(err));
        assertThat(run.lastJson().at("/lastOperation/result").asText()).as(run.toString()).isEqualTo("Succeeded");
        return Files.readAllLines(trace);
    }

    private static int indexOf(List<String> calls, String fragment) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).contains("execve(") && calls.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no execve of " + fragment + " in the trace");
    }
}
