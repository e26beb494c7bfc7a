package dev.slipway.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The kustomize overlays under deploy/k8s/overlays: every one found is rendered and checked. */
final class Overlays {
  private Overlays() {}

  /** Overlay names, for {@code @MethodSource("dev.slipway.deploy.checks.Overlays#names")}. */
  static List<String> names() {
    try (Stream<Path> dirs = Files.list(Repo.path("deploy/k8s/overlays"))) {
      return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The overlays and the examples under deploy/k8s/examples (checked, not environments). */
  static List<String> withExamples() {
    List<String> all = new java.util.ArrayList<>(names());
    try (Stream<Path> dirs = Files.list(Repo.path("deploy/k8s/examples"))) {
      dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .forEach(all::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }
}
