package io.eltm.shim.cli;

import io.eltm.shim.engine.StepListener;
import io.eltm.shim.engine.StepRecord;
import io.eltm.shim.engine.StepState;
import io.eltm.shim.status.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints steps as they end: one human line each with its duration, or one JSON object per line
 * with {@code --json}. On a terminal, download and extraction also draw a progress bar.
 */
final class StepPrinter implements StepListener {

    private final PrintStream out;
    private final boolean json;
    private final ProgressBar bar;
    private final ObjectMapper mapper = Json.mapper();

    StepPrinter(PrintStream out, boolean json, boolean terminal) {
        this.out = out;
        this.json = json;
        this.bar = terminal && !json ? new ProgressBar(out) : null;
    }

    @Override
    public void stepStarted(StepRecord step) {
        if (json) {
            event("stepStarted", step);
        }
    }

    @Override
    public void stepEnded(StepRecord step) {
        if (bar != null) {
            bar.clear();
        }
        if (json) {
            event("stepEnded", step);
            return;
        }
        out.printf("  %-3s %-15s %8.3f s  %s%n", mark(step.state()), step.name(), step.millis() / 1000.0,
                step.state() == StepState.UNDONE ? "undone" : step.message());
        out.flush();
    }

    @Override
    public void progress(String step, long done, long total) {
        if (bar != null) {
            bar.show(step, done, total);
        }
    }

    private void event(String type, StepRecord step) {
        try {
            out.println(mapper.writeValueAsString(Map.of("event", type, "step", step)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write step " + step.name() + " as JSON", e);
        }
    }

    private static String mark(StepState state) {
        return switch (state) {
            case DONE -> "ok";
            case SKIPPED -> "--";
            case FAILED -> "!!";
            case UNDONE -> "<-";
            default -> "..";
        };
    }
}
