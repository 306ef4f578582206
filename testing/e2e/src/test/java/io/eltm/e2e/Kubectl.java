package io.eltm.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built {@code kubectl}, run the way a user runs it. */
record Kubectl(Path binary, Path kubeconfig) {

    record Result(int exit, String output) {
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not end");
        }
        return new Result(p.exitValue(), out);
    }

    /** Applies a manifest given as text. */
    Result apply(String yaml) throws IOException, InterruptedException {
        Path file = java.nio.file.Files.createTempFile("manifest", ".yaml");
        java.nio.file.Files.writeString(file, yaml);
        try {
            return run("apply", "-f", file.toString());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
