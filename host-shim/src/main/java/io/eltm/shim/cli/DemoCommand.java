package io.eltm.shim.cli;

import io.eltm.shim.engine.OperationOptions;
import io.eltm.shim.engine.OperationRequest;
import io.eltm.shim.engine.Trees;
import io.eltm.shim.env.EnvironmentLoader;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.env.RootGuard;
import io.eltm.shim.demo.DemoKit;
import io.eltm.shim.demo.DemoKits;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ServiceScripts;
import io.eltm.shim.status.LastOperation;
import io.eltm.shim.status.StatusReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code eltm-shim demo}: a throw-away sandbox install of sample release 8.4.1 (real PostgreSQL, real
 * TLS meta-service) upgraded to 8.4.2 end to end with the real engine, then removed. The sample kit
 * comes from {@code eltm-shim-kit.jar} next to this jar ({@link DemoKits}); without it the demo is refused.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Installs sample release 8.4.1 in a temporary sandbox, upgrades it to 8.4.2 with visible "
                + "steps, prints the status, and cleans up.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        RootGuard.refuseRoot();
        DemoKit kit = DemoKits.nextToThisJar();
        Path sandbox = Files.createTempDirectory("eltm-demo-");
        LastOperation op;
        try (DemoKit.Sandbox install = kit.install(sandbox, this::say)) {
            Path b = install.target();
            InstallEnvironment env = new EnvironmentLoader(System.getenv()).load(install.envFile(), Optional.empty());
            say("installed 8.4.1 in " + env.installDir() + " with PostgreSQL on port " + env.pgPort()
                    + " and the meta-service on " + env.healthUrl());
            output.status(new StatusReader(env, Clock.systemUTC()).read());
            say("eltm-shim upgrade " + b.getFileName() + " --env-file " + install.envFile());
            op = Engines.of(env).run(OperationRequest.upgrade(UUID.randomUUID().toString(), b.toString(), Optional.empty(),
                    new OperationOptions(false, null, false, Duration.ofSeconds(60))), output.stepPrinter());
            output.outcome(op);
            output.status(new StatusReader(env, Clock.systemUTC()).read());
            String answer = new HealthProbe(new ServiceScripts(env, Duration.ofSeconds(30)), env.healthUrl(),
                    Clock.systemUTC()).fetch(Duration.ofSeconds(10)).body();
            say("the meta-service now answers: " + firstLine(answer));
        } finally {
            Trees.delete(sandbox); // closing the install removed it already unless creating it failed halfway
        }
        say("sandbox removed");
        return ExitCodes.of(op.result());
    }

    private void say(String line) {
        if (!output.json) {
            System.out.println("== " + line);
        }
    }

    private static String firstLine(String body) {
        return body.lines().filter(l -> l.contains("8.4")).findFirst().orElse(body.lines().findFirst().orElse("")).strip();
    }
}
