package io.eltm.operator.plan;

import io.eltm.api.v1alpha1.OperationType;
import io.eltm.operator.plan.Decision.Refuse;
import io.eltm.operator.plan.Decision.StartOperation;
import java.util.Optional;

/** Builds the decision to start an upgrade to the desired version, or the refusal when no tarball URL fits. */
final class StartOperations {

    private StartOperations() {
    }

    static Decision of(InstallationFacts installation, String subject, String from, String reason) {
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
}
