package io.eltm.operator.plan;

import io.eltm.api.ReleaseVersion;

import io.eltm.operator.plan.Decision.Refuse;
import io.eltm.operator.plan.Decision.Wait;
import java.time.Instant;

/**
 * Decides the next step for one installation from gathered facts. Pure: no client, no clock ({@code now} is a
 * parameter), no state; the same facts give the same decision. The decision table is in
 * {@code docs/operator-design.md}; the rules, in the order they apply:
 * <ol>
 *   <li>an operation is recorded: follow it, fold its end, or (gone) re-create it or declare it lost — never a
 *       second one;</li>
 *   <li>the host does not admit the installation's namespace, or an older installation claims the same install
 *       directory: refuse, create nothing;</li>
 *   <li>the host's lease is missing or expired (by the operator's clock): wait for it;</li>
 *   <li>paused, no report yet, a report older than the last operation's end, or the host busy: wait;</li>
 *   <li>reported equals desired: wait (ready, unhealthy or migrations pending);</li>
 *   <li>this generation already failed: wait for a spec change; it failed transiently: wait for its backoff;</li>
 *   <li>a downgrade without {@code allowDowngrade}, or no tarball URL for the version: refuse;</li>
 *   <li>otherwise start one upgrade to the desired version (this also reconciles drift made by hand).</li>
 * </ol>
 */
public final class Planner {

    public Decision plan(InstallationFacts installation, HostFacts host, OperationFacts operation, Instant now) {
        if (installation.recordedOperation() != null) {
            return RecordedOperations.plan(installation, host, operation, now);
        }
        String subject = installation.qualifiedName() + " on host " + host.hostName();
        Decision refused = HostAdmission.refusal(installation, host);
        if (refused != null) {
            return refused;
        }
        if (!host.isConnectedAt(now)) {
            return Disconnections.of(installation, host);
        }
        if (installation.policy().paused()) {
            return new Wait(Reasons.PAUSED, subject + ": paused by spec.policy.paused; no operation starts");
        }
        ReportedInstall reported = host.reported();
        if (reported == null) {
            return new Wait(Reasons.AWAITING_HOST_REPORT, subject + ": waiting for the agent's first report of "
                    + installation.target().installDir());
        }
        if (!reported.reflects(installation.previous())) {
            return new Wait(Reasons.REPORT_PREDATES_OPERATION, subject + ": the agent's report was read before"
                    + " operation " + installation.previousOperation() + " ended; waiting for a newer one");
        }
        String desired = installation.desiredVersion();
        if (!ReleaseVersion.isValid(desired)) {
            return new Refuse(Reasons.INVALID_VERSION, subject + ": spec.version '" + desired
                    + "' is not a release version; write dotted numbers with an optional -suffix, for example 8.4.2");
        }
        if (!ReleaseVersion.isValid(reported.version())) {
            return new Refuse(Reasons.INVALID_VERSION, subject + ": the agent reports version '" + reported.version()
                    + "', which is not a release version; check the VERSION file of " + installation.target().installDir());
        }
        if (reported.operationInProgress()) {
            return new Wait(Reasons.HOST_BUSY, subject + ": an upgrade or rollback is in progress on the host "
                    + "outside this installation's operations; waiting for it to end");
        }
        int comparison = ReleaseVersion.parse(desired).compareTo(ReleaseVersion.parse(reported.version()));
        if (comparison == 0) {
            return atDesiredVersion(subject, reported);
        }
        if (installation.alreadyHandledThisGeneration()) {
            return new Wait(Reasons.AWAITING_SPEC_CHANGE, subject + ": the operation for generation "
                    + installation.generation() + " did not succeed; change the spec to try again");
        }
        InstallationFacts.Retry backoff = installation.backingOffAt(now);
        if (backoff != null) {
            return new Wait(Reasons.RETRY_BACKOFF, subject + ": attempt " + backoff.attempts() + " failed"
                    + " transiently; the next starts at " + backoff.notBefore());
        }
        if (comparison < 0 && !installation.policy().allowDowngrade()) {
            return new Refuse(Reasons.DOWNGRADE_NOT_ALLOWED, subject + ": runs " + reported.version()
                    + " and spec.version asks for the older " + desired
                    + "; set spec.policy.allowDowngrade: true to downgrade");
        }
        return StartOperations.of(installation, subject, reported.version(), comparison < 0 ? Reasons.DOWNGRADE_REQUESTED
                : Reasons.UPGRADE_REQUESTED);
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
}
