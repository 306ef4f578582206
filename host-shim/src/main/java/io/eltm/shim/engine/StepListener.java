package io.eltm.shim.engine;

/**
 * Hears each step as it starts and ends, and progress inside long steps. The command line prints
 * these; the host agent writes them to the {@code EltmOperation} status.
 */
public interface StepListener {

    void stepStarted(StepRecord step);

    void stepEnded(StepRecord step);

    /** Progress inside a step (download, extraction), in bytes; {@code total} is -1 when unknown. */
    default void progress(String step, long done, long total) {
    }

    StepListener NONE = new StepListener() {
        @Override
        public void stepStarted(StepRecord step) {
        }

        @Override
        public void stepEnded(StepRecord step) {
        }
    };
}
