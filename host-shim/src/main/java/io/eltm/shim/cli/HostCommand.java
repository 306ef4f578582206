package io.eltm.shim.cli;

import io.eltm.shim.RefusedException;
import io.eltm.shim.env.RootGuard;
import io.eltm.shim.hosts.AgentKubeconfig;
import io.eltm.shim.hosts.HostRegistration;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code eltm-shim host add|rotate NAME}: registers a host, or replaces its credential (run by an admin). */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Registers hosts for their agents.",
        subcommands = {HostCommand.Add.class, HostCommand.Rotate.class})
final class HostCommand {

    /** What both subcommands take. */
    static final class HostOptions {

        @Parameters(index = "0", paramLabel = "NAME", description = "The host's name (a DNS label), e.g. etl-01.")
        String name;

        @Option(names = "--namespace", paramLabel = "NS", description = "Where the host's objects live (default: the"
                + " kubeconfig's namespace, else default).")
        String namespace;

        @Option(names = "--out", paramLabel = "FILE", description = "The agent's kubeconfig (default: ./NAME.kubeconfig).")
        Path out;

        @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The admin's kubeconfig.")
        Path kubeconfig;

        @Option(names = "--token-hours", paramLabel = "HOURS", defaultValue = "24",
                description = "Lifetime of the first token, in which the agent must start and replace it with its own"
                        + " short-lived ones (default: ${DEFAULT-VALUE}).")
        int tokenHours;

        int register(boolean rotate) throws Exception {
            RootGuard.refuseRoot();
            if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new RefusedException("host name '" + name + "' is not a DNS label (lower-case letters,"
                        + " digits and '-', at most 63): choose another");
            }
            if (tokenHours <= 0) {
                throw new RefusedException("--token-hours must be a positive number of hours, got " + tokenHours);
            }
            Config config = kubeconfig == null ? Config.autoConfigure(null)
                    : Config.fromKubeconfig(Files.readString(kubeconfig));
            String ns = namespace != null ? namespace : config.getNamespace() != null ? config.getNamespace() : "default";
            Path file = out != null ? out : Path.of(name + ".kubeconfig");
            try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(config).build()) {
                HostRegistration registration = new HostRegistration(admin);
                Duration lifetime = Duration.ofHours(tokenHours);
                HostRegistration.Registered host = rotate ? registration.rotate(name, ns, lifetime)
                        : registration.add(name, ns, lifetime);
                AgentKubeconfig.write(file, config, host);
                if (rotate) {
                    System.out.printf("rotated the credential of host %s in namespace %s: ServiceAccount %s was"
                            + " re-created, every earlier token of it is now refused%n", name, ns, host.serviceAccount());
                } else {
                    System.out.printf("registered host %s in namespace %s (ServiceAccount %s)%n", name, ns,
                            host.serviceAccount());
                }
                System.out.printf("agent kubeconfig: %s (mode 0600; its token is valid for %d h: copy it to the host"
                        + " into a directory the agent's user owns, then run: eltm-shim agent --kubeconfig FILE)%n",
                        file.toAbsolutePath(), tokenHours);
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates the host's ServiceAccount eltm-agent-NAME, its Role and RoleBinding and its EltmHost, "
                    + "and writes a kubeconfig (mode 0600) with a first token for its agent. Running it again issues "
                    + "another token and leaves earlier ones valid; `host rotate` (or --rotate) invalidates them.",
                    "Uses the admin's current kubeconfig (KUBECONFIG or ~/.kube/config) unless --kubeconfig is given."})
    static final class Add implements Callable<Integer> {

        @Mixin
        HostOptions host;

        @Option(names = "--rotate", description = "For a registered host: as `host rotate NAME`.")
        boolean rotate;

        @Override
        public Integer call() throws Exception {
            return host.register(rotate);
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Invalidates every token of a registered host's agent (it re-creates ServiceAccount "
                    + "eltm-agent-NAME; Role, RoleBinding and EltmHost stay) and writes a kubeconfig with a new one.",
                    "Copy the new kubeconfig over the agent's: a running agent picks it up at its next request."})
    static final class Rotate implements Callable<Integer> {

        @Mixin
        HostOptions host;

        @Override
        public Integer call() throws Exception {
            return host.register(true);
        }
    }
}
