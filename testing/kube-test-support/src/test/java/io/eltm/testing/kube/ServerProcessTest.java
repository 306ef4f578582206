package io.eltm.testing.kube;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

  @Test
  void serverExitingWhileStartingFailsAtOnceQuotingItsLog(@TempDir Path dir) {
    ServerProcess server = ServerProcess.start("fake-apiserver",
        List.of("sh", "-c", "echo 'E1126 unknown flag: --bogus'; exit 3"), dir.resolve("fake.log"));

    assertThatThrownBy(() -> server.awaitReady(() -> false, Duration.ofSeconds(30)))
        .hasMessageContaining("fake-apiserver exited with code 3 while starting")
        .hasMessageContaining(dir.resolve("fake.log").toString())
        .hasMessageContaining("unknown flag: --bogus");
  }

  @Test
  void serverNeverReadyFailsAtTheDeadlineQuotingItsLog(@TempDir Path dir) {
    ServerProcess server = ServerProcess.start("slow-server",
        List.of("sh", "-c", "echo still warming up; exec sleep 60"), dir.resolve("slow.log"));
    try {
      assertThatThrownBy(() -> server.awaitReady(() -> false, Duration.ofSeconds(1)))
          .hasMessageContaining("slow-server did not become ready within 1 s")
          .hasMessageContaining("still warming up");
    } finally {
      server.stop();
    }
  }
}
