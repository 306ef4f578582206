package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The audit database's migrations as the shim reports them ({@code schema} in {@code status --json}). */
// The shim's JSON carries more than the cluster keeps (lastOperation, ...): read what is here, skip the rest.
@JsonIgnoreProperties(ignoreUnknown = true)
public class SchemaReport {

  @JsonPropertyDescription("The newest applied migration version, or null when none is recorded.")
  private String current;

  @JsonPropertyDescription("Migration versions the installed release ships that the database has not applied.")
  private List<String> pending = new ArrayList<>();

  @JsonPropertyDescription("Why the state could not be read (e.g. the database is down), or null.")
  private String error;

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public List<String> getPending() {
    return pending;
  }

  public void setPending(List<String> pending) {
    this.pending = pending;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
