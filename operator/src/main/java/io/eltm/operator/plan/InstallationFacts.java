package io.eltm.operator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the reconciler read from one {@code EltmInstallation}: its identity, its spec (grouped as the CRD groups it)
 * and the markers the operator keeps in its status.
 *
 * @param uid {@code metadata.uid}: part of every operation's name and label, so a re-created installation of the
 *        same name, or a same-named one in another namespace, never adopts this one's operations
 * @param generation {@code metadata.generation}: changes on every spec change
 * @param lastHandledGeneration the generation whose failed, refused or lost operation is already recorded, so it is
 *        not retried until the spec changes; 0 when none
 * @param recordedOperation {@code status.currentOperation}: the operation in flight; null when none
 * @param previous the last operation whose end was folded into status ({@code status.lastUpgrade}); null when none.
 *        Its name is part of the next operation's name; its uid and end tell a fresh host report from a stale one
 * @param retry a transient failure of a spec waiting for its backoff; null when none
 */
public record InstallationFacts(String name, String namespace, String uid, long generation, String desiredVersion,
                                Release release, Target target, Policy policy, long lastHandledGeneration,
                                String recordedOperation, EndedOperation previous, Retry retry) {

    public InstallationFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(uid, "metadata.uid of " + namespace + "/" + name);
        Objects.requireNonNull(release, "spec.release of " + namespace + "/" + name);
        Objects.requireNonNull(target, "spec.target.host of " + namespace + "/" + name);
        Objects.requireNonNull(policy, "spec.policy of " + namespace + "/" + name + " (with its defaults applied)");
    }

    /** {@code spec.release}: a tarball URL, or a URL template with {@code {version}}, and its sha256. */
    public record Release(String url, String sha256) {
    }

    /** {@code spec.target.host}, its namespace defaulted to the installation's. */
    public record Target(String hostName, String hostNamespace, String installDir) {
    }

    /** {@code spec.policy}. */
    public record Policy(boolean paused, boolean allowDowngrade, boolean autoRollback, Duration healthTimeout) {
    }

    /** An operation whose end is folded into status: its name, uid and the agent's {@code finishedAt}. */
    public record EndedOperation(String name, String uid, Instant finishedAt) {
    }

    /** {@code status.retry}: attempt {@code attempts} of {@code generation} failed; the next waits for {@code notBefore}. */
    public record Retry(int attempts, Instant notBefore, long generation) {
    }

    /** {@code namespace/name}, as messages name the installation. */
    public String qualifiedName() {
        return namespace + "/" + name;
    }

    public boolean alreadyHandledThisGeneration() {
        return lastHandledGeneration == generation;
    }

    /** The name of the last folded operation, or null. */
    public String previousOperation() {
        return previous == null ? null : previous.name();
    }

    /** The retry waiting for this generation's backoff at {@code now}, or null. */
    public Retry backingOffAt(Instant now) {
        return retry != null && retry.generation() == generation && retry.notBefore() != null
                && now.isBefore(retry.notBefore()) ? retry : null;
    }

    /** Attempts of this generation that failed transiently so far. */
    public int failedAttempts() {
        return retry != null && retry.generation() == generation ? retry.attempts() : 0;
    }
}
