package io.eltm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/**
 * The shim's {@code status --json} (contract §6) reads into the status classes as it is, extra fields such as
 * {@code lastOperation} included, so the agent can copy it into {@code EltmOperation.status.result} and
 * {@code EltmHost.status.installs[]} without a mapping of its own.
 */
class ShimStatusJsonTest {

  private static final String STATUS_JSON = """
      {"installDir": "/data/iserver", "version": "8.4.2", "builtAt": "2026-11-01T10:15:00Z",
       "gitSha": "3f2c9a1", "healthy": true, "operationInProgress": false,
       "schema": {"current": "12", "pending": ["13"]},
       "lastOperation": {"type": "upgrade", "from": "8.4.1", "to": "8.4.2", "result": "Succeeded",
                         "steps": [{"name": "stop", "state": "DONE", "millis": 1200}]}}
      """;

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @Test
  void shimStatusReadsAsTheOperationResult() {
    InstallReport report = serialization.unmarshal(STATUS_JSON, InstallReport.class);

    assertThat(report.getInstallDir()).isEqualTo("/data/iserver");
    assertThat(report.getVersion()).isEqualTo("8.4.2");
    assertThat(report.getBuiltAt()).isEqualTo("2026-11-01T10:15:00Z");
    assertThat(report.getGitSha()).isEqualTo("3f2c9a1");
    assertThat(report.getHealthy()).isTrue();
    assertThat(report.getSchema().getCurrent()).isEqualTo("12");
    assertThat(report.getSchema().getPending()).containsExactly("13");
  }

  @Test
  void shimStatusReadsAsAHostInstallWithItsLockState() {
    HostInstall install = serialization.unmarshal(STATUS_JSON, HostInstall.class);

    assertThat(install.getVersion()).isEqualTo("8.4.2");
    assertThat(install.getOperationInProgress()).isFalse();
  }

  @Test
  void shimStepRecordReadsAsAnOperationStep() {
    OperationStep step = serialization.unmarshal("""
        {"name": "swap", "state": "UNDONE", "startedAt": "2026-11-01T10:15:03Z", "millis": 840,
         "message": "restored server/engine"}""", OperationStep.class);

    assertThat(step.getState()).isEqualTo(StepState.UNDONE);
    assertThat(step.getStartedAt()).isEqualTo("2026-11-01T10:15:03Z");
    assertThat(step.getMillis()).isEqualTo(840L);
  }
}
