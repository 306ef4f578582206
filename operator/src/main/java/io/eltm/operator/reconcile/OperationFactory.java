package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationSpec;
import io.eltm.api.v1alpha1.OperationOptions;
import io.eltm.api.v1alpha1.InstallationRef;
import io.eltm.api.v1alpha1.Release;
import io.eltm.operator.plan.Decision;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * The {@code EltmOperation} a {@link Decision.StartOperation} asks for: referring to its installation by namespace,
 * name and uid, labelled with its host and its installation's uid and namespace (label values of at most 63
 * characters: a uid is 36, a namespace a DNS label; a name may be longer, so it is not a label).
 */
final class OperationFactory {

    private OperationFactory() {
    }

    static EltmOperation operation(EltmInstallation installation, Decision.StartOperation start) {
        EltmOperation op = new EltmOperation();
        String host = installation.getSpec().getTarget().getHost().getName();
        String hostNamespace = HostEventSources.hostNamespace(installation);
        ObjectMetaBuilder meta = new ObjectMetaBuilder()
                .withName(start.operationName())
                .withNamespace(hostNamespace)
                .addToLabels(EltmOperation.HOST_LABEL, host)
                .addToLabels(EltmOperation.INSTALLATION_UID_LABEL, installation.getMetadata().getUid())
                .addToLabels(EltmOperation.INSTALLATION_NAMESPACE_LABEL, installation.getMetadata().getNamespace());
        if (hostNamespace.equals(installation.getMetadata().getNamespace())) {
            // garbage-collected with the installation; owner references cannot cross namespaces
            meta.withOwnerReferences(new OwnerReferenceBuilder()
                    .withApiVersion(installation.getApiVersion()).withKind(installation.getKind())
                    .withName(installation.getMetadata().getName()).withUid(installation.getMetadata().getUid())
                    .withController(true).withBlockOwnerDeletion(false).build());
        }
        op.setMetadata(meta.build());
        EltmOperationSpec spec = new EltmOperationSpec();
        spec.setInstallation(new InstallationRef(installation.getMetadata().getNamespace(),
                installation.getMetadata().getName(), installation.getMetadata().getUid()));
        spec.setHost(host);
        spec.setType(start.type());
        Release release = new Release();
        release.setUrl(start.releaseUrl());
        release.setSha256(start.sha256());
        spec.setRelease(release);
        spec.setTargetVersion(start.targetVersion());
        OperationOptions options = new OperationOptions();
        options.setAllowDowngrade(start.options().allowDowngrade());
        options.setNoRollback(!start.options().autoRollback());
        options.setHealthTimeoutSeconds((int) start.options().healthTimeout().toSeconds());
        spec.setOptions(options);
        op.setSpec(spec);
        return op;
    }
}
