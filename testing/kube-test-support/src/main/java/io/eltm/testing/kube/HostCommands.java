package io.eltm.testing.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the node's short host commands (ip, iptables, ctr, gcc) and fails with their output. */
final class HostCommands {

  private HostCommands() {
  }

  /** Runs the command; a non-zero exit fails with the command and what it printed. */
  static String run(List<String> command) {
    Result result = tryRun(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + result.exitCode()
          + ": " + result.output().strip());
    }
    return result.output();
  }

  static String run(String... command) {
    return run(List.of(command));
  }

  /** Runs the command and returns its exit code and output, whatever they are. */
  static Result tryRun(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("'" + String.join(" ", command) + "' did not end within 120 s");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run '" + String.join(" ", command) + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running '" + String.join(" ", command) + "'", e);
    }
  }

  record Result(int exitCode, String output) {
  }
}
