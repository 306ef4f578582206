package io.eltm.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One installation managed through Git: the {@link Product} (operator, agent, sample host), a Git repository
 * holding {@code installations/sales.yaml}, and an Argo CD Application syncing it. Every read of the
 * Application is kept in a timeline, so a scenario can assert what Argo CD showed on the way, not only at the end.
 */
final class GitOpsScenario implements AutoCloseable {

    static final String PATH = "installations";
    static final Path SAMPLES = Path.of(System.getProperty("eltm.argocd.samples.dir", "target/argocd-health-samples"));

    final Product product;
    final GitRepository git;
    final String application;
    private final ArgoCd argocd;
    private final List<Observation> timeline = new ArrayList<>();
    private String firstCommit;

    /** What one read of the Application showed: the commit compared, sync status and the installation's health. */
    record Observation(String revision, String sync, ArgoCdHealthCheck.Health health) {
    }

    private GitOpsScenario(Product product, ArgoCd argocd, Path dir, String application) {
        this.product = product;
        this.argocd = argocd;
        this.application = application;
        this.git = GitRepository.init(dir.resolve("git"));
    }

    /**
     * Commits the installation at {@code version} to a new repository, creates the Application syncing it and waits
     * until Argo CD shows it Synced and Healthy; the first commit is {@link #firstCommit()}.
     */
    static GitOpsScenario syncedAt(String version, Product product, ArgoCd argocd, Path dir, String application)
            throws Exception {
        GitOpsScenario scenario = new GitOpsScenario(product, argocd, dir, application);
        scenario.firstCommit = scenario.commit(version, false, "sales: " + version);
        argocd.createApplication(application, scenario.git, PATH, product.namespace);
        scenario.awaitApplication(scenario.firstCommit, synced("Healthy"));
        return scenario;
    }

    String firstCommit() {
        return firstCommit;
    }

    /** Removes the Application, so that Argo CD stops syncing this scenario's repository. */
    @Override
    public void close() {
        argocd.deleteApplication(application);
    }

    /** Commits the installation at {@code version} (paused or not) to Git; returns the commit. */
    String commit(String version, boolean paused, String message) {
        return git.commit(PATH + "/sales.yaml", product.manifest(version, paused), message);
    }

    /** Waits (4 minutes at most) until Argo CD has compared {@code commit} and the Application satisfies {@code condition}. */
    ArgoCdApplication awaitApplication(String commit, Predicate<ArgoCdApplication> condition) {
        return await("Application " + application + " at " + commit).atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(this::read, app -> commit.equals(app.revision()) && condition.test(app));
    }

    /** Reads the Application once, recording what it shows (Argo CD's processes are checked alive). */
    ArgoCdApplication read() {
        ArgoCdApplication app = argocd.application(application);
        Observation seen = new Observation(app.revision(), app.syncStatus(), health(app));
        if (timeline.isEmpty() || !timeline.get(timeline.size() - 1).equals(seen)) {
            timeline.add(seen);
        }
        return app;
    }

    /** The installation's health as Argo CD computed it (its resource entry), or null before the first. */
    static ArgoCdHealthCheck.Health health(ArgoCdApplication app) {
        return app.resourceHealth("EltmInstallation", "sales");
    }

    static Predicate<ArgoCdApplication> synced(String health) {
        return app -> "Synced".equals(app.syncStatus()) && health(app) != null && health.equals(health(app).status());
    }

    /** What the Application showed, change by change, from when it first showed {@code commit} Synced. */
    List<Observation> timelineSinceSynced(String commit) {
        int first = 0;
        while (first < timeline.size() && !(commit.equals(timeline.get(first).revision())
                && "Synced".equals(timeline.get(first).sync()))) {
            first++;
        }
        return List.copyOf(timeline.subList(first, timeline.size()));
    }

    /**
     * Drift: every read that showed a commit other than Synced after Argo CD had synced that very commit --
     * what an operator changing spec or metadata, or a status Argo CD diffed, would cause. Empty when none.
     */
    List<Observation> driftAfterSync() {
        List<Observation> drift = new ArrayList<>();
        Set<String> synced = new HashSet<>();
        for (Observation o : timeline) {
            if ("Synced".equals(o.sync())) {
                synced.add(o.revision());
            } else if (synced.contains(o.revision())) {
                drift.add(o);
            }
        }
        return drift;
    }

    /**
     * Saves the live installation as {@code kubectl get -o yaml} shows it to {@code <samples>/<name>.yaml} -- the
     * test data of {@code health_test.yaml} come from these files -- and returns Argo CD's CLI verdict on it.
     */
    ArgoCdHealthCheck.Health sample(String name) throws Exception {
        Kubectl.Result got = product.kubectl.run("get", "eltm", "sales", "-n", product.namespace, "-o", "yaml");
        assertThat(got.exit()).as(got.output()).isZero();
        Path file = SAMPLES.resolve(name + ".yaml");
        Files.createDirectories(SAMPLES);
        Files.writeString(file, got.output());
        return ArgoCdHealthCheck.evaluate(argocd.binaries, argocd.argocdCm, file);
    }
}
