package io.eltm.shim.db;

/**
 * Which of the three databases of a snapshot restore exist, and so what the restore does next. The
 * restore only ever renames live → aside, then snapshot → live, then drops aside, so each moment of
 * it leaves a distinct set of names; any other set was made by hand and is refused.
 */
record RestoreState(boolean live, boolean snapshot, boolean aside) {

    enum Action { SET_LIVE_ASIDE, PUT_SNAPSHOT_IN_PLACE, DROP_ASIDE, DONE }

    Action next(String liveName, String snapshotName, String asideName) {
        if (snapshot && live && !aside) {
            return Action.SET_LIVE_ASIDE;
        }
        if (snapshot && !live) {
            return Action.PUT_SNAPSHOT_IN_PLACE;
        }
        if (!snapshot && live) {
            return aside ? Action.DROP_ASIDE : Action.DONE;
        }
        if (snapshot) {
            throw new IllegalStateException("the audit DB " + liveName + ", its snapshot " + snapshotName + " and "
                    + asideName + " all exist, which no restore leaves: find out which one holds the data the "
                    + "previous release needs (the snapshot), keep it as " + liveName + " and drop the others");
        }
        throw new IllegalStateException("the audit DB " + liveName + " and its snapshot " + snapshotName
                + " are both gone" + (aside ? "; " + asideName + " holds the migrated DB" : "")
                + ": restore " + liveName + " from a backup");
    }
}
