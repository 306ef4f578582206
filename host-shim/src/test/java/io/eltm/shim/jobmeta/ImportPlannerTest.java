package io.eltm.shim.jobmeta;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema-drift translator's decisions, without a database. */
class ImportPlannerTest {

    private static final ExportManifest LEGACY = manifest(new TableSection("t_job_meta", List.of(
            new ColumnDef("job_name", "character varying(200)"),
            new ColumnDef("owner_name", "character varying(64)"),
            new ColumnDef("timeout_sec", "character varying(10)"),
            new ColumnDef("glassfish_pool", "character varying(100)"),
            new ColumnDef("legacy_kind", "legacy_enum")), 3, "sha"));

    private static final TargetSchema MODERN = new TargetSchema(Map.of("t_job_meta", List.of(
            column("job_name", "character varying(200)", "character varying", true, false),
            column("owner", "character varying(64)", "character varying", true, false),
            column("timeout_sec", "integer", "integer", false, false),
            column("enabled", "boolean", "boolean", true, true),
            column("kind", "text", "text", false, false),
            new TargetColumn("search_key", "text", "text", false, false, true))),
            Set.of("character varying(200)", "character varying(64)", "character varying(10)",
                    "character varying(100)"));

    private static final SourceTimeZone NEW_YORK = new SourceTimeZone("America/New_York", "recorded");

    private final ImportPlanner planner = new ImportPlanner();

    @Test
    void targetNotNullColumnWithoutDefaultThatNothingFeedsRefusesNamingIt() {
        ImportPlan plan = planner.plan(LEGACY, MODERN, TranslationRules.NONE, NEW_YORK);

        assertThat(plan.runnable()).isFalse();
        assertThat(plan.problems()).singleElement().asString()
                .startsWith("t_job_meta.owner is NOT NULL without a default")
                .contains("--map t_job_meta.LEGACY_COLUMN=owner");
    }

    @Test
    void renamedColumnMatchesAndLegacyOnlyColumnsAreDroppedAndReported() {
        TablePlan table = plan(TranslationRules.parse(List.of("t_job_meta.owner_name=owner"), List.of()));

        assertThat(table.columns()).extracting(c -> c.describe(NEW_YORK)).containsExactly(
                "job_name",
                "owner <- owner_name (renamed)",
                "timeout_sec (character varying(10) cast to integer)");
        assertThat(table.dropped()).containsExactly("glassfish_pool", "legacy_kind");
        assertThat(table.defaulted()).containsExactly("enabled");
        assertThat(table.nulled()).containsExactly("kind");
    }

    @Test
    void renderCountsInTheSingularAndSaysWhichColumnsAreLeftNull() {
        ExportManifest manifest = manifest(new TableSection("t_jdbc", List.of(
                new ColumnDef("connection_name", "character varying(100)"),
                new ColumnDef("created_at", "timestamp without time zone")), 1, "sha"));
        TargetSchema modern = new TargetSchema(Map.of("t_jdbc", List.of(
                column("connection_name", "character varying(100)", "character varying", true, false),
                column("created_at", "timestamp with time zone", "timestamp with time zone", true, true),
                column("notes", "text", "text", false, false))), Set.of("character varying(100)"));

        String text = planner.plan(manifest, modern, TranslationRules.NONE, NEW_YORK).render();

        assertThat(text).contains("time zone: zone-less timestamps are read as America/New_York (recorded)",
                "t_jdbc: 1 row\n",
                "created_at (timestamp without time zone cast to timestamp with time zone) read as America/New_York",
                "  1 column copied by name\n", "  left NULL (no default): notes\n");
    }

    @Test
    void zoneLessTimestampsWithoutAKnownSourceZoneAreAProblemNamingTheColumns() {
        ExportManifest manifest = manifest(new TableSection("t_jdbc", List.of(
                new ColumnDef("created_at", "timestamp without time zone")), 1, "sha"));
        TargetSchema modern = new TargetSchema(Map.of("t_jdbc", List.of(
                column("created_at", "timestamp with time zone", "timestamp with time zone", true, true))), Set.of());

        ImportPlan plan = planner.plan(manifest, modern, TranslationRules.NONE,
                SourceTimeZone.of(manifest, java.util.Optional.empty()));

        assertThat(plan.problems()).singleElement().asString().startsWith("t_jdbc.created_at read zone-less "
                + "timestamps, but the legacy server's TimeZone is unknown").contains("--source-timezone");
    }

