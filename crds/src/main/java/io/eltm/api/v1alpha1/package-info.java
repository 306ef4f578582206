/**
 * The {@code eltm.io/v1alpha1} custom resources, shared by the operator and the host agent.
 *
 * <ul>
 *   <li>{@link io.eltm.api.v1alpha1.EltmInstallation} (short name {@code eltm}): what a user wants installed where;
 *       its status is written by the operator.</li>
 *   <li>{@link io.eltm.api.v1alpha1.EltmHost} ({@code eltmhost}): one registered host; its status is written by
 *       that host's agent only.</li>
 *   <li>{@link io.eltm.api.v1alpha1.EltmOperation} ({@code eltmop}): one unit of work for one installation,
 *       created by the operator, immutable, its status written by the executing agent.</li>
 * </ul>
 *
 * The CRD YAML in {@code crds/} is generated from these classes (docs/resources.md): defaults, patterns and
 * cross-field rules live here, in the schema, never in code mutating a user's spec.
 */
package io.eltm.api.v1alpha1;
