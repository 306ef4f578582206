package io.eltm.shim.cli;

import io.eltm.shim.engine.OperationOptions;
import io.eltm.shim.engine.OperationRequest;
import io.eltm.shim.engine.UpgradeEngine;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.status.LastOperation;
import io.eltm.shim.status.StatusReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code eltm-shim rollback}: back to the release installed before the last upgrade. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Goes back to the release installed before the last upgrade, from the release cache "
                + "(the last 3 are kept); migrations the older release lacks are undone with their U scripts.",
                "Also reverts an upgrade that failed with --no-rollback.",
                "Exit: 0 done, 3 refused (nothing changed), 4 failed and rolled back, 5 failed, not recovered."})
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    InstallOptions install;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        InstallEnvironment env = install.load();
        UpgradeEngine engine = Engines.of(env);
        StepPrinter printer = output.stepPrinter();
        OperationOptions options = new OperationOptions(true, null, false, OperationOptions.DEFAULT_HEALTH_TIMEOUT);
        LastOperation op = engine.run(OperationRequest.rollback(UUID.randomUUID().toString(), options), printer);
        output.outcome(op);
        output.status(new StatusReader(env, Clock.systemUTC()).read());
        // Reverting an upgrade held by --no-rollback is this command succeeding, though that upgrade "RolledBack".
        boolean revertedHeldUpgrade = OperationRequest.UPGRADE.equals(op.type()) && "RolledBack".equals(op.result());
        return revertedHeldUpgrade ? 0 : ExitCodes.of(op.result());
    }
}
