package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationSpec;
import io.eltm.shim.RefusedException;
import io.eltm.shim.engine.OperationOptions;
import io.eltm.shim.engine.OperationRequest;

import java.time.Duration;
import java.util.Optional;

/** Turns an {@code EltmOperation}'s spec into the engine's request; its uid is the request id. */
final class OperationRequests {

    private OperationRequests() {
    }

    static OperationRequest of(EltmOperation op) {
        EltmOperationSpec spec = op.getSpec();
        String id = op.getMetadata().getUid();
        return switch (spec.getType()) {
            case UPGRADE -> OperationRequest.upgrade(id, url(op), sha256(spec), options(spec));
            case ROLLBACK -> OperationRequest.rollback(id, options(spec));
            case CHECK -> throw new IllegalArgumentException("a check is not run by the engine: " + name(op));
        };
    }

    static String url(EltmOperation op) {
        if (op.getSpec().getRelease() == null || op.getSpec().getRelease().getUrl() == null) {
            throw new RefusedException("operation " + name(op) + " has no spec.release.url: an " + op.getSpec().getType()
                    + " needs the release tarball's URL");
        }
        return op.getSpec().getRelease().getUrl();
    }

    static Optional<String> sha256(EltmOperationSpec spec) {
        return Optional.ofNullable(spec.getRelease()).map(r -> r.getSha256()).filter(s -> !s.isBlank());
    }

    static OperationOptions options(EltmOperationSpec spec) {
        io.eltm.api.v1alpha1.OperationOptions o = spec.getOptions();
        if (o == null) {
            return OperationOptions.defaults();
        }
        return new OperationOptions(Boolean.TRUE.equals(o.getAllowDowngrade()), o.getBaseline(),
                Boolean.TRUE.equals(o.getNoRollback()), o.getHealthTimeoutSeconds() == null
                        ? OperationOptions.DEFAULT_HEALTH_TIMEOUT : Duration.ofSeconds(o.getHealthTimeoutSeconds()));
    }

    static String name(EltmOperation op) {
        return op.getMetadata().getNamespace() + "/" + op.getMetadata().getName();
    }
}
