package io.eltm.shim.db;

import io.eltm.shim.RefusedException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

import java.nio.file.Path;

/**
 * Applies a release's {@code V} migrations with Flyway: history table {@code schema_version}, all
 * pending migrations grouped in one transaction, so they apply all or none (contract §5).
 */
public final class MigrationRunner {

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

    /** Applies what {@code plan} lists from the release tree at {@code releaseRoot}; returns the count applied. */
    public int apply(Path releaseRoot, MigrationPlan plan) {
        // validated in preflight, before the stop: not again inside the downtime
        MigrateResult result = configure(releaseRoot, plan).validateOnMigrate(false).load().migrate();
        return result.migrationsExecuted;
    }

    private FluentConfiguration configure(Path releaseRoot, MigrationPlan plan) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .table(SchemaHistory.TABLE)
                .locations("filesystem:" + releaseRoot.resolve(MigrationScripts.LOCATION))
                .sqlMigrationPrefix("V")
                .group(true)
                .cleanDisabled(true)
                .validateMigrationNaming(false)
                .installedBy("eltm-shim");
        if (plan.baseline() != null) {
            config.baselineVersion(plan.baseline()).baselineOnMigrate(true).baselineDescription("eltm-shim --baseline");
        }
        return config;
    }
}
