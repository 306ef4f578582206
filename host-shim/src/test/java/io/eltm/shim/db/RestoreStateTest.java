package io.eltm.shim.db;

import io.eltm.shim.db.RestoreState.Action;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a snapshot restore stands, read from the names that exist, and what it does next. */
class RestoreStateTest {

    @ParameterizedTest(name = "live={0} snapshot={1} aside={2} → {3}")
    @CsvSource({
            "true,  true,  false, SET_LIVE_ASIDE",        // not started, or stopped after ending sessions
            "false, true,  true,  PUT_SNAPSHOT_IN_PLACE", // stopped after the live DB was set aside
            "false, true,  false, PUT_SNAPSHOT_IN_PLACE", // the audit DB went missing: the snapshot is all there is
            "true,  false, true,  DROP_ASIDE",            // stopped after the snapshot was renamed into place
            "true,  false, false, DONE"})                 // finished, or no snapshot
    void nextActionFollowsFromTheNamesThatExist(boolean live, boolean snapshot, boolean aside, Action expected) {
        assertThat(new RestoreState(live, snapshot, aside).next("sqlmaestro", "snap", "snap_replaced"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "live={0} snapshot={1} aside={2} is refused")
    @CsvSource({"true, true, true", "false, false, true", "false, false, false"})
    void setsNoRestoreLeavesAreRefusedNamingTheDatabases(boolean live, boolean snapshot, boolean aside) {
        assertThatThrownBy(() -> new RestoreState(live, snapshot, aside).next("sqlmaestro", "snap", "snap_replaced"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sqlmaestro").hasMessageContaining("snap");
    }
}
