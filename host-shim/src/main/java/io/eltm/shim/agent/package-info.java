/**
 * The host agent, {@code eltm-shim agent} (contract §8; docs/agent.md): it pulls this host's
 * {@code EltmOperation}s from the Kubernetes API server and runs them through the same engine as the
 * command line.
 *
 * <ol>
 *   <li>{@link io.eltm.shim.agent.LeaseRenewer} renews Lease {@code eltm-agent-HOST} every 10 s.</li>
 *   <li>On start, the engine recovers whatever a killed agent left in the install's journal.</li>
 *   <li>{@link io.eltm.shim.agent.HostReporter} writes the install's status to {@code EltmHost HOST}
 *       on a period and after every operation.</li>
 *   <li>{@link io.eltm.shim.agent.AgentLoop} watches the operations labelled {@code eltm.io/host=HOST}
 *       and hands them, oldest first, one at a time, to {@link io.eltm.shim.agent.OperationExecutor},
 *       which runs them (or, when the journal says they already ran, only reports them) and writes each
 *       step through {@link io.eltm.shim.agent.OperationStatusWriter}.</li>
 * </ol>
 */
package io.eltm.shim.agent;
