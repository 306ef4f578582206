package io.eltm.testing.kube;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** One server process of the control plane, its output in a log file that a failed start quotes. */
final class ServerProcess {

  private static final int LOG_LINES_ON_FAILURE = 80;

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ServerProcess start(String name, List<String> command, Path log) {
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      return new ServerProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Waits until the probe succeeds; a process that exits or a deadline that passes fails with its log. */
  void awaitReady(ReadinessProbe probe, Duration timeout) {
    try {
      await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(100))
          .ignoreExceptionsMatching(e -> !(e instanceof StartFailed))
          .until(() -> {
            if (!process.isAlive()) {
              throw new StartFailed();
            }
            return probe.ready();
          });
    } catch (StartFailed | ConditionTimeoutException e) {
      String why = process.isAlive()
          ? "did not become ready within " + timeout.toSeconds() + " s"
          : "exited with code " + process.exitValue() + " while starting";
      throw new IllegalStateException(name + " " + why + ". Last lines of its log " + log + ":\n" + tail(), e);
    }
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Thrown inside the wait so that Awaitility stops polling a dead process at once. */
  private static final class StartFailed extends RuntimeException {
  }
}
