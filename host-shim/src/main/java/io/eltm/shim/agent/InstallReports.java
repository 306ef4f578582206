package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.HostInstall;
import io.eltm.api.v1alpha1.InstallReport;
import io.eltm.api.v1alpha1.SchemaReport;
import io.eltm.shim.status.InstallStatus;
import io.eltm.shim.status.SchemaStatus;

import java.time.Instant;
import java.util.ArrayList;

/** Maps the shim's {@code status --json} ({@link InstallStatus}) to the CRDs' install reports. */
final class InstallReports {

    private InstallReports() {
    }

    /** For {@code EltmOperation.status.result}. */
    static InstallReport report(InstallStatus status) {
        return fill(new InstallReport(), status);
    }

    /** For {@code EltmHost.status.installs[]}: {@code status} as read at {@code readAt}. */
    static HostInstall hostInstall(InstallStatus status, boolean operationInProgress, Instant readAt) {
        HostInstall install = fill(new HostInstall(), status);
        install.setOperationInProgress(operationInProgress || status.operationInProgress());
        install.setObservedAt(readAt == null ? null : Rfc3339.of(readAt));
        install.setLastOperationUid(status.lastOperation() == null ? null : status.lastOperation().id());
        return install;
    }

    private static <T extends InstallReport> T fill(T report, InstallStatus status) {
        report.setInstallDir(status.installDir());
        report.setVersion(status.version());
        report.setBuiltAt(status.builtAt());
        report.setGitSha(status.gitSha());
        report.setHealthy(status.healthy());
        report.setSchema(schema(status.schema()));
        return report;
    }

    private static SchemaReport schema(SchemaStatus schema) {
        SchemaReport report = new SchemaReport();
        if (schema == null) {
            return report;
        }
        report.setCurrent(schema.current());
        report.setPending(new ArrayList<>(schema.pending()));
        report.setError(schema.error());
        return report;
    }
}
