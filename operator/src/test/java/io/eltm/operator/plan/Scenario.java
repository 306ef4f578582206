package io.eltm.operator.plan;

import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Facts of one reconcile, with defaults that describe a typical installation: {@code eltm/prod-a} at generation 3
 * asks for 8.4.2 on host {@code etl-01}, whose agent renewed its lease 10 s ago and reports a healthy 8.4.1.
 * Each test changes only what its scenario is about.
 */
public final class Scenario {

    public static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    public static final String TEMPLATE_URL = "https://releases.example.com/eltm/eltm-portable-{version}.tar.gz";
    public static final String SHA256 = "3f2c9a1d0b7e4c55a0e1f2d3c4b5a69788990aab3f2c9a1d0b7e4c55a0e1f2d3";

    String name = "prod-a";
    long generation = 3;
    String desired = "8.4.2";
    String url = TEMPLATE_URL;
    boolean paused;
    boolean allowDowngrade;
    long lastHandledGeneration;
    String recordedOperation;
    InstallationFacts.EndedOperation previous;
    InstallationFacts.Retry retry;
    String namespace = "eltm";
    String hostNamespace = "eltm";
    boolean hostRegistered = true;
    java.util.Set<String> allowedNamespaces = java.util.Set.of();
    String installDirClaimedBy;
    Instant leaseRenewTime = NOW.minusSeconds(10);
    ReportedInstall reported = installed("8.4.1");
    OperationFacts operation;

    public static Scenario scenario() {
        return new Scenario();
    }

    public static ReportedInstall installed(String version) {
        return new ReportedInstall(version, Instant.parse("2026-11-01T10:15:00Z"), "3f2c9a1", "12", List.of(),
                true, false, NOW.minusSeconds(2), null);
    }

    public static OperationFacts operation(String name, OperationPhase phase, String step) {
        boolean ended = !phase.isActive();
        return new OperationFacts(name, "uid-" + name, "8.4.2", OperationType.UPGRADE, phase, step,
                phase.isFailure() ? "health probe of https://127.0.0.1:8443/ failed for 300 s" : null, false,
                ended ? 4123L : null, NOW.minusSeconds(120), ended ? NOW.minusSeconds(5) : null,
                phase == OperationPhase.Succeeded ? installed("8.4.2") : null);
    }

    public Scenario desired(String version) {
        desired = version;
        return this;
    }

    public Scenario generation(long value) {
        generation = value;
        return this;
    }

    public Scenario url(String value) {
        url = value;
        return this;
    }

    public Scenario paused() {
        paused = true;
        return this;
    }

    public Scenario allowDowngrade() {
        allowDowngrade = true;
        return this;
    }

    public Scenario lastHandledGeneration(long value) {
        lastHandledGeneration = value;
        return this;
    }

    public Scenario previousOperation(String value) {
        previous = new InstallationFacts.EndedOperation(value, "uid-" + value, NOW.minusSeconds(30));
        return this;
    }

    /** The last folded operation ended at {@code finishedAt}. */
    public Scenario previousOperation(String value, Instant finishedAt) {
        previous = new InstallationFacts.EndedOperation(value, "uid-" + value, finishedAt);
        return this;
    }

    public Scenario retry(InstallationFacts.Retry value) {
        retry = value;
        return this;
    }

    /** The installation lives in {@code ns}; the host stays in {@code eltm}. */
    public Scenario installationNamespace(String ns) {
        namespace = ns;
        return this;
    }

    /** The host's spec.allowedNamespaces; {@code registered} false: no EltmHost at all. */
    public Scenario hostAllows(boolean registered, String... namespaces) {
        hostRegistered = registered;
        allowedNamespaces = java.util.Set.of(namespaces);
        return this;
    }

    public Scenario installDirClaimedBy(String other) {
        installDirClaimedBy = other;
        return this;
    }

    public Scenario lease(Instant renewTime) {
        leaseRenewTime = renewTime;
        return this;
    }

    public Scenario reported(ReportedInstall value) {
        reported = value;
        return this;
    }

    /** {@code status.currentOperation} names {@code name}; {@code facts} is what the API server returned for it. */
    public Scenario recorded(String name, OperationFacts facts) {
        recordedOperation = name;
        operation = facts;
        return this;
    }

    /** Intent recorded for this very spec, but the operator stopped before creating the operation. */
    public static Scenario recordedButNotCreated() {
        Scenario scenario = scenario();
        return scenario.recorded(scenario.operationName(), null);
    }

    public InstallationFacts installation() {
        return new InstallationFacts(name, namespace, "uid-" + namespace + "-" + name, generation, desired,
                new InstallationFacts.Release(url, SHA256),
                new InstallationFacts.Target("etl-01", hostNamespace, "/data/iserver"),
                new InstallationFacts.Policy(paused, allowDowngrade, true, Duration.ofMinutes(5)),
                lastHandledGeneration, recordedOperation, previous, retry);
    }

    public HostFacts host() {
        // the operator saw the renewal when it happened: its clock and the host's agree in these scenarios
        return new HostFacts("etl-01", hostNamespace, hostRegistered, allowedNamespaces, leaseRenewTime, leaseRenewTime,
                Duration.ofSeconds(40), reported, installDirClaimedBy);
    }

    public OperationFacts operationFacts() {
        return operation;
    }

    public Decision plan() {
        return new Planner().plan(installation(), host(), operation, NOW);
    }

    /** The name the planner gives this scenario's operation. */
    public String operationName() {
        return OperationNames.forSpec(installation());
    }
}
