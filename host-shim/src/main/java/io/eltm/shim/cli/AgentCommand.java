package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;
import io.eltm.shim.agent.Agent;
import io.eltm.shim.agent.AgentIdentity;
import io.eltm.shim.agent.AgentInstall;
import io.eltm.shim.agent.AgentKubeconfig;
import io.eltm.shim.agent.AgentLock;
import io.eltm.shim.agent.AgentSettings;
import io.eltm.shim.engine.UpgradeEngine;
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
import java.util.concurrent.atomic.AtomicInteger;

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
            description = "The agent's kubeconfig, as written by `eltm-shim host add` (mode 0600, refused if others may"
                    + " read it); the agent writes each refreshed token back into it.")
    Path kubeconfig;

    @Option(names = "--host", paramLabel = "NAME", description = "This host's name (its EltmHost). Optional: the"
            + " host is the one whose ServiceAccount the kubeconfig's credential is; if given it must match.")
    String host;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the host's resources. Optional:"
            + " the credential's ServiceAccount's namespace; if given it must match.")
    String namespace;

    @Option(names = "--report-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often the EltmHost status is reported (default: ${DEFAULT-VALUE}).")
    int reportInterval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (reportInterval <= 0) {
            throw new ParameterException(spec.commandLine(), "--report-interval must be a positive number of seconds, "
                    + "got " + reportInterval);
        }
        InstallEnvironment env = install.load();
        AgentKubeconfig cluster = AgentKubeconfig.read(kubeconfig);
        UpgradeEngine engine = Engines.of(env);
        AgentInstall agentInstall = new AgentInstall(env, engine, Engines.limits(), Clock.systemUTC());
        // one agent process per install on this machine, before anything reaches the cluster
        try (AgentLock lock = AgentLock.acquire(Agent.agentDir(engine.paths()).resolve("agent.lock"),
                agentInstall.installDir());
             KubernetesClient client = cluster.client()) {
            AgentIdentity identity = AgentIdentity.of(client, host, namespace);
            AgentSettings settings = new AgentSettings(identity.host(), identity.namespace(),
                    Duration.ofSeconds(reportInterval), AgentIdentity.holder(agentInstall.installDir()));
            AtomicInteger exit = new AtomicInteger(0);
            CountDownLatch stopped = new CountDownLatch(1);
            Agent agent = new Agent(client, identity, settings, agentInstall, ShimVersion.current(),
                    cluster.credentials(), () -> {
                        exit.set(ExitCode.FAILED.code());
                        stopped.countDown();
                    });
            agent.start();
            Thread hook = new Thread(() -> {
                try {
                    agent.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    stopped.countDown();
                }
            }, "eltm-agent-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            stopped.await();
            if (exit.get() != 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
                agent.close();
                return exit.get();
            }
        }
        return 0;
    }
}
