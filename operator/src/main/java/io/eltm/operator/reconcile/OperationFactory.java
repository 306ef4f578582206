package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationSpec;
import io.eltm.api.v1alpha1.OperationOptions;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.api.v1alpha1.Release;
import io.eltm.operator.plan.Decision;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** The {@code EltmOperation} a {@link Decision.StartOperation} asks for: owned by the installation, labelled for its host. */
final class OperationFactory {

    static final String INSTALLATION_LABEL = "eltm.io/installation";
    static final String INSTALLATION_NAMESPACE_LABEL = "eltm.io/installation-namespace";

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
                .addToLabels(INSTALLATION_LABEL, installation.getMetadata().getName())
                .addToLabels(INSTALLATION_NAMESPACE_LABEL, installation.getMetadata().getNamespace());
        if (hostNamespace.equals(installation.getMetadata().getNamespace())) {
            // garbage-collected with the installation; owner references cannot cross namespaces
            meta.withOwnerReferences(new OwnerReferenceBuilder()
                    .withApiVersion(installation.getApiVersion()).withKind(installation.getKind())
                    .withName(installation.getMetadata().getName()).withUid(installation.getMetadata().getUid())
                    .withController(true).withBlockOwnerDeletion(false).build());
        }
        op.setMetadata(meta.build());
        EltmOperationSpec spec = new EltmOperationSpec();
        spec.setInstallation(installation.getMetadata().getName());
        spec.setHost(host);
        spec.setType(OperationType.valueOf(start.type().name()));
        Release release = new Release();
        release.setUrl(start.releaseUrl());
        release.setSha256(start.sha256());
        // the checksum source and the http opt-in travel with the release; the agent fetches and enforces them
        Release declared = installation.getSpec().getRelease();
        if (declared.getSha256Url() != null) {
            release.setSha256Url(declared.getSha256Url().replace(Release.VERSION_TOKEN, start.targetVersion()));
        }
        release.setAllowInsecureHttp(declared.getAllowInsecureHttp());
        spec.setRelease(release);
        spec.setTargetVersion(start.targetVersion());
        OperationOptions options = new OperationOptions();
        options.setAllowDowngrade(start.options().allowDowngrade());
        options.setNoRollback(!start.options().autoRollback());
        options.setHealthTimeout((int) start.options().healthTimeout().toSeconds());
        spec.setOptions(options);
        op.setSpec(spec);
        return op;
    }
}
