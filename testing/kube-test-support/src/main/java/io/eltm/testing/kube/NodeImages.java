package io.eltm.testing.kube;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The node's own images, built here because no registry is reachable, FROM scratch into docker-archive
 * tars with Jib's library for containerd to import: the pod sandbox ({@code pause.c} compiled static with
 * gcc) and a utility image for tests, Debian's static busybox ({@value #BUSYBOX}; run it as
 * {@code /bin/busybox sh -c ...}).
 */
public final class NodeImages {

  /** The name containerd's {@code sandbox_image} names. */
  static final String PAUSE = "eltm.io/pause:3.10";
  public static final String BUSYBOX = "eltm.io/busybox:test";

  private NodeImages() {
  }

  static Path pause(Path dir) {
    try {
      Path source = dir.resolve("pause.c");
      try (InputStream in = NodeImages.class.getResourceAsStream("pause.c")) {
        Files.copy(in, source);
      }
      Path binary = dir.resolve("pause");
      HostCommands.run("gcc", "-static", "-O2", "-o", binary.toString(), source.toString());
      return image(dir.resolve("pause-image.tar"), PAUSE, binary, "/pause", "65535:65535");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the pause image in " + dir, e);
    }
  }

  static Path busybox(Path dir) {
    return image(dir.resolve("busybox-image.tar"), BUSYBOX, Path.of("/bin/busybox"), "/bin/busybox", "65532:65532");
  }

  private static Path image(Path tar, String name, Path binary, String into, String user) {
    try {
      Jib.fromScratch()
          .addFileEntriesLayer(FileEntriesLayer.builder()
              .addEntry(binary, AbsoluteUnixPath.get(into), FilePermissions.fromOctalString("755"))
              .build())
          .setEntrypoint(List.of(into))
          .setUser(user)
          .containerize(Containerizer.to(TarImage.at(tar).named(name)));
      return tar;
    } catch (InvalidImageReferenceException | ExecutionException | CacheDirectoryCreationException
        | RegistryException | IOException e) {
      throw new IllegalStateException("cannot build the image " + name + " into " + tar, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the image " + name, e);
    }
  }
}
