package io.eltm.shim.kit;

import io.eltm.shim.service.ScriptResult;
import io.eltm.shim.service.ServiceScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The first install of a release into {@code ISERVER_HOME}, as the product's {@code install.sh} does
 * it: extract, initdb, keystore, the operator's own files, the audit DB created, migrated and seeded.
 * A sample install on a host ({@link SampleInstall}) and the sample image's first start on an empty
 * volume ({@link SamplePodInstall}) both run these steps; they differ only in where the env file
 * comes from.
 */
final class FirstInstall {

    private static final Logger LOG = LoggerFactory.getLogger(FirstInstall.class);

    /** A step of the first install; its I/O failures name the step. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    private final Path installDir;
    private final Path pgBin;
    private final SampleDatabase database;
    private final Supplier<ServiceScripts> scripts;

    /**
     * @param scripts the install's scripts on its sourced env file, asked for only once the env file exists
     */
    FirstInstall(Path installDir, Path pgBin, SampleDatabase database, Supplier<ServiceScripts> scripts) {
        this.installDir = installDir;
        this.pgBin = pgBin;
        this.database = database;
        this.scripts = scripts;
    }

    /**
     * Installs {@code releaseTarball}, leaving PostgreSQL running.
     *
     * @param envFiles writes the env files, after the extraction (nothing when the image ships them)
     */
    void install(Path releaseTarball, Step envFiles) {
        step("extract " + releaseTarball.getFileName(), () -> {
            KitTarballs.extractAll(releaseTarball, installDir);
            envFiles.run();
        });
        step("initdb", () -> database.initCluster(pgBin));
        step("keytool", () -> SelfSignedKeystore.generate(installDir.resolve("server/keystore.jks")));
        step("seed files", () -> {
            for (Map.Entry<String, String> file : PreservedFiles.CONTENT.entrySet()) {
                Path target = installDir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
        });
        step("mstart-pgsql", () -> runOrThrow(scripts.get(), "mstart-pgsql"));
        step("create, migrate and seed " + SampleDatabase.DATABASE, database::createAndSeed);
    }

    /** Runs one of the install's admin scripts; a non-zero exit throws with its output. */
    static void runOrThrow(ServiceScripts scripts, String script) {
        ScriptResult result = scripts.run(script);
        if (!result.ok()) {
            throw new IllegalStateException(scripts.adminDir().resolve(script) + " exited " + result.exitCode() + ": "
                    + result.output());
        }
    }

    private void step(String name, Step step) {
        long started = System.nanoTime();
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException("first install into " + installDir + " failed at " + name + ": "
                    + e.getMessage(), e);
        }
        LOG.info("first install into {}: {} took {} ms", installDir, name, (System.nanoTime() - started) / 1_000_000);
    }
}
