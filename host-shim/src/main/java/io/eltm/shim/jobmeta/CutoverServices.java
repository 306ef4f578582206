package io.eltm.shim.jobmeta;

/**
 * The target install's services around an import: the engine and meta-service must not run while
 * job metadata is loaded (they cache it), PostgreSQL must.
 */
public interface CutoverServices {

    /** Stops the engine and meta-service, leaving PostgreSQL running. */
    void quiesce() throws java.io.IOException;

    /** Starts everything again. */
    void resume() throws java.io.IOException;
}
