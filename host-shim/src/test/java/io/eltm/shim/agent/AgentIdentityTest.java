package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;

/** The host and namespace come from the credential's ServiceAccount; the flags may only confirm them. */
class AgentIdentityTest {

    private static final String ETL_01 = "system:serviceaccount:eltm-etl:eltm-agent-etl-01";

    @Test
    void takesHostAndNamespaceFromTheServiceAccount() {
        assertThat(AgentIdentity.fromUsername(ETL_01, null, null))
                .isEqualTo(new AgentIdentity("etl-01", "eltm-etl", "eltm-agent-etl-01"));
        assertThat(AgentIdentity.fromUsername(ETL_01, "etl-01", "eltm-etl").host()).isEqualTo("etl-01");
    }

    @Test
    void refusesAHostFlagForAnotherHost() {
        assertThatThrownBy(() -> AgentIdentity.fromUsername(ETL_01, "etl-02", null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("--host etl-02 does not match")
                .hasMessageContaining("host etl-01's agent");
    }

    @Test
    void refusesANamespaceFlagForAnotherNamespace() {
        assertThatThrownBy(() -> AgentIdentity.fromUsername(ETL_01, null, "default"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("--namespace default does not match")
                .hasMessageContaining("namespace eltm-etl");
    }

    @Test
    void refusesACredentialThatIsNotAnAgentsServiceAccount() {
        for (String user : new String[] {"kubernetes-admin", "system:serviceaccount:ns:operator",
                "system:serviceaccount:ns:eltm-agent-", null}) {
            assertThatThrownBy(() -> AgentIdentity.fromUsername(user, null, null))
                    .isInstanceOf(RefusedException.class).hasMessageContaining("not a host agent's ServiceAccount");
        }
    }
}
