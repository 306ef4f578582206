package io.eltm.e2e;

/** The operator as a scenario runs it: a process on this machine, or the Helm chart's pod on the node. */
interface RunningOperator extends AutoCloseable {

    /** False once it died or restarted on its own (a crash the scenario did not cause). */
    boolean isAlive();

    /** What it logged, for a failed assertion's message. */
    String log();

    /** Its Prometheus page, as a scraper reads it. */
    String metrics() throws Exception;

    /** Kills it dead (SIGKILL, or the pod deleted without grace) and waits until a new one runs. */
    void killAndRestart() throws Exception;

    @Override
    void close();
}
