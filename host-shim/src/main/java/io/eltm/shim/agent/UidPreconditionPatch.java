package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A merge patch of one operation's status subresource that carries the operation's {@code metadata.uid}: the API
 * server applies it only to that very object. A 404, or a refusal because the object under that name now has
 * another uid (deleted and re-created), means this attempt's operation is gone ({@link StatusPatch.OperationGone}).
 */
final class UidPreconditionPatch implements StatusPatch {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String uid;

    UidPreconditionPatch(KubernetesClient client, EltmOperation op) {
        this.client = client;
        this.namespace = op.getMetadata().getNamespace();
        this.name = op.getMetadata().getName();
        this.uid = op.getMetadata().getUid();
    }

    @Override
    public void write(EltmOperationStatus status) {
        EltmOperation patch = new EltmOperation();
        patch.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withUid(uid).build());
        patch.setStatus(status);
        try {
            client.resource(patch).patchStatus();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw new OperationGone("operation " + namespace + "/" + name + " (uid " + uid + ") was deleted", e);
            }
            if (e.getCode() == 409 || e.getCode() == 422) {
                EltmOperation now = client.resources(EltmOperation.class).inNamespace(namespace).withName(name).get();
                if (now == null || !uid.equals(now.getMetadata().getUid())) {
                    throw new OperationGone("operation " + namespace + "/" + name + " (uid " + uid + ") was deleted"
                            + (now == null ? "" : " and another one (uid " + now.getMetadata().getUid()
                            + ") created under its name"), e);
                }
            }
            throw e;
        }
    }
}
