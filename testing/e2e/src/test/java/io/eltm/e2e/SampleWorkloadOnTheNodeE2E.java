package io.eltm.e2e;

import static io.eltm.e2e.RestrictedPods.enforceRestricted;
import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ELTM in a pod, as a customer runs it (docs/pods.md): the sample manifest's StatefulSet of the sample
 * image on the real node, in a namespace enforcing Pod Security "restricted". The install tree lives on
 * the volume, readiness is show-mprocess and the health URL, and the meta-service answers through the
 * Service. This is the workload an EltmInstallation with spec.target.workload upgrades.
 */
class SampleWorkloadOnTheNodeE2E {

    @RegisterExtension
    static final KubeControlPlaneExtension NODE = KubeControlPlaneExtension.node();

    private static final Duration FIRST_INSTALL = Duration.ofMinutes(4);

    @Test
    void firstStartInstallsOnTheVolumeAndServesThroughTheServiceAndARestartKeepsTheInstall(KubernetesClient admin,
            TestNamespace ns) throws Exception {
        enforceRestricted(admin, ns.name());
        try (SampleWorkload eltm = SampleWorkload.apply(admin, ns.name())) {
            Pod pod = eltm.awaitReady(FIRST_INSTALL);
            System.out.println("sample workload: " + SampleWorkload.POD + " Ready " + eltm.secondsToReady(pod)
                    + " s after its creation, first install included");

            assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(65532L);
            assertThat(pod.getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(eltm.log()).contains("eltm-sample: first install of 8.4.1 into /data/iserver done",
                    "eltm-sample: /data/iserver running VERSION=8.4.1");
            assertThat(Files.readString(eltm.volume().resolve("iserver/VERSION")))
                    .as("the install tree is on the volume, not in the container").contains("VERSION=8.4.1");
            SampleWorkload.ExecResult processes = eltm.exec("show-mprocess");
            assertThat(processes.exit()).as(processes.err()).isZero();
            assertThat(processes.out()).contains("postgresql    running", "meta-service  running");

            String service = eltm.service().getSpec().getClusterIP();
            String wsdl = eltm.job("health-through-service", SampleWorkload.sampleImage("/usr/bin/curl", "-fsSk",
                    "--max-time", "5", "https://" + service + ":8443/MaestroMetaDataProviderService/MaestroMetaService?wsdl"),
                    false);
            assertThat(wsdl).contains("ELTM MaestroMetaService VERSION=8.4.1");

            String installedFiles = eltm.exec("stat -c %i \"$ISERVER_HOME/VERSION\" \"$ISERVER_HOME/server/pgsql/data/PG_VERSION\"").out();
            eltm.scale(0);
            assertThat(Files.readString(eltm.volume().resolve("iserver/VERSION"))).contains("VERSION=8.4.1");
            eltm.scale(1);
            eltm.awaitReady(Duration.ofMinutes(2));

            assertThat(eltm.log()).as("the second start runs the install that is there")
                    .doesNotContain("first install").contains("eltm-sample: /data/iserver running VERSION=8.4.1");
            assertThat(eltm.exec("stat -c %i \"$ISERVER_HOME/VERSION\" \"$ISERVER_HOME/server/pgsql/data/PG_VERSION\"").out())
                    .as("the same files, not a new install").isEqualTo(installedFiles);
        }
    }
}
