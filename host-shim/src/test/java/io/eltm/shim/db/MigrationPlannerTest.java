package io.eltm.shim.db;

import io.eltm.shim.RefusedException;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationPlannerTest {

    @Test
    void appliesOnlyTheMigrationsTheDatabaseHasNotSeen() {
        MigrationPlan plan = MigrationPlanner.plan(history("1", "2"), versions("1", "2", "3", "4"), versions(), false, null);

        assertThat(plan.applyNames()).containsExactly("3", "4");
        assertThat(plan.downgrade()).isFalse();
    }

    @Test
    void changesNothingWhenTheReleaseShipsWhatIsApplied() {
        MigrationPlan plan = MigrationPlanner.plan(history("1", "2"), versions("1", "2"), versions(), false, null);

        assertThat(plan.changesSchema()).isFalse();
    }

    @Test
    void refusesADowngradeWithoutTheFlagNamingTheVersions() {
        assertThatThrownBy(() -> MigrationPlanner.plan(history("1", "2", "3", "4"), versions("1", "2"),
                versions("3", "4"), false, null))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("4, 3").hasMessageContaining("--allow-downgrade");
    }

    @Test
    void undoesNewestFirstWhenDowngradeIsAllowedAndEveryUndoScriptExists() {
        MigrationPlan plan = MigrationPlanner.plan(history("1", "2", "3", "4"), versions("1", "2"),
                versions("3", "4"), true, null);

        assertThat(plan.undoNames()).containsExactly("4", "3");
        assertThat(plan.apply()).isEmpty();
    }

    @Test
    void refusesADowngradeListingEveryVersionWithoutAnUndoScript() {
        assertThatThrownBy(() -> MigrationPlanner.plan(history("1", "2", "3", "4", "5"), versions("1", "2"),
                versions("4"), true, null))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("no undo script").hasMessageContaining("5, 3");
    }

    @Test
    void refusesADatabaseWithoutHistoryUnlessABaselineIsGiven() {
        SchemaHistory none = new SchemaHistory(false, List.of(), null);

        assertThatThrownBy(() -> MigrationPlanner.plan(none, versions("1", "2", "3"), versions(), false, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("--baseline");

        MigrationPlan plan = MigrationPlanner.plan(none, versions("1", "2", "3"), versions(), false, "2");
        assertThat(plan.applyNames()).containsExactly("3");
        assertThat(plan.baseline()).isEqualTo(MigrationVersion.fromVersion("2"));
    }

    @Test
    void refusesAReleaseWithAnOldMigrationTheDatabaseNeverApplied() {
        assertThatThrownBy(() -> MigrationPlanner.plan(history("1", "3"), versions("1", "2", "3"), versions(), false, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("2").hasMessageContaining("older");
    }

    @Test
    void comparesVersionsNumericallyNotAsText() {
        MigrationPlan plan = MigrationPlanner.plan(history("9"), versions("9", "10", "9.1"), versions(), false, null);

        assertThat(plan.applyNames()).containsExactly("9.1", "10");
    }

    @Test
    void treatsABaselineMarkerAsCoveringEarlierMigrationsNotAsOneToUndo() {
        SchemaHistory baselined = new SchemaHistory(true, List.of(MigrationVersion.fromVersion("1"),
                MigrationVersion.fromVersion("2")), MigrationVersion.fromVersion("0"));

        MigrationPlan plan = MigrationPlanner.plan(baselined, versions("1", "2", "3"), versions(), false, null);

        assertThat(plan.applyNames()).containsExactly("3");
        assertThat(plan.downgrade()).isFalse();
    }

    private static SchemaHistory history(String... applied) {
        return new SchemaHistory(true, Arrays.stream(applied).map(MigrationVersion::fromVersion).sorted().toList(), null);
    }

    private static Set<MigrationVersion> versions(String... v) {
        return Arrays.stream(v).map(MigrationVersion::fromVersion).collect(Collectors.toSet());
    }
}
