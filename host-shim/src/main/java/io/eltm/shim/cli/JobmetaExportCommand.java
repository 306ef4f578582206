package io.eltm.shim.cli;

import io.eltm.shim.ExitCode;
import io.eltm.shim.RefusedException;
import io.eltm.shim.jobmeta.Database;
import io.eltm.shim.jobmeta.ExportFormat;
import io.eltm.shim.jobmeta.ExportManifest;
import io.eltm.shim.jobmeta.ExportSelection;
import io.eltm.shim.jobmeta.JobmetaExporter;
import io.eltm.shim.jobmeta.TableSection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jobmeta export --out FILE}: on the legacy host, or from anywhere with {@code --from}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the legacy install's job metadata to FILE (mode 0600: it holds base64 passwords).")
final class JobmetaExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InstallOptions install;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The export file to create.")
    Path out;

    @Option(names = "--from", paramLabel = "JDBC_URL",
            description = "Read the legacy database directly (jdbc:postgresql://host:port/sqlmaestro), for legacy "
                    + "hosts that cannot run Java 17; then no env file is needed.")
    String from;

    @Option(names = "--from-user", paramLabel = "USER", description = "Role for --from (default: the current user).")
    String fromUser;

    @Option(names = "--from-password-file", paramLabel = "FILE",
            description = "File holding the password for --from (never pass a password on the command line).")
    Path fromPasswordFile;

    @Option(names = "--skip", paramLabel = "TABLE", description = "Leave out an optional table. Repeatable.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--include", paramLabel = "TABLE",
            description = "Add an optional table (t_user, without password_md5). Repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--gzip", description = "Compress the file (about 5x smaller; the export then takes several "
            + "times longer, deflate costing more CPU than the rest of the export).")
    boolean gzip;

    @Option(names = "--json", description = "Print the manifest as one JSON line at the end.")
    boolean json;

    @Override
    public Integer call() {
        ExportFormat.prepareMapper();
        return JobmetaRun.run(spec, json, () -> {
            ExportSelection selection = ExportSelection.of(skip, include);
            Database source = source();
            ExportManifest manifest = new JobmetaExporter(new JobmetaProgress(spec.commandLine().getErr()),
                    Clock.systemUTC()).export(source, out, selection, gzip);
            var stdout = spec.commandLine().getOut();
            for (TableSection table : manifest.tables()) {
                stdout.printf("%-24s %10d rows  sha256 %s%n", table.table(), table.rows(), table.sha256());
            }
            stdout.println("exported to " + out + " (mode 0600): copy it to the new host as a secret");
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("result", "Succeeded");
                result.put("file", out.toAbsolutePath().toString());
                result.put("manifest", manifest);
                JobmetaRun.printJson(spec, result);
            }
            return ExitCode.DONE;
        });
    }

    private Database source() throws IOException {
        if (from == null) {
            return Database.of(install.load());
        }
        if (!from.startsWith("jdbc:postgresql:")) {
            throw new RefusedException("--from " + from + ": expected jdbc:postgresql://HOST:PORT/DATABASE");
        }
        Optional<String> password = Optional.empty();
        if (fromPasswordFile != null) {
            if (!Files.isReadable(fromPasswordFile)) {
                throw new RefusedException("--from-password-file " + fromPasswordFile + " is missing or unreadable");
            }
            password = Optional.of(Files.readString(fromPasswordFile, StandardCharsets.UTF_8).strip());
        }
        return new Database(from, fromUser == null ? System.getProperty("user.name") : fromUser, password);
    }
}
