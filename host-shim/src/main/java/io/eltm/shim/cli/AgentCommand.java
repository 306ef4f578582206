package io.eltm.shim.cli;

import io.eltm.shim.agent.Agent;
import io.eltm.shim.agent.AgentInstall;
import io.eltm.shim.agent.AgentKubeconfig;
import io.eltm.shim.agent.AgentSettings;
import io.eltm.shim.env.InstallEnvironment;
import io.fabric8.kubernetes.client.KubernetesClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code eltm-shim agent}: the host agent (contract §8); runs until SIGTERM. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Takes this host's work from the Kubernetes API server and reports back: watches the "
                + "EltmOperations labelled eltm.io/host=NAME, runs them one at a time through the same engine as "
                + "`upgrade`, writes each step to the operation's status, reports the install to EltmHost NAME and "
                + "renews Lease eltm-agent-NAME. Needs only outbound HTTPS to the API server.",
                "Stops on SIGTERM once a running operation has ended."})
final class AgentCommand implements Callable<Integer> {

    @Mixin
    InstallOptions install;

    @Option(names = "--kubeconfig", paramLabel = "FILE", required = true,
            description = "The agent's kubeconfig, as written by `eltm-shim host add` (mode 0600).")
    Path kubeconfig;

    @Option(names = "--host", paramLabel = "NAME", required = true, description = "This host's name (its EltmHost).")
    String host;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Namespace of the host's resources (default: the kubeconfig context's, else `default`).")
    String namespace;

    @Option(names = "--report-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often the EltmHost status is reported (default: ${DEFAULT-VALUE}).")
    int reportInterval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (reportInterval <= 0) {
            throw new ParameterException(spec.commandLine(), "--report-interval must be a positive number of seconds, "
                    + "got " + reportInterval);
        }
        InstallEnvironment env = install.load();
        AgentKubeconfig cluster = AgentKubeconfig.read(kubeconfig);
        AgentSettings settings = new AgentSettings(host, cluster.namespace(namespace), Duration.ofSeconds(reportInterval));
        CountDownLatch stopped = new CountDownLatch(1);
        try (KubernetesClient client = cluster.client()) {
            Agent agent = new Agent(client, settings, new AgentInstall(env, Engines.of(env), Engines.limits(),
                    Clock.systemUTC()), ShimVersion.current());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    agent.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    stopped.countDown();
                }
            }, "eltm-agent-shutdown"));
            agent.start();
            stopped.await();
        }
        return 0;
    }
}
