package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * An install tree with an env file pointing at a test database, and service scripts that only record
 * that they ran (in {@code services.calls}): real scripts run the real way, without an ELTM release.
 */
final class SandboxInstall {

    private final Path home;
    private final Path envFile;

    private SandboxInstall(Path home, Path envFile) {
        this.home = home;
        this.envFile = envFile;
    }

    static SandboxInstall create(Path home, Database database) throws IOException {
        Path admin = Files.createDirectories(home.resolve("server/webserver/admin"));
        for (String script : List.of("mstop-all", "mstart-pgsql", "mstart-all")) {
            Path file = admin.resolve(script);
            Files.writeString(file, "#!/bin/bash\necho \"" + script + " $PGDATABASE\" >> \"$ISERVER_HOME/services.calls\"\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("//([^:/]+):(\\d+)/([^?]+)")
                .matcher(database.jdbcUrl());
        if (!url.find()) {
            throw new IllegalArgumentException("unexpected test JDBC URL " + database.jdbcUrl());
        }
        Path env = home.resolve("env_integrator");
        Files.writeString(env, String.join("\n",
                "ISERVER_HOME=" + home,
                "PGHOST=" + url.group(1),
                "PGPORT=" + url.group(2),
                "PGUSER=" + database.user(),
                "PGDATABASE=" + url.group(3),
                "PGPASSWORD=" + database.password().orElseThrow(),
                ""));
        return new SandboxInstall(home, env);
    }

    /** Makes one service script fail, as a broken release's would. */
    void breakScript(String name) throws IOException {
        Files.writeString(home.resolve("server/webserver/admin").resolve(name),
                "#!/bin/bash\necho \"" + name + " $PGDATABASE\" >> \"$ISERVER_HOME/services.calls\"\n"
                        + "echo \"" + name + ": cannot start the meta-service\" >&2\nexit 1\n");
    }

    Path envFile() {
        return envFile;
    }

    /** The service scripts that ran, in order. */
    List<String> serviceCalls() throws IOException {
        Path calls = home.resolve("services.calls");
        return Files.exists(calls) ? Files.readAllLines(calls).stream().map(l -> l.split(" ")[0]).toList() : List.of();
    }

    String servicesLog() throws IOException {
        Path log = home.resolve("transient/jobmeta/services.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
