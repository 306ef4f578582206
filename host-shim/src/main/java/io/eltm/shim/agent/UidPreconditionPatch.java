package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * A JSON Patch of one operation's status subresource that first tests the operation's {@code metadata.uid}: the
 * API server applies it only to that very object. A 404, or a refusal because the object under that name now has
 * another uid (deleted and re-created), means this attempt's operation is gone ({@link StatusPatch.OperationGone}).
 */
final class UidPreconditionPatch implements StatusPatch {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

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
        // A JSON Patch whose first op tests the uid: the API server applies the rest only to that very object. (A
        // merge patch carrying metadata.uid is no precondition on the status subresource: its metadata is dropped.)
        // Unset fields are left out (the status is replaced whole), as a merge patch's nulls removed them.
        String patch;
        try {
            patch = "[{\"op\":\"test\",\"path\":\"/metadata/uid\",\"value\":" + JSON.writeValueAsString(uid)
                    + "},{\"op\":\"add\",\"path\":\"/status\",\"value\":" + JSON.writeValueAsString(status) + "}]";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status of operation " + namespace + "/" + name, e);
        }
        try {
            client.resources(EltmOperation.class).inNamespace(namespace).withName(name).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON), patch);
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
