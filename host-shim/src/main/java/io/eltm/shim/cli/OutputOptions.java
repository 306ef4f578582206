package io.eltm.shim.cli;

import io.eltm.shim.status.InstallStatus;
import io.eltm.shim.status.Json;
import io.eltm.shim.status.LastOperation;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code --json}, and the printing of outcomes both ways. */
public final class OutputOptions {

    @Option(names = "--json", description = "Machine-readable output: one JSON object per line, the status last.")
    boolean json;

    StepPrinter stepPrinter() {
        return new StepPrinter(System.out, json, System.console() != null);
    }

    /** Prints how an operation ended: a human summary, or with --json nothing (the status line says it). */
    void outcome(LastOperation op) {
        if (json || op == null) {
            return;
        }
        PrintStream stream = "Succeeded".equals(op.result()) ? System.out : System.err;
        String downtime = op.downtimeMillis() == null ? "services not touched"
                : String.format("downtime %.3f s", op.downtimeMillis() / 1000.0);
        stream.printf("%s: %s (%s)%n", op.describe(), op.result(), downtime);
        if (op.message() != null && !op.message().isBlank()) {
            stream.println(op.message());
        }
    }

    /** Tells what crash recovery did before the command ran (on stderr, so --json stdout stays clean). */
    void recovered(LastOperation op) {
        System.err.printf("eltm-shim: found an interrupted %s: %s. %s%n", op.describe(), op.result(),
                op.message() == null ? "" : op.message());
    }

    void status(InstallStatus status) {
        if (json) {
            System.out.println(toJson(status));
            return;
        }
        System.out.printf("install    %s%nversion    %s (built %s, GIT_SHA %s)%nhealthy    %s%nschema     %s%s%n",
                status.installDir(), status.version(), status.builtAt(), status.gitSha(), status.healthy(),
                status.schema().current(),
                status.schema().pending().isEmpty() ? "" : ", pending " + String.join(", ", status.schema().pending()));
        if (status.schema().error() != null) {
            System.out.println("           " + status.schema().error());
        }
        if (status.operationInProgress()) {
            System.out.println("an operation is in progress");
        }
        LastOperation op = status.lastOperation();
        if (op != null) {
            System.out.printf("last       %s: %s at %s%s%n", op.describe(), op.result(),
                    op.finishedAt(), op.downtimeMillis() == null ? "" : String.format(", downtime %.3f s",
                            op.downtimeMillis() / 1000.0));
        }
    }

    static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
