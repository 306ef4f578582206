package io.eltm.shim.kit;

import io.eltm.shim.service.ScriptResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        return ProcessRunner.run(command(script), environment(), TIMEOUT, script);
    }

    /** Runs {@code script} and throws, with its output, when it fails. */
    ScriptResult runOrThrow(String script) {
        return ProcessRunner.runOrThrow(command(script), environment(), TIMEOUT, script + " of " + adminDir);
    }

    private List<String> command(String script) {
        return List.of("bash", "--noprofile", "--norc", "-c", ". \"$1\" && exec \"$2\"", "eltm-script",
                envFile.toString(), adminDir.resolve(script).toString());
    }

    /** A login-like environment: nothing of this JVM's leaks in, the env file must provide it all. */
    private Map<String, String> environment() {
        return Map.of("HOME", home.toString(), "PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8",
                "USER", System.getProperty("user.name"));
    }
}
