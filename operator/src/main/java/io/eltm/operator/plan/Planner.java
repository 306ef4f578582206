package io.eltm.operator.plan;

import io.eltm.operator.plan.Decision.Complete;
import io.eltm.operator.plan.Decision.Fail;
import io.eltm.operator.plan.Decision.Follow;
import io.eltm.operator.plan.Decision.HostDisconnected;
import io.eltm.operator.plan.Decision.Refuse;
import io.eltm.operator.plan.Decision.StartOperation;
import io.eltm.operator.plan.Decision.Wait;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides the next step for one installation from gathered facts. Pure: no client, no clock ({@code now} is a
 * parameter), no state; the same facts give the same decision. The decision table is in
 * {@code docs/operator-design.md}; the rules, in the order they apply:
 * <ol>
 *   <li>an operation is recorded: follow it, fold its end, or (gone) re-create it or declare it lost — never a
 *       second one;</li>
 *   <li>the host's lease is missing or expired: wait for it;</li>
 *   <li>paused, no report yet, or the host busy: wait;</li>
 *   <li>reported equals desired: wait (ready, unhealthy or migrations pending);</li>
 *   <li>this generation already failed: wait for a spec change;</li>
 *   <li>a downgrade without {@code allowDowngrade}, or no tarball URL for the version: refuse;</li>
 *   <li>otherwise start one upgrade to the desired version (this also reconciles drift made by hand).</li>
 * </ol>
 */
public final class Planner {

    public Decision plan(InstallationFacts installation, HostFacts host, OperationFacts operation, Instant now) {
        if (installation.recordedOperation() != null) {
            return planRecorded(installation, host, operation, now);
        }
        if (!host.isConnectedAt(now)) {
            return disconnected(installation, host);
        }
        String subject = installation.qualifiedName() + " on host " + host.hostName();
        if (installation.policy().paused()) {
            return new Wait(Reasons.PAUSED, subject + ": paused by spec.policy.paused; no operation starts");
        }
        ReportedInstall reported = host.reported();
        if (reported == null) {
            return new Wait(Reasons.AWAITING_HOST_REPORT, subject + ": waiting for the agent's first report of "
                    + installation.target().installDir());
        }
        String desired = installation.desiredVersion();
        if (!ReleaseVersions.isValid(desired)) {
            return new Refuse(Reasons.INVALID_VERSION, subject + ": spec.version '" + desired
                    + "' is not a release version; write dotted numbers with an optional -suffix, for example 8.4.2");
        }
        if (!ReleaseVersions.isValid(reported.version())) {
            return new Refuse(Reasons.INVALID_VERSION, subject + ": the agent reports version '" + reported.version()
                    + "', which is not a release version; check the VERSION file of " + installation.target().installDir());
        }
        if (reported.operationInProgress()) {
            return new Wait(Reasons.HOST_BUSY, subject + ": an upgrade or rollback is in progress on the host "
                    + "outside this installation's operations; waiting for it to end");
        }
        int comparison = ReleaseVersions.compare(desired, reported.version());
        if (comparison == 0) {
            return atDesiredVersion(subject, reported);
        }
        if (installation.alreadyHandledThisGeneration()) {
            return new Wait(Reasons.AWAITING_SPEC_CHANGE, subject + ": the operation for generation "
                    + installation.generation() + " did not succeed; change the spec to try again");
        }
        if (comparison < 0 && !installation.policy().allowDowngrade()) {
            return new Refuse(Reasons.DOWNGRADE_NOT_ALLOWED, subject + ": runs " + reported.version()
                    + " and spec.version asks for the older " + desired
                    + "; set spec.policy.allowDowngrade: true to downgrade");
        }
        return start(installation, subject, reported.version(), comparison < 0 ? Reasons.DOWNGRADE_REQUESTED
                : Reasons.UPGRADE_REQUESTED);
    }

