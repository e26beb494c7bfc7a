package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.tools.ExternalTool;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An overlay rendered by the real {@code kubectl kustomize} and parsed into typed fabric8 objects
 * (Deployment, Role, ...; custom resources as GenericKubernetesResource). Cached per overlay.
 */
final class Rendered {
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Map<String, List<HasMetadata>> CACHE = new ConcurrentHashMap<>();

  private Rendered() {}

  /**
   * The objects of {@code deploy/k8s/overlays/<overlay>} (an environment), else of {@code
   * deploy/k8s/examples/<overlay>} (an example, checked but not an environment); skips the test
   * without kubectl.
   */
  static List<HasMetadata> overlay(String overlay) {
    Optional<Path> kubectl = ExternalTool.find("kubectl");
    assumeTrue(kubectl.isPresent(), "kubectl not on PATH: kustomize rendering checks skipped");
    return CACHE.computeIfAbsent(overlay, o -> render(kubectl.get(), o));
  }

  private static List<HasMetadata> render(Path kubectl, String overlay) {
    ExternalTool.Result result =
        ExternalTool.run(Repo.root(), List.of(kubectl.toString(), "kustomize", directory(overlay)));
    if (result.exitCode() != 0) {
      throw new AssertionError("kubectl kustomize " + overlay + " failed:\n" + result.output());
    }
    return parse(result.output());
  }

  private static String directory(String overlay) {
    String environment = "deploy/k8s/overlays/" + overlay;
    return java.nio.file.Files.isDirectory(Repo.path(environment))
        ? environment
        : "deploy/k8s/examples/" + overlay;
  }

  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.isBlank()) {
        continue;
      }
      KubernetesResource parsed = SERIALIZATION.unmarshal(document, KubernetesResource.class);
      if (!(parsed instanceof HasMetadata object)) {
        throw new AssertionError("not a Kubernetes object: " + document);
      }
      objects.add(object);
    }
    return objects;
  }

  static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
    return ofType(objects, type).stream()
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }
}
