package io.eltm.shim.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReplacedPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"VERSION", "bin", "bin/update-server.sh", "library/JDBC", "library/JDBC/pg.jar",
        "server/webserver/admin/mstart-all", "server/utils/ADMIN_ping", "server/pgsql.factory/initdb.sql",
        "server/pgsql.factory/migrations/V1__init.sql", "server/engine/meta-service.jar", "server/engine/lib",
        "server/engine/lib/deep/dep.jar"})
    void takesReplacedPaths(String path) {
        assertThat(ReplacedPaths.isReplaced(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "server", "server/engine", "server/engine/application.properties",
        "server/engine/conf/x.jar", "server/engine/library/x", "server/pgsql/data/PG_VERSION", "data/workflow/job.xml",
        "transient/eltm.pid", "server/keystore.jks", "tools/spark/jars/a.jar", "binaries/x", "VERSION.txt",
        "library/JDBC-old/x.jar", "server/webserver/admin2/x"})
    void keepsEverythingElse(String path) {
        assertThat(ReplacedPaths.isReplaced(path)).isFalse();
    }

    @Test
    void namesTheSwapUnitOfAPath() {
        assertThat(ReplacedPaths.swapUnitOf("bin/lib/x.sh")).isEqualTo("bin");
        assertThat(ReplacedPaths.swapUnitOf("server/engine/lib/a.jar")).isEqualTo("server/engine/lib");
        assertThat(ReplacedPaths.swapUnitOf("server/engine/app.jar")).isEqualTo("server/engine/app.jar");
        assertThat(ReplacedPaths.swapUnitOf("server/engine/app.properties")).isNull();
    }

    @Test
    void listsSwapUnitsOfATreeWithEachEngineJarOnItsOwn(@TempDir Path root) throws IOException {
        for (String file : new String[] {"VERSION", "bin/a.sh", "server/engine/one.jar", "server/engine/two.jar",
            "server/engine/application.properties", "server/engine/lib/dep.jar", "server/utils/u",
            "data/workflow/job.xml"}) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "x");
        }
        Files.createDirectories(root.resolve("server/engine/old.jar.d"));

        assertThat(ReplacedPaths.swapUnits(root)).containsExactly(Path.of("VERSION"), Path.of("bin"),
                Path.of("server/engine/lib"), Path.of("server/engine/one.jar"), Path.of("server/engine/two.jar"),
                Path.of("server/utils"));
    }
}
