package io.eltm.shim.status;

import io.eltm.shim.db.AuditDatabase;
import io.eltm.shim.db.MigrationScripts;
import io.eltm.shim.db.SchemaHistory;
import io.eltm.shim.engine.InstallLock;
import io.eltm.shim.engine.ShimPaths;
import io.eltm.shim.engine.SwapJournal;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ServiceScripts;

import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Gathers {@code status}: what release runs, whether it is healthy, the schema, the last operation. */
public final class StatusReader {

    private final InstallEnvironment env;
    private final Clock clock;

    public StatusReader(InstallEnvironment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public InstallStatus read() {
        ShimPaths paths = new ShimPaths(env.installDir());
        Optional<ReleaseInfo> release = ReleaseInfos.read(env.installDir());
        ServiceScripts scripts = new ServiceScripts(env, Duration.ofSeconds(30));
        boolean healthy = new HealthProbe(scripts, env.healthUrl(), clock).probe(release, Duration.ofSeconds(10)).healthy();
        boolean busy = InstallLock.tryAcquire(paths).map(lock -> {
            lock.close();
            return false;
        }).orElse(true);
        return new InstallStatus(env.installDir().toString(),
                release.map(ReleaseInfo::version).orElse(null),
                release.map(ReleaseInfo::builtAt).orElse(null),
                release.map(ReleaseInfo::gitSha).orElse(null),
                healthy, schema(), new SwapJournal(paths).latest().orElse(null), busy);
    }

    /** The DB's schema state; when the DB cannot be read, says why in {@code error}. */
    private SchemaStatus schema() {
        try (Connection c = new AuditDatabase(env).open()) {
            SchemaHistory history = SchemaHistory.read(c);
            Set<MigrationVersion> applied = Set.copyOf(history.applied());
            List<String> pending = MigrationScripts.of(env.installDir()).apply().keySet().stream()
                    .filter(v -> !applied.contains(v)).map(MigrationVersion::getVersion).toList();
            return new SchemaStatus(history.current(), pending, null);
        } catch (SQLException e) {
            return new SchemaStatus(null, List.of(), "cannot read " + SchemaHistory.TABLE + ": " + e.getMessage());
        }
    }
}
