package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.tools.ExternalTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s/rendered/ holds what deploy/k8s/render wrote: the same as kubectl kustomize renders
 * now. Other checks (tenant network policies, limits) read these files, so a stale one would prove
 * something about manifests that are not the ones deployed.
 */
class RenderedFilesTest {
  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/staging", "overlays/prod", "tenant-namespace"})
  void theCommittedRenderingIsCurrent(String directory) {
    Optional<Path> kubectl = ExternalTool.find("kubectl");
    assumeTrue(kubectl.isPresent(), "kubectl not on PATH");
    ExternalTool.Result result =
        ExternalTool.run(
            Repo.root(), List.of(kubectl.get().toString(), "kustomize", "deploy/k8s/" + directory));
    assertEquals(0, result.exitCode(), result.output());
    String name = Path.of(directory).getFileName().toString();
    assertEquals(
        Repo.read("deploy/k8s/rendered/" + name + ".yaml").strip(),
        result.output().strip(),
        "deploy/k8s/rendered/" + name + ".yaml is stale: run deploy/k8s/render");
  }
}
