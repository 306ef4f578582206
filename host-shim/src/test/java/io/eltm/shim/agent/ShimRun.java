package io.eltm.shim.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One {@code java -jar eltm-shim.jar ARGS} run to its end, as a person runs it: exit code and everything it printed. */
record ShimRun(int exit, String output) {

    static ShimRun of(Path logDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("eltm.shim.jar", "target/eltm-shim.jar")).toAbsolutePath()
                        .toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(logDir, args[0], ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("ELTM_SHIM_HALT_AT");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not end within 3 minutes:\n" + Files.readString(log));
        }
        return new ShimRun(p.exitValue(), Files.readString(log));
    }

    /** {@code eltm-shim host add|rotate HOST --namespace NS --out OUT --kubeconfig ADMIN}. */
    static ShimRun host(Path logDir, String verb, Path adminKubeconfig, String host, String namespace, Path out)
            throws IOException, InterruptedException {
        return of(logDir, Map.of(), "host", verb, host, "--namespace", namespace, "--out", out.toString(),
                "--kubeconfig", adminKubeconfig.toString());
    }
}
