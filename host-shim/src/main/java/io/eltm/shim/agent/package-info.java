/**
 * The host agent, {@code eltm-shim agent} (contract §8; docs/agent.md): it pulls this host's
 * {@code EltmOperation}s from the Kubernetes API server and runs them through the same engine as the
 * command line.
 *
 * <ol>
 *   <li>{@link io.eltm.shim.agent.AgentLock} keeps a second agent process off the same install;
 *       {@link io.eltm.shim.agent.AgentIdentity} takes host and namespace from the credential.</li>
 *   <li>{@link io.eltm.shim.agent.LeaseRenewer} takes Lease {@code eltm-agent-HOST} (refusing another live
 *       holder) and renews it every 10 s while the agent can work;
 *       {@link io.eltm.shim.agent.AgentCredentials} keeps the agent's own short-lived token fresh.</li>
 *   <li>On start, the engine recovers whatever a killed agent left in the install's journal.</li>
 *   <li>{@link io.eltm.shim.agent.HostReporter} writes the install's status to {@code EltmHost HOST}
 *       on a period and after every operation.</li>
 *   <li>{@link io.eltm.shim.agent.AgentLoop} watches the operations labelled {@code eltm.io/host=HOST}
 *       and hands them, oldest first, one at a time, to {@link io.eltm.shim.agent.OperationExecutor},
 *       which runs them (after {@link io.eltm.shim.agent.ReleaseGate} verified the release) or, when the
 *       journal or {@link io.eltm.shim.agent.StartedOperations} says they already began here, only reports
 *       them, and writes each step through {@link io.eltm.shim.agent.OperationStatusWriter} with the
 *       operation's uid as precondition ({@link io.eltm.shim.agent.UidPreconditionPatch}).</li>
 * </ol>
 */
package io.eltm.shim.agent;
