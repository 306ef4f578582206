package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;

class PeriodicFailureLogTest {

    @Test
    void describesAClientFailureByItsRootCause() {
        RuntimeException e = new IllegalStateException("Operation: [patch]  for kind: [EltmHost]\n failed.",
                new java.io.UncheckedIOException(new java.io.IOException("wrapped", new ConnectException("Connection refused"))));

        assertThat(PeriodicFailureLog.describe(e))
                .isEqualTo("Operation: [patch] for kind: [EltmHost] failed.: ConnectException: Connection refused");
    }

    @Test
    void aFailureWithoutCauseIsItsMessage() {
        assertThat(PeriodicFailureLog.describe(new IllegalStateException("409 Conflict"))).isEqualTo("409 Conflict");
    }
}
