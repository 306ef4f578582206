package io.eltm.api.v1alpha1.crdgen;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks every array property named {@code conditions} as {@code x-kubernetes-list-type: map} keyed by {@code type}
 * (as Kubernetes' own {@code metav1.Condition} lists are), with {@code type} required in its items: server-side apply
 * then merges conditions by type, and the API server refuses two conditions of one type.
 */
final class ConditionListType {

  static final String CONDITIONS = "conditions";
  static final String KEY = "type";

  private ConditionListType() {
  }

  static void apply(JSONSchemaProps schema) {
    if (schema == null) {
      return;
    }
    Map<String, JSONSchemaProps> properties = schema.getProperties();
    if (properties != null) {
      properties.forEach((name, property) -> {
        if (CONDITIONS.equals(name) && "array".equals(property.getType()) && property.getItems() != null) {
          property.setXKubernetesListType("map");
          property.setXKubernetesListMapKeys(List.of(KEY));
          JSONSchemaProps item = property.getItems().getSchema();
          List<String> required = new ArrayList<>(item.getRequired() == null ? List.of() : item.getRequired());
          if (!required.contains(KEY)) {
            required.add(KEY);
          }
          item.setRequired(required);
        }
        apply(property);
      });
    }
    if (schema.getItems() != null) {
      apply(schema.getItems().getSchema());
    }
  }
}
