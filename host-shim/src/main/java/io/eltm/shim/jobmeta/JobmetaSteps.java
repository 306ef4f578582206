package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** The step names of a cutover (the runbook's numbered steps use them) and the timer that reports them. */
public final class JobmetaSteps {

    public static final String EXPORT_SNAPSHOT = "export-snapshot";
    public static final String EXPORT_TABLE = "export-table";
    public static final String EXPORT_TIME_ZONE = "export-time-zone";
    public static final String EXPORT_SEQUENCE = "export-sequence";
    public static final String READ_FILE = "read-file";
    public static final String PLAN = "plan";
    public static final String CHECK_DATA = "check-data";
    public static final String QUIESCE = "quiesce";
    public static final String LOAD_TABLE = "load-table";
    public static final String SET_SEQUENCES = "set-sequences";
    public static final String COMMIT = "commit";
    public static final String RESUME = "resume";
    public static final String VERIFY_COUNTS = "verify-counts";
    public static final String VERIFY_WATERMARKS = "verify-watermarks";
    public static final String VERIFY_SEQUENCE = "verify-sequence";

    /** A step's work: database and file work throws what it throws. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws SQLException, IOException;
    }

    private final JobmetaStepListener listener;
    private final Clock clock;

    public JobmetaSteps(JobmetaStepListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** Reports a step started whose end comes from a callback; pair with {@link #end}. */
    public Instant begin(String step) {
        listener.started(step);
        return clock.instant();
    }

    public void end(String step, Instant began, String detail) {
        listener.finished(step, Duration.between(began, clock.instant()), detail);
    }

    /** Runs one step; {@code detail} turns its result into the line reported when it ends. */
    public <T> T run(String step, Work<T> work, Function<T, String> detail) throws SQLException, IOException {
        listener.started(step);
        Instant start = clock.instant();
        T result = work.call();
        listener.finished(step, Duration.between(start, clock.instant()), detail.apply(result));
        return result;
    }
}
