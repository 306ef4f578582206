package io.eltm.shim.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

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

    /** Applies what {@code plan} lists from the release tree at {@code releaseRoot}; returns the count applied. */
    public int apply(Path releaseRoot, MigrationPlan plan) {
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
        MigrateResult result = config.load().migrate();
        return result.migrationsExecuted;
    }
}
