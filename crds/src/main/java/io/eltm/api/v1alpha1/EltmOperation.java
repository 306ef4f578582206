package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One unit of work for one installation: created by the operator with the label {@value #HOST_LABEL} naming
 * the host whose agent runs it; its spec is immutable, its status written by that agent (or Job).
 */
@Group(EltmInstallation.GROUP)
@Version(EltmInstallation.VERSION)
@Singular("eltmoperation")
@Plural("eltmoperations")
@ShortNames("eltmop")
@AdditionalPrinterColumn(name = "INSTALLATION", jsonPath = ".spec.installation.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "TYPE", jsonPath = ".spec.type", type = Type.STRING)
@AdditionalPrinterColumn(name = "TARGET", jsonPath = ".spec.targetVersion", type = Type.STRING)
@AdditionalPrinterColumn(name = "PHASE", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "STEP", jsonPath = ".status.steps[-1:].name", type = Type.STRING)
@AdditionalPrinterColumn(name = "ERROR", jsonPath = ".status.error.message", type = Type.STRING)
@AdditionalPrinterColumn(name = "HOST", jsonPath = ".spec.host", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class EltmOperation extends CustomResource<EltmOperationSpec, EltmOperationStatus> implements Namespaced {

  /**
   * The label naming the host whose agent runs the operation. The operator sets it to {@code spec.host};
   * agents select on it, and the admission policy lets an agent write only operations carrying its own.
   */
  public static final String HOST_LABEL = "eltm.io/host";

  /** The label carrying the owning installation's uid (a label value fits 63 characters; a name may not). */
  public static final String INSTALLATION_UID_LABEL = "eltm.io/installation-uid";

  /** The label carrying the owning installation's namespace. */
  public static final String INSTALLATION_NAMESPACE_LABEL = "eltm.io/installation-namespace";

  @Override
  @Required
  @JsonPropertyDescription("What to do; immutable once created.")
  public EltmOperationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("How the operation went; written by the agent (or Job) running it.")
  public EltmOperationStatus getStatus() {
    return super.getStatus();
  }
}
