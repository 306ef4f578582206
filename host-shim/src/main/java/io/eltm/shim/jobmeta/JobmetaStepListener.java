package io.eltm.shim.jobmeta;

import java.time.Duration;

/**
 * Hears each named step of an export, import or verify as it starts and ends, the way the upgrade
 * engine reports its steps (progress output, and later an operation's status through the agent).
 * Step names are the constants of {@link JobmetaSteps}.
 */
public interface JobmetaStepListener {

    /** A listener that hears nothing. */
    JobmetaStepListener SILENT = new JobmetaStepListener() {
        @Override
        public void started(String step) {
        }

        @Override
        public void finished(String step, Duration duration, String detail) {
        }
    };

    void started(String step);

    /** @param detail one line for a person, never a secret nor row data */
    void finished(String step, Duration duration, String detail);
}
