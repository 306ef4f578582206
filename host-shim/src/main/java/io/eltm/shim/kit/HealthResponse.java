package io.eltm.shim.kit;

/** What the health URL answered: HTTP status and body. */
public record HealthResponse(int status, String body) {

    public boolean healthy() {
        return status == 200;
    }
}
