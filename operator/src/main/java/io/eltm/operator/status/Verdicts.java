package io.eltm.operator.status;

import io.eltm.api.ReleaseVersion;
import io.eltm.api.v1alpha1.InstallationPhase;

import static io.eltm.operator.status.ConditionView.DEGRADED;
import static io.eltm.operator.status.ConditionView.PROGRESSING;
import static io.eltm.operator.status.ConditionView.READY;

import io.eltm.operator.plan.Decision;
import io.eltm.operator.plan.Decision.Complete;
import io.eltm.operator.plan.Decision.Fail;
import io.eltm.operator.plan.Decision.Follow;
import io.eltm.operator.plan.Decision.HostDisconnected;
import io.eltm.operator.plan.Decision.Refuse;
import io.eltm.operator.plan.Decision.StartOperation;
import io.eltm.operator.plan.Decision.Wait;
import io.eltm.operator.plan.InstallationFacts;
import io.eltm.operator.plan.Reasons;
import io.eltm.operator.plan.ReportedInstall;

/** Phase and Ready/Progressing/Degraded for each decision: the right half of the decision table. */
final class Verdicts {

    /** Reason of Ready while an operation is in flight. */
    static final String UPGRADING = "Upgrading";
    /** Reason of Ready when an operation succeeded but the spec meanwhile asks for another version. */
    static final String NOT_AT_DESIRED_VERSION = "NotAtDesiredVersion";
    /** Reason of Progressing and Degraded when nothing is wrong and nothing runs. */
    static final String AS_EXPECTED = "AsExpected";

    private Verdicts() {
    }

    static Verdict of(Decision decision, InstallationFacts installation, ReportedInstall folded, StatusView previous) {
        String reason = decision.reason();
        String message = decision.message();
        if (decision instanceof StartOperation || decision instanceof Follow) {
            return new Verdict(InstallationPhase.Upgrading, ConditionValue.of(READY, false, UPGRADING, message),
                    ConditionValue.of(PROGRESSING, true, reason, message),
                    ConditionValue.of(DEGRADED, false, AS_EXPECTED, message));
        }
        if (decision instanceof Complete) {
            boolean atDesired = atDesiredAndHealthy(installation, folded);
            return new Verdict(atDesired ? InstallationPhase.Ready : InstallationPhase.Pending,
                    ConditionValue.of(READY, atDesired, atDesired ? reason : NOT_AT_DESIRED_VERSION, message),
                    ConditionValue.of(PROGRESSING, false, reason, message),
                    ConditionValue.of(DEGRADED, false, reason, message));
        }
        if (decision instanceof Fail || decision instanceof Refuse) {
            return degraded(reason, message);
        }
        if (decision instanceof HostDisconnected) {
            return new Verdict(InstallationPhase.HostDisconnected, ConditionValue.unknown(READY, reason, message),
                    ConditionValue.of(PROGRESSING, false, reason, message),
                    ConditionValue.keep(previous.condition(DEGRADED),
                            ConditionValue.unknown(DEGRADED, reason, message)));
        }
        return waiting((Wait) decision, installation, folded, previous);
    }

    private static Verdict waiting(Wait wait, InstallationFacts installation, ReportedInstall folded,
                                   StatusView previous) {
        String reason = wait.reason();
        String message = wait.message();
        ConditionValue idle = ConditionValue.of(PROGRESSING, false, reason, message);
        return switch (reason) {
            case Reasons.UP_TO_DATE -> new Verdict(InstallationPhase.Ready, ConditionValue.of(READY, true, reason, message), idle,
                    ConditionValue.of(DEGRADED, false, AS_EXPECTED, message));
            case Reasons.PAUSED -> new Verdict(InstallationPhase.Paused,
                    ConditionValue.of(READY, atDesiredAndHealthy(installation, folded), reason, message), idle,
                    ConditionValue.of(DEGRADED, folded != null && !folded.healthy(),
                            folded != null && !folded.healthy() ? Reasons.INSTALL_UNHEALTHY : reason, message));
            case Reasons.AWAITING_HOST_REPORT -> new Verdict(InstallationPhase.Pending, ConditionValue.unknown(READY, reason, message),
                    idle, ConditionValue.unknown(DEGRADED, reason, message));
            case Reasons.HOST_BUSY -> new Verdict(InstallationPhase.Pending, ConditionValue.of(READY, false, reason, message), idle,
                    ConditionValue.of(DEGRADED, false, AS_EXPECTED, message));
            case Reasons.REPORT_PREDATES_OPERATION -> new Verdict(previous.phase() == null ? InstallationPhase.Pending
                    : previous.phase(), kept(previous, READY, reason, message), idle,
                    kept(previous, DEGRADED, reason, message));
            case Reasons.AWAITING_SPEC_CHANGE, Reasons.RETRY_BACKOFF -> {
                // The failure recorded for this generation stays the Degraded reason until the spec changes.
                ConditionView failure = previous.condition(DEGRADED);
                ConditionValue degraded = failure != null && ConditionView.TRUE.equals(failure.status())
                        ? ConditionValue.keep(failure, null) : ConditionValue.of(DEGRADED, true, reason, message);
                yield new Verdict(InstallationPhase.Degraded, ConditionValue.of(READY, false, reason, message), idle, degraded);
            }
            default -> degraded(reason, message);
        };
    }

    // A report older than the last operation's end says nothing new: what the status said after that end stands.
    private static ConditionValue kept(StatusView previous, String type, String reason, String message) {
        return ConditionValue.keep(previous.condition(type), ConditionValue.unknown(type, reason, message));
    }

    private static Verdict degraded(String reason, String message) {
        return new Verdict(InstallationPhase.Degraded, ConditionValue.of(READY, false, reason, message),
                ConditionValue.of(PROGRESSING, false, reason, message), ConditionValue.of(DEGRADED, true, reason, message));
    }

    private static boolean atDesiredAndHealthy(InstallationFacts installation, ReportedInstall folded) {
        return folded != null && folded.healthy() && ReleaseVersion.isValid(folded.version())
                && ReleaseVersion.isValid(installation.desiredVersion())
                && ReleaseVersion.parse(folded.version()).equals(ReleaseVersion.parse(installation.desiredVersion()));
    }
}
