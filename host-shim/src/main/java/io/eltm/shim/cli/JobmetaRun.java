package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;
import io.eltm.shim.RefusedException;
import io.eltm.shim.env.RootGuard;
import io.eltm.shim.jobmeta.ExportFormat;
import io.eltm.shim.jobmeta.JobmetaFailedException;
import io.eltm.shim.jobmeta.SafeErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one jobmeta command the contract's way: refuse root first, then map what happened to an exit
 * code (§6) and print the message once, with {@code --json} as a last JSON line too (but for a usage
 * error, which like picocli's own prints no JSON). Database errors are described by {@link SafeErrors}.
 */
final class JobmetaRun {

    /** A command body: returns its exit code (done, or a verification mismatch). */
    @FunctionalInterface
    interface Body {
        ExitCode run() throws Exception;
    }

    private JobmetaRun() {
    }

    static int run(CommandSpec spec, boolean json, Body body) {
        try {
            RootGuard.refuseRoot();
            return body.run().code();
        } catch (CommandLine.ParameterException e) {
            spec.commandLine().getErr().println("eltm-shim: " + e.getMessage() + " (see eltm-shim jobmeta "
                    + spec.name() + " --help)");
            spec.commandLine().getErr().flush();
            return ExitCode.USAGE.code();
        } catch (RefusedException e) {
            return fail(spec, json, ExitCode.REFUSED, "Refused", e.getMessage());
        } catch (JobmetaFailedException e) {
            return fail(spec, json, e.exitCode(), e.exitCode() == ExitCode.ROLLED_BACK ? "RolledBack" : "Failed",
                    e.getMessage());
        } catch (Exception e) {
            return fail(spec, json, ExitCode.FAILED, "Failed", "jobmeta " + spec.name() + " failed: "
                    + SafeErrors.describe(e) + ": nothing was committed unless reported above; check the target with "
                    + "jobmeta verify");
        }
    }

    static void printJson(CommandSpec spec, Object result) {
        try {
            spec.commandLine().getOut().println(ExportFormat.mapper().writeValueAsString(result));
            spec.commandLine().getOut().flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int fail(CommandSpec spec, boolean json, ExitCode code, String result, String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("result", result);
            error.put("error", Map.of("code", code.code(), "message", message));
            printJson(spec, error);
        }
        return code.code();
    }
}
