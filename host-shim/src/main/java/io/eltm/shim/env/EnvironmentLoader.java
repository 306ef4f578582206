package io.eltm.shim.env;

import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sources the install's environment files with bash, as the product's own scripts do (contract §2):
 * {@code FILE.paths} first when present, then {@code FILE}. Nothing is parsed by hand: bash runs the
 * files and prints the resulting environment, NUL-separated.
 */
public final class EnvironmentLoader {

    private static final String SOURCE_SCRIPT = """
            set -a
            if [ -f "$1.paths" ]; then . "$1.paths" || exit 97; fi
            . "$1" || exit 98
            env -0
            """;

    private final Map<String, String> baseEnvironment;

    public EnvironmentLoader(Map<String, String> baseEnvironment) {
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    /** The default env file: {@code ~/.env_integrator} of the user running the tool. */
    public static Path defaultEnvFile() {
        return Path.of(System.getProperty("user.home"), ".env_integrator");
    }

    /**
     * Sources {@code envFile} and returns the install it describes.
     *
     * @param installDirOverride {@code --install-dir}, which wins over {@code ISERVER_HOME}
     * @throws RefusedException when the file is missing or bash fails to source it
     */
    public InstallEnvironment load(Path envFile, Optional<Path> installDirOverride) {
        if (!Files.isRegularFile(envFile)) {
            throw new RefusedException("environment file " + envFile + " is missing: an existing ELTM install "
                    + "needs it; create it, or name another with --env-file FILE");
        }
        Map<String, String> vars = source(envFile);
        Path installDir = installDirOverride
                .orElse(Path.of(vars.getOrDefault("ISERVER_HOME", InstallEnvironment.DEFAULT_INSTALL_DIR)))
                .toAbsolutePath().normalize();
        vars.put("ISERVER_HOME", installDir.toString());
        return new InstallEnvironment(
                installDir,
                Optional.ofNullable(blankToNull(vars.get("PGBIN"))).map(Path::of),
                vars.getOrDefault("PGHOST", "localhost"),
                port(vars.getOrDefault("PGPORT", "5432"), envFile),
                Optional.ofNullable(blankToNull(vars.get("PGUSER"))).orElse(System.getProperty("user.name")),
                Optional.ofNullable(blankToNull(vars.get("PGDATABASE"))).orElse("sqlmaestro"),
                Optional.ofNullable(blankToNull(vars.get("PGPASSWORD"))),
                healthUrl(vars.getOrDefault("ELTM_HEALTH_URL", InstallEnvironment.DEFAULT_HEALTH_URL), envFile),
                vars);
    }

    private Map<String, String> source(Path envFile) {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "--noprofile", "--norc", "-c", SOURCE_SCRIPT,
                "eltm-env", envFile.toAbsolutePath().toString()));
        pb.environment().clear();
        pb.environment().putAll(baseEnvironment);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        try {
            Process process = pb.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RefusedException("sourcing " + envFile + " did not finish within 30 s: fix the file");
            }
            if (process.exitValue() != 0) {
                String which = process.exitValue() == 97 ? envFile + ".paths" : envFile.toString();
                throw new RefusedException("bash could not source " + which + " (exit " + process.exitValue()
                        + (err.isEmpty() ? "" : ": " + err) + "): fix the file and retry");
            }
            return parse(out);
        } catch (IOException e) {
            throw new RefusedException("could not run bash to source " + envFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefusedException("interrupted while sourcing " + envFile, e);
        }
    }

    private static Map<String, String> parse(byte[] nulSeparated) {
        Map<String, String> vars = new HashMap<>();
        for (String entry : new String(nulSeparated, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                vars.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return vars;
    }

    private static int port(String value, Path envFile) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new RefusedException("PGPORT=" + value + " in " + envFile + " is not a port number", e);
        }
    }

    private static URI healthUrl(String value, Path envFile) {
        try {
            URI uri = new URI(value.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new URISyntaxException(value, "scheme must be http or https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RefusedException("ELTM_HEALTH_URL=" + value + " in " + envFile + " is not an http(s) URL: "
                    + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
