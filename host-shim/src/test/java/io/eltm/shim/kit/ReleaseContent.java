package io.eltm.shim.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The files of one {@link ReleaseSpec}: what {@link ReleaseKit} writes into the tarball, in order. */
final class ReleaseContent {

    static final List<String> ADMIN_SCRIPTS = List.of("mstart-all", "mstop-all", "mstart-pgsql", "mstop-pgsql",
            "show-mprocess");
    /** Padding lands in two replaced paths, alternately. */
    private static final String[] PADDING_DIRS = {"server/engine/lib/eltm-module-", "library/JDBC/vendor-driver-"};

    private final ReleaseSpec spec;
    private final FillerJars fillers;

    ReleaseContent(ReleaseSpec spec, FillerJars fillers) {
        this.spec = spec;
        this.fillers = fillers;
    }

    /** Every file but the padding: small, so it is built in memory (and hashed for the tarball cache). */
    List<ReleaseEntry> files() {
        List<ReleaseEntry> files = new ArrayList<>();
        files.add(ReleaseEntry.file("VERSION", utf8(spec.versionFile())));
        files.add(ReleaseEntry.file("server/engine/eltm-meta-service.jar",
                MetaServiceJar.build(spec.version(), spec.healthy())));
        files.add(ReleaseEntry.file("server/engine/eltm-engine.jar", fillers.jar("eltm-engine-" + spec.version(), 24_000)));
        for (String lib : spec.engineLibJars()) {
            files.add(ReleaseEntry.file("server/engine/lib/" + lib, fillers.jar(lib, 8_000)));
        }
        for (String script : ADMIN_SCRIPTS) {
            files.add(ReleaseEntry.script("server/webserver/admin/" + script, resource("admin/" + script)));
        }
        for (String utility : List.of("ADMIN_SYNC_CONNECTION", "ADMIN_RELOAD_JOBS")) {
            files.add(ReleaseEntry.script("server/utils/" + utility, utf8("""
                    #!/bin/bash
                    # SOAP utility %s of ELTM %s (stand-in: does nothing).
                    echo "%s: ok"
                    """.formatted(utility, spec.version(), utility))));
        }
        files.add(ReleaseEntry.file("server/pgsql.factory/initdb.sql", resource("initdb.sql")));
        files.add(ReleaseEntry.file("server/pgsql.factory/metadata/job-types.csv",
                utf8("code,label\nETL,Extract, transform, load\nCDC,Change data capture\n")));
        files.add(ReleaseEntry.file("server/pgsql.factory/hive-metastore/hive-schema-3.1.0.postgres.sql",
                utf8("-- Hive metastore schema (not used by the sample install)\n")));
        for (SampleMigration migration : spec.migrations()) {
            String dir = "server/pgsql.factory/migrations/";
            files.add(ReleaseEntry.file(dir + migration.fileName(), utf8(migration.sql())));
            migration.undoSql().ifPresent(undo -> files.add(ReleaseEntry.file(dir + migration.undoFileName(), utf8(undo))));
        }
        files.add(ReleaseEntry.script("bin/install.sh", utf8("#!/bin/bash\necho 'ELTM " + spec.version()
                + " first install: use the sample kit (SampleInstall) instead'\nexit 1\n")));
        files.add(ReleaseEntry.script("bin/update-server.sh", utf8("#!/bin/bash\necho 'ELTM " + spec.version()
                + " in-place upgrade: use eltm-shim upgrade TARBALL'\nexit 1\n")));
        for (String bin : spec.binFiles()) {
            files.add(ReleaseEntry.script("bin/" + bin, utf8("#!/bin/bash\n# " + bin + " of ELTM " + spec.version() + "\n")));
        }
        files.add(ReleaseEntry.file("library/JDBC/postgresql-42.7.3.jar", fillers.jar("postgresql-42.7.3.jar", 12_000)));
        // first-install skeleton: outside the replaced paths, so an upgrade ignores it
        files.add(ReleaseEntry.file("data/workflow/README", utf8("Deployed workflows live here.\n")));
        files.add(ReleaseEntry.file("tools/spark/README", utf8("Apache Spark is downloaded here at first install.\n")));
        files.add(ReleaseEntry.file("tools/hadoop/README", utf8("Apache Hadoop is downloaded here at first install.\n")));
        return files;
    }

    /** Path and size of each padding jar; sizes vary (a few large, many small) and add up to the total. */
    List<PaddingFile> padding() {
        Padding padding = spec.padding();
        SplittableRandom random = new SplittableRandom(padding.files() * 31L + padding.bytes());
        double[] weights = new double[padding.files()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            double r = random.nextDouble();
            weights[i] = 0.05 + r * r * r;
            sum += weights[i];
        }
        List<PaddingFile> files = new ArrayList<>(weights.length);
        for (int i = 0; i < weights.length; i++) {
            long size = Math.max(1_024, Math.round(padding.bytes() * weights[i] / sum));
            files.add(new PaddingFile(PADDING_DIRS[i % 2] + String.format("%04d", i) + ".jar", size));
        }
        return files;
    }

    ReleaseEntry paddingEntry(PaddingFile file) {
        return ReleaseEntry.file(file.path(), fillers.jar(file.path(), file.size()));
    }

    record PaddingFile(String path, long size) {
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReleaseContent.class.getResourceAsStream("/kit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("kit resource kit/" + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading kit resource kit/" + name, e);
        }
    }
}
