package io.eltm.shim.cli;

import io.eltm.shim.env.RootGuard;
import io.eltm.shim.hosts.AgentKubeconfig;
import io.eltm.shim.hosts.HostRegistration;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code eltm-shim host add NAME}: registers a host (run by an admin with cluster access). */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Registers hosts for their agents.",
        subcommands = HostCommand.Add.class)
final class HostCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates the host's ServiceAccount eltm-agent-NAME, its Role and RoleBinding and its EltmHost, "
                    + "and writes a kubeconfig (mode 0600) with a token for its agent. Run again to rotate the token.",
                    "Uses the admin's current kubeconfig (KUBECONFIG or ~/.kube/config) unless --kubeconfig is given."})
    static final class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "The host's name (a DNS label), e.g. etl-01.")
        String name;

        @Option(names = "--namespace", paramLabel = "NS", description = "Where the host's objects live (default: the"
                + " kubeconfig's namespace, else default).")
        String namespace;

        @Option(names = "--out", paramLabel = "FILE", description = "The agent's kubeconfig (default: ./NAME.kubeconfig).")
        Path out;

        @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The admin's kubeconfig.")
        Path kubeconfig;

        @Option(names = "--token-days", paramLabel = "DAYS", defaultValue = "365",
                description = "Lifetime of the agent's token (default: ${DEFAULT-VALUE}; the API server may cap it).")
        int tokenDays;

        @Override
        public Integer call() throws Exception {
            RootGuard.refuseRoot();
            if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new io.eltm.shim.RefusedException("host name '" + name + "' is not a DNS label (lower-case letters,"
                        + " digits and '-', at most 63): choose another");
            }
            Config config = kubeconfig == null ? Config.autoConfigure(null)
                    : Config.fromKubeconfig(Files.readString(kubeconfig));
            String ns = namespace != null ? namespace : config.getNamespace() != null ? config.getNamespace() : "default";
            Path file = out != null ? out : Path.of(name + ".kubeconfig");
            try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(config).build()) {
                HostRegistration.Registered host = new HostRegistration(admin).add(name, ns, Duration.ofDays(tokenDays));
                AgentKubeconfig.write(file, config, host);
                System.out.printf("registered host %s in namespace %s (ServiceAccount %s)%n", name, ns,
                        host.serviceAccount());
                System.out.printf("agent kubeconfig: %s (mode 0600; copy it to the host, then run:"
                        + " eltm-shim agent --kubeconfig FILE --host %s)%n", file.toAbsolutePath(), name);
            }
            return 0;
        }
    }
}
