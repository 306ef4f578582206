package io.eltm.shim.agent;

import io.eltm.shim.engine.StepListener;
import io.eltm.shim.engine.StepRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each step as it ends, naming the host and install: the agent's journal for people. */
final class StepLog implements StepListener {

    private static final Logger LOG = LoggerFactory.getLogger(StepLog.class);

    private final String host;
    private final String installDir;

    StepLog(String host, String installDir) {
        this.host = host;
        this.installDir = installDir;
    }

    @Override
    public void stepStarted(StepRecord step) {
    }

    @Override
    public void stepEnded(StepRecord step) {
        LOG.info("host {}, install {}: step {} {} in {} ms{}", host, installDir, step.name(), step.state(),
                step.millis(), step.message() == null || step.message().isEmpty() ? "" : ": " + step.message());
    }

    /** This log, then {@code next}. */
    StepListener and(StepListener next) {
        StepListener self = this;
        return new StepListener() {
            @Override
            public void stepStarted(StepRecord step) {
                self.stepStarted(step);
                next.stepStarted(step);
            }

            @Override
            public void stepEnded(StepRecord step) {
                self.stepEnded(step);
                next.stepEnded(step);
            }

            @Override
            public void progress(String step, long done, long total) {
                next.progress(step, done, total);
            }
        };
    }
}
