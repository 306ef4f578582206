package io.eltm.operator.status;

import static io.eltm.operator.plan.Scenario.NOW;
import static io.eltm.operator.plan.Scenario.installed;
import static io.eltm.operator.plan.Scenario.operation;
import static io.eltm.operator.plan.Scenario.scenario;
import static io.eltm.operator.status.ConditionView.DEGRADED;
import static io.eltm.operator.status.ConditionView.HOST_CONNECTED;
import static io.eltm.operator.status.ConditionView.PROGRESSING;
import static io.eltm.operator.status.ConditionView.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.eltm.api.v1alpha1.InstallationPhase;
import io.eltm.api.v1alpha1.MigrationState;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationResult;
import io.eltm.operator.plan.ReportedInstall;
import io.eltm.operator.plan.Scenario;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decision → phase and condition statuses (Ready Progressing Degraded HostConnected), from a fresh status. */
class StatusPhaseTableTest {

    @ParameterizedTest(name = "{0} → {2} {3}")
    @MethodSource("table")
    void showsPhaseAndConditions(String situation, Supplier<Scenario> facts, InstallationPhase phase, String statuses) {
        StatusView status = Reconciles.settled(facts.get());

        assertThat(status.phase()).isEqualTo(phase);
        assertThat(String.join(" ", status.condition(READY).status(), status.condition(PROGRESSING).status(),
                status.condition(DEGRADED).status(), status.condition(HOST_CONNECTED).status()))
                .isEqualTo(statuses);
        assertThat(status.conditions()).allSatisfy(condition -> {
            assertThat(condition.reason()).matches("[A-Z][A-Za-z]+");
            assertThat(condition.message()).isNotBlank();
        });
    }

    static Stream<Arguments> table() {
        ReportedInstall unhealthy = new ReportedInstall("8.4.2", null, null, "12", List.of(), false, false, null, null);
        ReportedInstall pending = new ReportedInstall("8.4.2", null, null, "12", List.of("13"), true, false, null, null);
        ReportedInstall busy = new ReportedInstall("8.4.1", null, null, "12", List.of(), true, true, null, null);
        String name = "prod-a-1a2b3c4d5e";
        return Stream.of(
                row("up to date", () -> scenario().reported(installed("8.4.2")), InstallationPhase.Ready, "True False False True"),
                row("paused at the desired version", () -> scenario().paused().reported(installed("8.4.2")),
                        InstallationPhase.Paused, "True False False True"),
                row("paused behind", () -> scenario().paused(), InstallationPhase.Paused, "False False False True"),
                row("paused, unhealthy", () -> scenario().paused().reported(unhealthy),
                        InstallationPhase.Paused, "False False True True"),
                row("no report yet", () -> scenario().reported(null), InstallationPhase.Pending, "Unknown False Unknown True"),
                row("host busy", () -> scenario().reported(busy), InstallationPhase.Pending, "False False False True"),
                row("unhealthy", () -> scenario().reported(unhealthy), InstallationPhase.Degraded, "False False True True"),
                row("migrations pending", () -> scenario().reported(pending), InstallationPhase.Degraded, "False False True True"),
                row("generation already failed", () -> scenario().lastHandledGeneration(3),
                        InstallationPhase.Degraded, "False False True True"),
                row("start", Scenario::scenario, InstallationPhase.Upgrading, "False True False True"),
                row("follow", () -> scenario().recorded(name, operation(name, OperationPhase.Running, "swap")),
                        InstallationPhase.Upgrading, "False True False True"),
                row("follow, host offline", () -> scenario().lease(NOW.minusSeconds(90))
                        .recorded(name, operation(name, OperationPhase.Running, "swap")),
                        InstallationPhase.Upgrading, "False True False False"),
                row("complete", () -> scenario().desired("8.4.2")
                        .recorded(name, operation(name, OperationPhase.Succeeded, "verify")),
                        InstallationPhase.Ready, "True False False True"),
                row("complete, spec moved on", () -> scenario().desired("8.4.3")
                        .recorded(name, operation(name, OperationPhase.Succeeded, "verify")),
                        InstallationPhase.Pending, "False False False True"),
                row("fail", () -> scenario().recorded(name, operation(name, OperationPhase.RolledBack, "verify")),
                        InstallationPhase.Degraded, "False False True True"),
                row("lost", () -> scenario().recorded("prod-a-0000000000", null),
                        InstallationPhase.Degraded, "False False True True"),
                row("refuse", () -> scenario().desired("8.4.0"), InstallationPhase.Degraded, "False False True True"),
                row("disconnected", () -> scenario().lease(NOW.minusSeconds(90)),
                        InstallationPhase.HostDisconnected, "Unknown False Unknown False"),
                row("never connected", () -> scenario().lease(null),
                        InstallationPhase.HostDisconnected, "Unknown False Unknown False"));
    }

    private static Arguments row(String situation, Supplier<Scenario> facts, InstallationPhase phase, String statuses) {
        return arguments(situation, facts, phase, statuses);
    }
}
