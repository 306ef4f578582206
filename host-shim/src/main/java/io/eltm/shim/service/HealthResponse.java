package io.eltm.shim.service;

/** What the health URL answered: HTTP status and body; status -1 when nothing answered (the body says why). */
public record HealthResponse(int status, String body) {

    public boolean answered() {
        return status >= 0;
    }
}
