package io.eltm.shim.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the install's own service scripts ({@code server/webserver/admin/*}) the way an operator does:
 * a login-less bash that sources {@code ~/.env_integrator} first (contract §3).
 */
final class ServiceScripts {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final Path envFile;
    private final Path adminDir;

    ServiceScripts(Path home, Path envFile, Path installDir) {
        this.home = home;
        this.envFile = envFile;
        this.adminDir = installDir.resolve("server/webserver/admin");
    }

    /** Runs {@code script} to its end; a non-zero exit is reported in the result, not thrown. */
    ScriptResult run(String script) {
        Path path = adminDir.resolve(script);
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "--noprofile", "--norc", "-c",
                ". \"$1\" && exec \"$2\"", "eltm-script", envFile.toString(), path.toString()))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("USER", System.getProperty("user.name"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // the scripts detach their services from our stdout, so reading to the end does not hang
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            return new ScriptResult(script, process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + path, e);
        }
    }

    /** Runs {@code script} and throws, with its output, when it fails. */
    ScriptResult runOrThrow(String script) {
        ScriptResult result = run(script);
        if (!result.succeeded()) {
            throw new IllegalStateException(script + " of the sample install failed with exit " + result.exitCode()
                    + ":\n" + result.output());
        }
        return result;
    }
}
