package io.eltm.shim.engine;

import java.util.Optional;

/**
 * One unit of work for the engine, as the command line or the host agent asks for it.
 *
 * @param id      a unique id; the agent passes the {@code EltmOperation} uid so a restarted agent
 *                recognises its own half-done operation in the journal
 * @param type    {@code upgrade} or {@code rollback}
 * @param source  tarball path or http(s) URL (upgrade only)
 * @param sha256  expected sha256 of the tarball, if known
 */
public record OperationRequest(String id, String type, String source, Optional<String> sha256,
                               OperationOptions options) {

    public static final String UPGRADE = "upgrade";
    public static final String ROLLBACK = "rollback";

    public static OperationRequest upgrade(String id, String source, Optional<String> sha256, OperationOptions options) {
        return new OperationRequest(id, UPGRADE, source, sha256, options);
    }

    public static OperationRequest rollback(String id, OperationOptions options) {
        return new OperationRequest(id, ROLLBACK, null, Optional.empty(), options);
    }
}
