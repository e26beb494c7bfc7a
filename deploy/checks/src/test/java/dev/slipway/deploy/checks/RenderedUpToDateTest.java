package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.tools.ExternalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed renderings (deploy/k8s/rendered, read by the local stack and the emulator) are what
 * {@code kubectl kustomize} makes of deploy/k8s today: whoever changes a manifest and forgets
 * deploy/k8s/render fails here, instead of the local stack running yesterday's configuration.
 */
class RenderedUpToDateTest {
  static Stream<String> sources() {
    List<String> all = new ArrayList<>();
    Overlays.names().forEach(o -> all.add("overlays/" + o));
    all.add("tenant-namespace");
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("sources")
  void theCommittedRenderingIsCurrent(String source) {
    Optional<Path> kubectl = ExternalTool.find("kubectl");
    assumeTrue(kubectl.isPresent(), "kubectl not on PATH");
    ExternalTool.Result result =
        ExternalTool.run(
            Repo.path("deploy/k8s"), List.of(kubectl.get().toString(), "kustomize", source));
    assertEquals(0, result.exitCode(), result.output());
    String name = Path.of(source).getFileName().toString();
    assertEquals(
        Repo.read("deploy/k8s/rendered/" + name + ".yaml"),
        result.output(),
        "deploy/k8s/rendered/" + name + ".yaml is stale: run deploy/k8s/render");
  }
}