    private Decision planRecorded(InstallationFacts installation, HostFacts host, OperationFacts operation,
                                  Instant now) {
        String recorded = installation.recordedOperation();
        String subject = installation.qualifiedName() + ", operation " + recorded;
        if (operation == null) {
            // Intent is recorded before the operation is created; an operator stopped between the two leaves a
            // recorded name without an operation. While the name still matches the spec and the host is not yet
            // at the desired version, create it now. Otherwise it is lost: once folded, the next round sees the
            // host as it is (ready when someone else brought it to the desired version).
            if (recorded.equals(OperationNames.forSpec(installation)) && !reportsDesired(installation, host)) {
                if (!host.isConnectedAt(now)) {
                    return disconnected(installation, host);
                }
                String from = host.reported() == null ? "unknown" : host.reported().version();
                return start(installation, installation.qualifiedName() + " on host " + host.hostName(), from,
                        Reasons.OPERATION_RECREATED);
            }
            return new Fail(Reasons.OPERATION_LOST, subject + ": the recorded operation no longer exists and "
                    + "cannot be re-created; not retried until the spec changes",
                    recorded, installation.generation(), null);
        }
        OperationPhase phase = operation.phase();
        if (phase.isActive()) {
            String step = operation.currentStep();
            return new Follow(phase == OperationPhase.PENDING ? Reasons.OPERATION_PENDING : Reasons.OPERATION_RUNNING,
                    subject + ": " + phase.wireName() + " to " + operation.targetVersion()
                            + (step == null ? "" : ", step " + step), recorded, phase, step);
        }
        if (phase == OperationPhase.SUCCEEDED) {
            return new Complete(Reasons.UPGRADE_SUCCEEDED, subject + ": now runs " + operation.targetVersion()
                    + (operation.downtimeMillis() == null ? "" : " after " + operation.downtimeMillis() + " ms of downtime"),
                    operation);
        }
        String reason = switch (phase) {
            case REFUSED -> Reasons.UPGRADE_REFUSED;
            case ROLLED_BACK -> Reasons.UPGRADE_ROLLED_BACK;
            default -> Reasons.UPGRADE_FAILED;
        };
        String error = operation.errorMessage() == null ? "no message from the agent" : operation.errorMessage();
        return new Fail(reason, subject + ": " + phase.wireName() + " on the way to " + operation.targetVersion()
                + (operation.currentStep() == null ? "" : " at step " + operation.currentStep()) + ": " + error
                + "; not retried until the spec changes", recorded, installation.generation(), operation);
    }

    private static boolean reportsDesired(InstallationFacts installation, HostFacts host) {
        String reported = host.reported() == null ? null : host.reported().version();
        String desired = installation.desiredVersion();
        if (ReleaseVersions.isValid(reported) && ReleaseVersions.isValid(desired)) {
            return ReleaseVersions.compare(reported, desired) == 0;
        }
        return false;
    }

    private static Decision atDesiredVersion(String subject, ReportedInstall reported) {
        if (!reported.healthy()) {
            return new Wait(Reasons.INSTALL_UNHEALTHY, subject + ": runs the desired " + reported.version()
                    + " but the agent reports it unhealthy");
        }
        if (reported.hasPendingMigrations()) {
            return new Wait(Reasons.MIGRATIONS_PENDING, subject + ": runs the desired " + reported.version()
                    + " with migrations not applied: " + String.join(", ", reported.schemaPending()));
        }
        return new Wait(Reasons.UP_TO_DATE, subject + ": runs the desired " + reported.version());
    }

    private static Decision start(InstallationFacts installation, String subject, String from, String reason) {
        String desired = installation.desiredVersion();
        Optional<String> url = ReleaseUrls.resolve(installation.release().url(), desired);
        if (url.isEmpty()) {
            return new Refuse(Reasons.RELEASE_URL_NOT_FOR_VERSION, subject + ": spec.release.url '"
                    + installation.release().url() + "' neither contains " + ReleaseUrls.VERSION_PLACEHOLDER
                    + " nor names version " + desired + "; use a URL template or the URL of the " + desired
                    + " tarball");
        }
        String name = OperationNames.forSpec(installation);
        InstallationFacts.Policy policy = installation.policy();
        return new StartOperation(reason, subject + ": " + from + " → " + desired + " with operation " + name,
                name, OperationType.UPGRADE, url.get(), installation.release().sha256(), desired,
                new OperationOptions(policy.allowDowngrade(), policy.autoRollback(), policy.healthTimeout()));
    }

    private static Decision disconnected(InstallationFacts installation, HostFacts host) {
        String subject = installation.qualifiedName() + ": host " + host.hostName();
        if (!host.hasLease()) {
            return new HostDisconnected(Reasons.LEASE_MISSING, subject + " has no lease; start its agent "
                    + "(eltm-shim agent --host " + host.hostName() + ")", null);
        }
        return new HostDisconnected(Reasons.LEASE_EXPIRED, subject + " was last seen at " + host.leaseRenewTime()
                + " and its lease has expired; no operation starts until its agent is back", host.leaseRenewTime());
    }
}
