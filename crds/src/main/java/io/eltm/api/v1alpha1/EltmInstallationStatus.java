package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did; written by the operator only. */
public class EltmInstallationStatus {

  @JsonPropertyDescription("The metadata.generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Where the installation stands: Pending, Upgrading, Ready, Degraded, Paused or"
      + " HostDisconnected.")
  private InstallationPhase phase;

  @JsonPropertyDescription("The release version the install reports running (its VERSION file).")
  private String version;

  @JsonPropertyDescription("When the running release was built, as the install reports it.")
  private String builtAt;

  @JsonPropertyDescription("The git commit the running release was built from, as the install reports it.")
  private String gitSha;

  @JsonPropertyDescription("The audit database's migration state.")
  private Migrations migrations;

  @JsonPropertyDescription("The name of the EltmOperation the operator is following, or null when none is.")
  private String currentOperation;

  @JsonPropertyDescription("The outcome of the last upgrade or rollback.")
  private LastUpgrade lastUpgrade;

  @JsonPropertyDescription("The metadata.generation whose operation ended Refused, RolledBack or Failed: that spec"
      + " is not retried until it changes.")
  private Long lastHandledGeneration;

  @JsonPropertyDescription("Set while the current spec waits to be retried after a transient failure.")
  private RetryState retry;

  @JsonPropertyDescription("Conditions of types Ready, Progressing, Degraded and HostConnected.")
  private List<Condition> conditions = new ArrayList<>();

  public Long getLastHandledGeneration() {
    return lastHandledGeneration;
  }

  public void setLastHandledGeneration(Long lastHandledGeneration) {
    this.lastHandledGeneration = lastHandledGeneration;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public InstallationPhase getPhase() {
    return phase;
  }

  public void setPhase(InstallationPhase phase) {
    this.phase = phase;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getBuiltAt() {
    return builtAt;
  }

  public void setBuiltAt(String builtAt) {
    this.builtAt = builtAt;
  }

  public String getGitSha() {
    return gitSha;
  }

  public void setGitSha(String gitSha) {
    this.gitSha = gitSha;
  }

  public Migrations getMigrations() {
    return migrations;
  }

  public void setMigrations(Migrations migrations) {
    this.migrations = migrations;
  }

  public String getCurrentOperation() {
    return currentOperation;
  }

  public void setCurrentOperation(String currentOperation) {
    this.currentOperation = currentOperation;
  }

  public LastUpgrade getLastUpgrade() {
    return lastUpgrade;
  }

  public void setLastUpgrade(LastUpgrade lastUpgrade) {
    this.lastUpgrade = lastUpgrade;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public RetryState getRetry() {
    return retry;
  }

  public void setRetry(RetryState retry) {
    this.retry = retry;
  }
}
