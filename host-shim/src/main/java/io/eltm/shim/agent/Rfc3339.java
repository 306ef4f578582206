package io.eltm.shim.agent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps in the form Kubernetes writes them ({@code 2026-11-26T05:50:00.123Z}, RFC 3339). */
final class Rfc3339 {

    private Rfc3339() {
    }

    static String of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
