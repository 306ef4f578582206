package io.eltm.shim.jobmeta;

import java.util.ArrayList;
import java.util.List;

/**
 * Test double for a bare PostgreSQL without ELTM scripts: no services to stop or start; it records the
 * calls so tests can see what an import did around its load.
 */
final class NoServicesForTests implements CutoverServices {

    private final List<String> calls = new ArrayList<>();

    @Override
    public void quiesce() {
        calls.add("quiesce");
    }

    @Override
    public void resume() {
        calls.add("resume");
    }

    List<String> calls() {
        return List.copyOf(calls);
    }
}
