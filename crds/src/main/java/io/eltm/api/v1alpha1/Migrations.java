package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The audit database's migrations, as the install reports them. */
public class Migrations {

  @JsonPropertyDescription("The newest applied migration version, or null when none is recorded.")
  private String current;

  @JsonPropertyDescription("Migration versions the installed release ships that the database has not applied.")
  private List<String> pending = new ArrayList<>();

  @JsonPropertyDescription("UpToDate, Pending (migrations wait for the next upgrade), Migrating or Failed.")
  private MigrationState state;

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

  public MigrationState getState() {
    return state;
  }

  public void setState(MigrationState state) {
    this.state = state;
  }
}
