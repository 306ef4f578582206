package io.eltm.operator.plan;

import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;
import static io.eltm.operator.plan.Scenario.NOW;
import static io.eltm.operator.plan.Scenario.installed;
import static io.eltm.operator.plan.Scenario.operation;
import static io.eltm.operator.plan.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.eltm.operator.plan.Decision.Complete;
import io.eltm.operator.plan.Decision.Fail;
import io.eltm.operator.plan.Decision.Follow;
import io.eltm.operator.plan.Decision.HostDisconnected;
import io.eltm.operator.plan.Decision.Refuse;
import io.eltm.operator.plan.Decision.StartOperation;
import io.eltm.operator.plan.Decision.Wait;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every branch of the planner: facts → decision type and reason. The table of docs/operator-design.md. */
class PlannerDecisionTableTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String situation, Supplier<Scenario> facts, Class<? extends Decision> type, String reason) {
        Decision decision = facts.get().plan();

        assertThat(decision).isInstanceOf(type);
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.message()).contains("eltm/prod-a");
    }

    static Stream<Arguments> table() {
        ReportedInstall unhealthy = new ReportedInstall("8.4.2", null, null, "12", List.of(), false, false, null, null);
        ReportedInstall pending = new ReportedInstall("8.4.2", null, null, "12", List.of("13"), true, false, null, null);
        ReportedInstall busy = new ReportedInstall("8.4.1", null, null, "12", List.of(), true, true, null, null);
        String stale = "prod-a-0000000000";
        return Stream.of(
                row("recorded operation pending", () -> recordedRunning(OperationPhase.Pending, null),
                        Follow.class, Reasons.OPERATION_PENDING),
                row("recorded operation running", () -> recordedRunning(OperationPhase.Running, "migrate"),
                        Follow.class, Reasons.OPERATION_RUNNING),
                row("recorded operation running, host disconnected",
                        () -> recordedRunning(OperationPhase.Running, "swap").lease(NOW.minusSeconds(300)),
                        Follow.class, Reasons.OPERATION_RUNNING),
                row("recorded operation succeeded", () -> recordedEnded(OperationPhase.Succeeded),
                        Complete.class, Reasons.UPGRADE_SUCCEEDED),
                row("recorded operation refused", () -> recordedEnded(OperationPhase.Refused),
                        Fail.class, Reasons.UPGRADE_REFUSED),
                row("recorded operation rolled back", () -> recordedEnded(OperationPhase.RolledBack),
                        Fail.class, Reasons.UPGRADE_ROLLED_BACK),
                row("recorded operation failed", () -> recordedEnded(OperationPhase.Failed),
                        Fail.class, Reasons.UPGRADE_FAILED),
                row("recorded operation of an earlier spec failed", () -> recordedEnded(OperationPhase.Failed)
                        .desired("8.4.3").generation(4), Fail.class, Reasons.UPGRADE_FAILED),
                row("recorded operation never created", Scenario::recordedButNotCreated,
                        StartOperation.class, Reasons.OPERATION_RECREATED),
                row("recorded operation never created, host disconnected",
                        () -> Scenario.recordedButNotCreated().lease(NOW.minusSeconds(300)),
                        HostDisconnected.class, Reasons.LEASE_EXPIRED),
                row("recorded operation gone, host already at desired version",
                        () -> Scenario.recordedButNotCreated().reported(installed("8.4.2")), Fail.class, Reasons.OPERATION_LOST),
                row("recorded operation of an earlier spec gone", () -> scenario().recorded(stale, null),
                        Fail.class, Reasons.OPERATION_LOST),
                row("no lease", () -> scenario().lease(null), HostDisconnected.class, Reasons.LEASE_MISSING),
                row("lease expired", () -> scenario().lease(NOW.minusSeconds(41)),
                        HostDisconnected.class, Reasons.LEASE_EXPIRED),
                row("paused", () -> scenario().paused(), Wait.class, Reasons.PAUSED),
                row("no report yet", () -> scenario().reported(null), Wait.class, Reasons.AWAITING_HOST_REPORT),
                row("desired version invalid", () -> scenario().desired("latest"), Refuse.class, Reasons.INVALID_VERSION),
                row("reported version unreadable", () -> scenario().reported(installed("unknown")),
                        Refuse.class, Reasons.INVALID_VERSION),
                row("host busy", () -> scenario().reported(busy), Wait.class, Reasons.HOST_BUSY),
                row("at desired version, healthy", () -> scenario().reported(installed("8.4.2")),
                        Wait.class, Reasons.UP_TO_DATE),
                row("at desired version written differently", () -> scenario().desired("8.4.2.0")
                        .reported(installed("8.4.2")), Wait.class, Reasons.UP_TO_DATE),
                row("at desired version, unhealthy", () -> scenario().reported(unhealthy),
                        Wait.class, Reasons.INSTALL_UNHEALTHY),
                row("at desired version, migrations pending", () -> scenario().reported(pending),
                        Wait.class, Reasons.MIGRATIONS_PENDING),
                row("this generation already failed", () -> scenario().lastHandledGeneration(3),
                        Wait.class, Reasons.AWAITING_SPEC_CHANGE),
                row("downgrade not allowed", () -> scenario().desired("8.4.0"),
                        Refuse.class, Reasons.DOWNGRADE_NOT_ALLOWED),
                row("release candidate of the running version", () -> scenario().desired("8.4.1-rc1"),
                        Refuse.class, Reasons.DOWNGRADE_NOT_ALLOWED),
                row("downgrade allowed", () -> scenario().desired("8.4.0").allowDowngrade(),
                        StartOperation.class, Reasons.DOWNGRADE_REQUESTED),
                row("concrete URL of another version", () -> scenario()
                        .url("https://releases.example.com/eltm-portable-8.4.1.tar.gz"),
                        Refuse.class, Reasons.RELEASE_URL_NOT_FOR_VERSION),
                row("no release URL", () -> scenario().url(""), Refuse.class, Reasons.RELEASE_URL_NOT_FOR_VERSION),
                row("upgrade", Scenario::scenario, StartOperation.class, Reasons.UPGRADE_REQUESTED),
                row("upgrade from a concrete URL", () -> scenario()
                        .url("https://releases.example.com/eltm-portable-8.4.2.tar.gz"),
                        StartOperation.class, Reasons.UPGRADE_REQUESTED));
    }

    private static Scenario recordedRunning(OperationPhase phase, String step) {
        Scenario scenario = scenario();
        return scenario.recorded(scenario.operationName(), operation(scenario.operationName(), phase, step));
    }

    private static Scenario recordedEnded(OperationPhase phase) {
        return recordedRunning(phase, "verify");
    }

    private static Arguments row(String situation, Supplier<Scenario> facts, Class<? extends Decision> type,
                                 String reason) {
        return arguments(situation, facts, type, reason);
    }
}
