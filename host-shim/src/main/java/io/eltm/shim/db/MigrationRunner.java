package io.eltm.shim.db;

import io.eltm.shim.RefusedException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Applies a release's {@code V} migrations with Flyway: history table {@code schema_version}, all
 * pending migrations grouped in one transaction, so they apply all or none (contract §5).
 */
public final class MigrationRunner {

    static final String BASELINE_DESCRIPTION = "eltm-shim --baseline";

    private final AuditDatabase db;

    public MigrationRunner(AuditDatabase db) {
        this.db = db;
    }

    /**
     * Flyway's validation of the release's migrations against {@code schema_version} (checksums of
     * applied ones unchanged, none missing), run while services still run so that a mismatch refuses
     * the upgrade before the stop instead of rolling it back after. Pending migrations are expected.
     */
    public void validate(Path releaseRoot, MigrationPlan plan) {
        ValidateResult result = configure(releaseRoot, plan).ignoreMigrationPatterns("*:pending").load()
                .validateWithResult();
        if (!result.validationSuccessful) {
            throw new RefusedException("the release's migrations do not match what " + SchemaHistory.TABLE
                    + " says was applied: " + result.getAllErrorMessages() + "; use the release line this DB came from");
        }
    }

    /**
     * The scripts among {@code versions} (with file prefix {@code V} or {@code U}) in the release tree
     * at {@code releaseRoot} that Flyway's parser says cannot run inside a transaction ({@code CREATE
     * INDEX CONCURRENTLY}, {@code VACUUM}, {@code ALTER TYPE ... ADD VALUE} before PostgreSQL 12, ...),
     * as paths relative to the release.
     */
    public List<String> nonTransactional(Path releaseRoot, String prefix, Collection<MigrationVersion> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        MigrationInfo[] all = Flyway.configure()
                .dataSource(db.dataSource())
                .table(SchemaHistory.TABLE)
                .locations("filesystem:" + releaseRoot.resolve(MigrationScripts.LOCATION))
                .sqlMigrationPrefix(prefix)
                .validateMigrationNaming(false)
                .load().info().all();
        return Arrays.stream(all)
                .filter(i -> i instanceof MigrationInfoImpl && versions.contains(i.getVersion()))
                .map(i -> ((MigrationInfoImpl) i).getResolvedMigration())
                .filter(Objects::nonNull)
                .filter(r -> !r.getExecutor().canExecuteInTransaction())
                .map(ResolvedMigration::getScript)
                .map(script -> MigrationScripts.LOCATION + "/" + script)
                .distinct().sorted().toList();
    }

    /** Applies what {@code plan} lists from the release tree at {@code releaseRoot}; returns the count applied. */
    public int apply(Path releaseRoot, MigrationPlan plan) {
        // validated in preflight, before the stop: not again inside the downtime
        MigrateResult result = configure(releaseRoot, plan).validateOnMigrate(false).load().migrate();
        return result.migrationsExecuted;
    }

    /** Records {@code plan.baseline()} in a new {@code schema_version} when nothing is pending. */
    public void baseline(Path releaseRoot, MigrationPlan plan) {
        configure(releaseRoot, plan).load().baseline();
    }

    private FluentConfiguration configure(Path releaseRoot, MigrationPlan plan) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(db.dataSource())
                .table(SchemaHistory.TABLE)
                .locations("filesystem:" + releaseRoot.resolve(MigrationScripts.LOCATION))
                .sqlMigrationPrefix("V")
                .group(true)
                .cleanDisabled(true)
                .validateMigrationNaming(false)
                .installedBy("eltm-shim");
        if (plan.baseline() != null) {
            config.baselineVersion(plan.baseline()).baselineOnMigrate(true).baselineDescription(BASELINE_DESCRIPTION);
        }
        return config;
    }
}
