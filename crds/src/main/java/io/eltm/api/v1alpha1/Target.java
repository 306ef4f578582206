package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where an installation lives; exactly one of the two is set (a CEL rule on {@code spec.target}). */
public class Target {

  @JsonPropertyDescription("An install on a machine whose eltm agent does the work.")
  private HostTarget host;

  @JsonPropertyDescription("An install on a StatefulSet's volume, upgraded by a Job while the StatefulSet is scaled"
      + " to zero.")
  private WorkloadTarget workload;

  public HostTarget getHost() {
    return host;
  }

  public void setHost(HostTarget host) {
    this.host = host;
  }

  public WorkloadTarget getWorkload() {
    return workload;
  }

  public void setWorkload(WorkloadTarget workload) {
    this.workload = workload;
  }
}
