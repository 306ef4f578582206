package io.eltm.api.v1alpha1;

/** Where an {@link EltmInstallation} stands, as {@code kubectl get eltm} shows it. */
public enum InstallationPhase {
  /** Not yet observed, or waiting for its first report. */
  Pending,
  /** An operation is running. */
  Upgrading,
  /** The install runs the desired version and is healthy. */
  Ready,
  /** The last operation was refused, rolled back or failed; not retried until the spec changes. */
  Degraded,
  /** {@code spec.policy.paused} is true. */
  Paused,
  /** The host's agent has not renewed its Lease in time. */
  HostDisconnected
}
