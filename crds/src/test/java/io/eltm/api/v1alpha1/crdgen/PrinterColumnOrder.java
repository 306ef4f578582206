package io.eltm.api.v1alpha1.crdgen;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts each CRD's printer columns in the order the {@code @AdditionalPrinterColumn} annotations are
 * declared on its class. The generator sorts them by JSON path, which would make {@code kubectl get eltm}
 * start with AGE instead of DESIRED, VERSION, GIT_SHA, SCHEMA, PHASE, AGE.
 */
final class PrinterColumnOrder {

  private PrinterColumnOrder() {
  }

  static void apply(CustomResourceDefinition crd, Class<? extends HasMetadata> resource) {
    List<String> declared = Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name).toList();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
      List<String> names = columns.stream().map(CustomResourceColumnDefinition::getName).toList();
      if (!names.containsAll(declared) || names.size() != declared.size()) {
        throw new IllegalStateException("CRD " + crd.getMetadata().getName() + " has printer columns " + names
            + " but " + resource.getName() + " declares " + declared);
      }
      columns.sort(Comparator.comparingInt(column -> declared.indexOf(column.getName())));
    }
  }
}
