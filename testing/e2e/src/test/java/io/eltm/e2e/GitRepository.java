package io.eltm.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Git repository on local disk that Argo CD reads through {@code file://} (as Argo CD's own
 * end-to-end tests do); the test commits to it the way a user pushes to theirs.
 */
final class GitRepository {

    private final Path dir;

    private GitRepository(Path dir) {
        this.dir = dir;
    }

    static GitRepository init(Path dir) {
        GitRepository repo = new GitRepository(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        repo.git("init", "--quiet", "--initial-branch=main");
        return repo;
    }

    /** {@code file:///...}, the URL an Argo CD Application's {@code source.repoURL} names. */
    String url() {
        return dir.toUri().toString().replaceFirst("^file:/+", "file:///");
    }

    /** Writes {@code content} to {@code path}, commits it and returns the new commit's sha. */
    String commit(String path, String content, String message) {
        Path file = dir.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        git("add", path);
        git("commit", "--quiet", "-m", message);
        return head();
    }

    /** {@code git revert} of {@code sha}: a new commit undoing it, as a rollback in Git is done. Returns its sha. */
    String revert(String sha) {
        git("revert", "--no-edit", sha);
        return head();
    }

    String head() {
        return git("rev-parse", "HEAD").strip();
    }

    private String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=eltm e2e",
                "-c", "user.email=e2e@eltm.invalid", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed in " + dir + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running git in " + dir, e);
        }
    }
}
