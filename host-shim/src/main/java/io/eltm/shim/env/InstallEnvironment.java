package io.eltm.shim.env;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the sourced {@code ~/.env_integrator} says about one install (contract §2).
 *
 * @param installDir  {@code ISERVER_HOME}
 * @param pgBin       directory of the PostgreSQL binaries, or empty to use {@code PATH}
 * @param pgHost      audit DB host
 * @param pgPort      audit DB port
 * @param pgUser      audit DB user
 * @param pgDatabase  audit DB name ({@code sqlmaestro})
 * @param pgPassword  audit DB password, or empty; never logged (see {@link #toString()})
 * @param healthUrl   the meta-service probe, answered with HTTP 200 when healthy
 * @param variables   the whole environment after sourcing, handed to the service scripts
 */
public record InstallEnvironment(
        Path installDir,
        Optional<Path> pgBin,
        String pgHost,
        int pgPort,
        String pgUser,
        String pgDatabase,
        Optional<String> pgPassword,
        URI healthUrl,
        Map<String, String> variables) {

    public static final String DEFAULT_INSTALL_DIR = "/data/iserver";
    public static final String DEFAULT_HEALTH_URL =
            "https://localhost:8181/MaestroMetaDataProviderService/MaestroMetaService?wsdl";

    public InstallEnvironment {
        variables = Map.copyOf(variables);
    }

    /** JDBC URL of the audit database. */
    public String jdbcUrl() {
        return jdbcUrl(pgDatabase);
    }

    /** JDBC URL of another database of the same cluster (for snapshots, which need one). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** A PostgreSQL binary such as {@code pg_ctl}: from {@code PGBIN}, else looked up on {@code PATH}. */
    public String pgTool(String name) {
        return pgBin.map(dir -> dir.resolve(name).toString()).orElse(name);
    }

    @Override
    public String toString() {
        return "InstallEnvironment[installDir=" + installDir + ", pg=" + pgUser + "@" + pgHost + ":" + pgPort
                + "/" + pgDatabase + ", healthUrl=" + healthUrl + "]";
    }
}
