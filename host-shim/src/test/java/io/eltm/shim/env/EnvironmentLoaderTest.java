package io.eltm.shim.env;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentLoaderTest {

    @TempDir
    Path home;

    private final EnvironmentLoader loader = new EnvironmentLoader(Map.of("PATH", "/usr/bin:/bin", "HOME", "/nowhere"));

    @Test
    void sourcesThePathsFileFirstThenTheEnvFileWithBash() throws Exception {
        Files.writeString(home.resolve(".env_integrator.paths"), "PGBIN=/opt/pg/bin\nBASE=/srv\n");
        Files.writeString(home.resolve(".env_integrator"), """
                ISERVER_HOME=$BASE/iserver
                export PGPORT=$((5000 + 432))
                PGUSER=maestro
                PGPASSWORD='s3cret'
                """);

        InstallEnvironment env = loader.load(home.resolve(".env_integrator"), Optional.empty());

        assertThat(env.installDir()).isEqualTo(Path.of("/srv/iserver"));
        assertThat(env.pgBin()).contains(Path.of("/opt/pg/bin"));
        assertThat(env.pgPort()).isEqualTo(5432);
        assertThat(env.pgDatabase()).isEqualTo("sqlmaestro");
        assertThat(env.healthUrl().toString()).isEqualTo(InstallEnvironment.DEFAULT_HEALTH_URL);
        assertThat(env.variables()).containsEntry("PGUSER", "maestro");
        assertThat(env.toString()).doesNotContain("s3cret");
    }

    @Test
    void installDirOptionWinsOverIserverHome() throws Exception {
        Files.writeString(home.resolve(".env_integrator"), "ISERVER_HOME=/data/iserver\n");

        InstallEnvironment env = loader.load(home.resolve(".env_integrator"), Optional.of(Path.of("/tmp/other")));

        assertThat(env.installDir()).isEqualTo(Path.of("/tmp/other"));
        assertThat(env.variables()).containsEntry("ISERVER_HOME", "/tmp/other");
    }

    @Test
    void refusesAMissingEnvFileNamingIt() {
        Path missing = home.resolve(".env_integrator");

        assertThatThrownBy(() -> loader.load(missing, Optional.empty()))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("--env-file");
    }

    @Test
    void refusesAnEnvFileThatBashCannotSource() throws Exception {
        Files.writeString(home.resolve(".env_integrator"), "return 3\n");

        assertThatThrownBy(() -> loader.load(home.resolve(".env_integrator"), Optional.empty()))
                .isInstanceOf(RefusedException.class).hasMessageContaining("could not source");
    }
}
