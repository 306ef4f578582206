package io.eltm.api.v1alpha1.crdgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRD YAML committed in {@code crds/} (what users {@code kubectl apply}) is exactly what this build
 * generates from the Java classes: a changed field, default or rule without regenerated YAML fails here.
 */
class GeneratedCrdsAreCommittedTest {

  static final String REGENERATE = "./mvnw -B -q -pl crds -am -Pregenerate-crds process-test-classes";

  private final Path generated = Path.of(System.getProperty("eltm.crds.generated", "target/crds"));
  private final Path committed = Path.of(System.getProperty("eltm.crds.committed", "."));

  @Test
  void everyGeneratedCrdIsCommittedByteForByte() throws IOException {
    List<Path> files = yamlFiles(generated);
    assertThat(files).as("CRDs generated into %s", generated).hasSize(3);
    for (Path file : files) {
      Path twin = committed.resolve(file.getFileName());
      assertThat(twin).as("crds/%s is not committed: run %s and commit it", file.getFileName(), REGENERATE)
          .exists();
      assertThat(Files.readString(twin))
          .as("crds/%s differs from the CRD generated from the Java classes (%s): run %s and commit the result",
              file.getFileName(), file, REGENERATE)
          .isEqualTo(Files.readString(file));
    }
  }

  @Test
  void noStaleCrdIsCommitted() throws IOException {
    List<String> generatedNames = yamlFiles(generated).stream().map(p -> p.getFileName().toString()).toList();
    assertThat(yamlFiles(committed)).extracting(p -> p.getFileName().toString())
        .as("crds/*.yml no longer generated from any class: delete them").isSubsetOf(generatedNames);
  }

  private static List<Path> yamlFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
    }
  }
}
