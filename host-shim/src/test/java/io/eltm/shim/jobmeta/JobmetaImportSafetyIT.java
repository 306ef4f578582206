package io.eltm.shim.jobmeta;

import io.eltm.shim.ExitCode;
import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an import refuses, and that a failed import leaves the target exactly as it was. */
@ExtendWith(WithPostgresServers.class)
class JobmetaImportSafetyIT {

    @TempDir
    Path dir;

    private Database legacy;
    private Database modern;
    private Path export;
    private final NoServicesForTests services = new NoServicesForTests();
    private final JobmetaImporter importer = new JobmetaImporter(JobmetaStepListener.SILENT, Clock.systemUTC());

    @BeforeEach
    void exportTheLegacyInstall(PostgresServers servers) throws Exception {
        legacy = servers.freshLegacy();
        modern = servers.freshModern();
        export = dir.resolve("jobmeta.export");
        new JobmetaExporter(JobmetaStepListener.SILENT, Clock.systemUTC())
                .export(legacy, export, ExportSelection.defaults(), false);
    }

    @Test
    void importThatFailsMidwayLeavesTheTargetExactlyAsBeforeAndRestartsServices() throws Exception {
        DatabaseProbe target = new DatabaseProbe(modern);
        // the last table fails on a row the target refuses in a way no plan sees: every earlier table was loaded
        target.execute(Triggers.refusing("t_step_watermark", "NEW.job_name = 'job_150' AND NEW.step_name = 'step_1'"));
        Map<String, String> before = target.fingerprint();

        assertThatThrownBy(() -> importer.importFile(export, modern, LegacyDrift.RULES, Optional.empty(),
                MergeMode.REFUSE, services))
                .isInstanceOfSatisfying(JobmetaFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("in table t_step_watermark, row job_name=job_150, "
                            + "step_name=step_1: the row is refused by a trigger of the target", "the target is as before");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.ROLLED_BACK);
                });

        assertThat(target.fingerprint()).isEqualTo(before);
        assertThat(services.calls()).containsExactly("quiesce", "resume");
    }

    @Test
    void driftWithoutMappingIsRefusedNamingTheColumnBeforeAnythingStops() throws Exception {
        Map<String, String> before = new DatabaseProbe(modern).fingerprint();

        assertThatThrownBy(() -> importer.importFile(export, modern, TranslationRules.NONE, Optional.empty(), MergeMode.REFUSE,
                services))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("t_job_meta.owner is NOT NULL without a default")
                .hasMessageContaining("--map t_job_meta.LEGACY_COLUMN=owner");

        assertThat(services.calls()).isEmpty();
        assertThat(new DatabaseProbe(modern).fingerprint()).isEqualTo(before);
    }

    @Test
    void tamperedExportFileIsRefusedNamingTheTableBeforeAnythingStops() throws Exception {
        Files.writeString(export, Files.readString(export).replace("job_7\t", "job_X\t"));

        assertThatThrownBy(() -> importer.importFile(export, modern, LegacyDrift.RULES, Optional.empty(), MergeMode.REFUSE, services))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("failed its check in table t_job_meta")
                .hasMessageContaining("export again");
        assertThat(services.calls()).isEmpty();
        assertThat(new DatabaseProbe(modern).count("t_job_meta")).isZero();
    }

    @Test
    void truncatedExportFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(export);
        Files.write(export, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> importer.importFile(export, modern, LegacyDrift.RULES, Optional.empty(), MergeMode.REFUSE, services))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("truncated");
        assertThat(services.calls()).isEmpty();
    }

    @Test
    void nonEmptyTargetIsRefusedUnlessToldHowToMerge() throws Exception {
        importer.importFile(export, modern, LegacyDrift.RULES, Optional.empty(), MergeMode.REFUSE, services);

        assertThatThrownBy(() -> importer.importFile(export, modern, LegacyDrift.RULES, Optional.empty(), MergeMode.REFUSE, services))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("already holds rows in t_jdbc (20 rows)")
                .hasMessageContaining("--merge replace");

        ImportResult replaced = importer.importFile(export, modern, LegacyDrift.RULES, Optional.empty(), MergeMode.REPLACE, services);
        assertThat(replaced.tables()).allSatisfy(t -> assertThat(t.inserted()).isEqualTo(t.rows()));
        ImportResult kept = importer.importFile(export, modern, LegacyDrift.RULES, Optional.empty(), MergeMode.KEEP_EXISTING, services);
        assertThat(kept.tables()).allSatisfy(t -> assertThat(t.inserted()).isZero());
        assertThat(new DatabaseProbe(modern).count("t_job_meta_history")).isEqualTo(2000);
    }

    @Test
    void usersTravelOnlyWhenIncludedAndNeverWithTheirPasswordHashes() throws Exception {
        Path withUsers = dir.resolve("with-users.export");
        new JobmetaExporter(JobmetaStepListener.SILENT, Clock.systemUTC())
                .export(legacy, withUsers, ExportSelection.of(List.of(), List.of("t_user")), false);
        assertThat(new ExportFileReader(withUsers).check().table("t_user").orElseThrow().columns())
                .extracting(ColumnDef::name).doesNotContain("password_md5");

        // the fresh install's own administrator is replaced by the legacy users, who get new passwords
        importer.importFile(withUsers, modern, LegacyDrift.RULES, Optional.empty(), MergeMode.REPLACE, services);

        DatabaseProbe target = new DatabaseProbe(modern);
        assertThat(target.count("t_user")).isEqualTo(10);
        assertThat(target.scalar("SELECT count(*) FROM t_user WHERE password_md5 IS NOT NULL")).isEqualTo("0");
    }
}
