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

/** An ELTM install a user wants at a version: written by users (or Git), its status by the operator. */
@Group(EltmInstallation.GROUP)
@Version(EltmInstallation.VERSION)
@Singular("eltminstallation")
@Plural("eltminstallations")
@ShortNames("eltm")
@AdditionalPrinterColumn(name = "DESIRED", jsonPath = ".spec.version", type = Type.STRING)
@AdditionalPrinterColumn(name = "VERSION", jsonPath = ".status.version", type = Type.STRING)
@AdditionalPrinterColumn(name = "HOST", jsonPath = ".spec.target.host.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "SCHEMA", jsonPath = ".status.migrations.current", type = Type.STRING)
@AdditionalPrinterColumn(name = "PHASE", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "LAST", jsonPath = ".status.lastUpgrade.result", type = Type.STRING)
@AdditionalPrinterColumn(name = "GIT_SHA", jsonPath = ".status.gitSha", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class EltmInstallation extends CustomResource<EltmInstallationSpec, EltmInstallationStatus>
    implements Namespaced {

  public static final String GROUP = "eltm.io";
  public static final String VERSION = "v1alpha1";

  @Override
  @Required
  @JsonPropertyDescription("What the user wants installed where, and how carefully.")
  public EltmInstallationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("What the operator observed and did; written by the operator only.")
  public EltmInstallationStatus getStatus() {
    return super.getStatus();
  }
}
