package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.service.ScriptResult;

/** Postgres alone, for the snapshot and the migrations. Its undo is nothing: later undos start what they need. */
public final class StartPostgresStep implements Step {

    public static final String NAME = "start-postgres";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) {
        if (!ctx.state().changesSchema()) {
            return StepOutcome.skipped("no migrations to run");
        }
        ensurePostgres(ctx);
        return StepOutcome.done("audit DB up");
    }

    @Override
    public void undo(OperationContext ctx) {
        // Nothing to take back: `start` undo stops everything, `stop` undo starts everything.
    }

    static void ensurePostgres(OperationContext ctx) {
        ScriptResult r = ctx.scripts().startPostgres();
        if (!r.ok()) {
            throw new IllegalStateException(r.script() + " exited " + r.exitCode() + ": " + r.output());
        }
    }
}
