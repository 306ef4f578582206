package io.eltm.shim.kit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a sample install lives and how it is reached: directories, ports, and the two env files
 * that say so (contract §2), written as an operator would (exported shell variables, mode 0600).
 */
record SandboxLayout(Path home, Path installDir, Path pgBin, String pgUser, int pgPort, URI healthUrl) {

    static SandboxLayout allocate(Path sandbox, Path pgBin) {
        int pgPort = FreePorts.next();
        int httpsPort = FreePorts.next();
        while (httpsPort == pgPort) {
            httpsPort = FreePorts.next();
        }
        return new SandboxLayout(sandbox.resolve("home"), sandbox.resolve("iserver"), pgBin,
                System.getProperty("user.name"), pgPort,
                URI.create("https://127.0.0.1:" + httpsPort + "/MaestroMetaDataProviderService/MaestroMetaService?wsdl"));
    }

    Path envFile() {
        return home.resolve(".env_integrator");
    }

    Path pathsFile() {
        return home.resolve(".env_integrator.paths");
    }

    void writeEnvFiles() throws IOException {
        write(pathsFile(), """
                # Distribution-specific paths, set at first install.
                export JAVA_HOME=%s
                export PGBIN=%s
                """.formatted(quote(System.getProperty("java.home")), quote(pgBin.toString())));
        write(envFile(), """
                # ELTM environment (sample install).
                if [ -f %1$s ]; then . %1$s; fi
                export ISERVER_HOME=%2$s
                export PGHOST=127.0.0.1
                export PGPORT=%3$d
                export PGUSER=%4$s
                export PGDATABASE=sqlmaestro
                export ELTM_HEALTH_URL=%5$s
                export PATH="$ISERVER_HOME/server/webserver/admin:$PGBIN:$PATH"
                """.formatted(quote(pathsFile().toString()), quote(installDir.toString()), pgPort, quote(pgUser),
                quote(healthUrl.toString())));
    }

    private static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    /** Single-quotes a value for bash. */
    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
