package io.eltm.api.v1alpha1;

/** The audit database's migration state as a whole. */
public enum MigrationState {
  UpToDate, Pending, Migrating, Failed
}