    @Test
    void typeChangeCastsToTheBaseTypeSoTheInsertStillRefusesTooLongValues() {
        TablePlan table = plan(TranslationRules.parse(List.of("t_job_meta.owner_name=owner"), List.of()));

        assertThat(table.columns()).filteredOn(c -> c.target().equals("timeout_sec")).singleElement()
                .extracting(ColumnTranslation::sql).isEqualTo("CAST(\"timeout_sec\" AS integer)");
        assertThat(table.columns()).filteredOn(c -> c.target().equals("job_name")).singleElement()
                .extracting(ColumnTranslation::sql).isEqualTo("\"job_name\"");
    }

    @Test
    void expressionComputesATargetColumnAndTheLegacyColumnsItReadsAreNotReportedDropped() {
        TablePlan table = plan(TranslationRules.parse(List.of("t_job_meta.owner_name=owner"),
                List.of("t_job_meta.kind=CASE legacy_kind::text WHEN 'B' THEN 'batch' ELSE 'stream' END")));

        assertThat(table.columns()).filteredOn(c -> c.target().equals("kind")).singleElement()
                .extracting(ColumnTranslation::kind).isEqualTo(ColumnTranslation.Kind.EXPRESSION);
        assertThat(table.dropped()).containsExactly("glassfish_pool");
    }

    @Test
    void legacyTypeUnknownOnTheTargetIsStagedAsText() {
        TablePlan table = plan(TranslationRules.parse(List.of("t_job_meta.owner_name=owner"), List.of()));

        assertThat(table.staging()).contains(new ColumnDef("legacy_kind", "text"),
                new ColumnDef("timeout_sec", "character varying(10)"));
    }

    @Test
    void onlyATableWhoseRowsFitAsTheyAreIsCopiedStraightIntoPlace() {
        ExportManifest same = manifest(new TableSection("t_jdbc", List.of(
                new ColumnDef("connection_name", "character varying(100)")), 1, "sha"));
        TargetSchema modern = new TargetSchema(Map.of("t_jdbc", List.of(
                column("connection_name", "character varying(100)", "character varying", true, false),
                column("created_at", "timestamp with time zone", "timestamp with time zone", true, true))),
                Set.of("character varying(100)"));

        assertThat(planner.plan(same, modern, TranslationRules.NONE, NEW_YORK).tables().get(0).direct()).isTrue();
        assertThat(plan(TranslationRules.parse(List.of("t_job_meta.owner_name=owner"), List.of())).direct()).isFalse();
    }

    @Test
    void generatedTargetColumnsAreNeverWritten() {
        TablePlan table = plan(TranslationRules.parse(List.of("t_job_meta.owner_name=owner"), List.of()));

        assertThat(table.columns()).extracting(ColumnTranslation::target).doesNotContain("search_key");
        assertThat(table.defaulted()).doesNotContain("search_key");
    }

    @Test
    void rulesNamingColumnsOrTablesThatDoNotExistAreProblemsNamingThem() {
        ImportPlan plan = planner.plan(LEGACY, MODERN, TranslationRules.parse(
                List.of("t_job_meta.owner_name=owner", "t_job_meta.job_desc=description", "t_jobs.a=b"),
                List.of("t_job_meta.nonexistent=1")), NEW_YORK);

        assertThat(plan.problems()).containsExactlyInAnyOrder(
                "a --map or --expr names table t_jobs, which the export does not hold",
                "--map t_job_meta.job_desc=description: the export of t_job_meta has no column job_desc (it has "
                        + "job_name, owner_name, timeout_sec, glassfish_pool, legacy_kind)",
                "--map t_job_meta.job_desc=description: the target table t_job_meta has no column description",
                "--expr t_job_meta.nonexistent: the target table t_job_meta has no column nonexistent");
    }

    @Test
    void tableAbsentOnTheTargetIsAProblemNamingIt() {
        ExportManifest withWorkflow = manifest(LEGACY.tables().get(0),
                new TableSection("t_workflow_item", List.of(new ColumnDef("position", "integer")), 1, "sha"));

        ImportPlan plan = planner.plan(withWorkflow, MODERN,
                TranslationRules.parse(List.of("t_job_meta.owner_name=owner"), List.of()), NEW_YORK);

        assertThat(plan.problems()).singleElement().asString().startsWith("table t_workflow_item is absent on the target");
    }

    private TablePlan plan(TranslationRules rules) {
        ImportPlan plan = planner.plan(LEGACY, MODERN, rules, NEW_YORK);
        assertThat(plan.problems()).isEmpty();
        return plan.tables().get(0);
    }

    private static TargetColumn column(String name, String type, String base, boolean notNull, boolean hasDefault) {
        return new TargetColumn(name, type, base, notNull, hasDefault, false);
    }

    private static ExportManifest manifest(TableSection... tables) {
        return new ExportManifest(2, Instant.EPOCH, "legacy", null, List.of(tables), null, "sha");
    }
}
