package io.eltm.shim.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The hook of the shared {@link Preflight} for the swap's rename preconditions (issue 9, item 7): staging,
 * the release cache and every replaced path on one filesystem, every unit's directory renamable. It runs
 * for {@code eltm-shim check} and the upgrade's preflight alike, before anything is stopped; each
 * violation it returns is a refusal naming the path and what to do.
 */
public final class RenamePreconditions {

    private RenamePreconditions() {
    }

    /**
     * @param stagingDir where the new release's replaced paths are (upgrade) or would be (check) staged
     * @return the violations, empty when every rename of the swap can happen
     */
    public static List<String> problems(Path installDir, Path stagingDir, List<SwapUnit> units) {
        // Written by the swap/journal work (item 7); until then nothing is checked here.
        return List.of();
    }
}
