package dev.slipway.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * What a freshly installed cluster holds before Slipway runs: for every tenant namespace the
 * emulator serves, all objects of deploy/k8s/rendered/tenant-namespace.yaml moved into it (as
 * deploy/k8s/shards does with kustomize's {@code namespace:}: the Namespace takes the name, every
 * namespaced object the namespace), then the RBAC objects of deploy/k8s/rendered/dev.yaml, the
 * overlay the local stack is, for the namespaces served and cluster-wide. dev.yaml's version of an
 * object replaces the template's. Both files are copied onto the classpath by deploy/local's pom.
 */
public final class ManifestSeed {

  static final String TEMPLATE = "/kube/rendered/tenant-namespace.yaml";
  static final String OVERLAY = "/kube/rendered/dev.yaml";
  private static final Set<String> RBAC_KINDS =
      Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

  private final ObjectStore store;
  private final ResourceKinds kinds;

  public ManifestSeed(ObjectStore store, ResourceKinds kinds) {
    this.store = store;
    this.kinds = kinds;
  }

  public void seed(List<String> namespaces) {
    List<JsonNode> template = Json.parseAll(load(TEMPLATE));
    for (String namespace : namespaces) {
      for (JsonNode object : template) {
        put(moved((ObjectNode) object.deepCopy(), namespace));
      }
    }
    for (JsonNode object : Json.parseAll(load(OVERLAY))) {
      String namespace = object.path("metadata").path("namespace").asText("");
      if (RBAC_KINDS.contains(object.path("kind").asText())
          && (namespace.isEmpty() || namespaces.contains(namespace))) {
        put((ObjectNode) object.deepCopy());
      }
    }
  }

  private static ObjectNode moved(ObjectNode object, String namespace) {
    ObjectNode metadata = Json.child(object, "metadata");
    if ("Namespace".equals(object.path("kind").asText())) {
      metadata.put("name", namespace);
      object.putObject("status").put("phase", "Active");
    } else if (metadata.has("namespace")) {
      metadata.put("namespace", namespace);
    }
    return object;
  }

  private void put(ObjectNode object) {
    String kind = object.path("kind").asText();
    String type = kinds.typeOf(object.path("apiVersion").asText(), kind);
    if (type == null) {
      // Stored anyway (a kind added to deploy/k8s before the emulator's discovery learns it):
      // reachable by its guessed plural, though kubectl does not know the type.
      String apiVersion = object.path("apiVersion").asText();
      int slash = apiVersion.indexOf('/');
      type = ObjectRef.type(slash < 0 ? "" : apiVersion.substring(0, slash), plural(kind));
      System.getLogger(ManifestSeed.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "kube emulator: kind "
                  + kind
                  + " is not in its discovery documents; stored as "
                  + type);
    }
    JsonNode metadata = object.path("metadata");
    ObjectRef ref =
        new ObjectRef(type, metadata.path("namespace").asText(""), metadata.path("name").asText());
    store.update(ref, stored -> object.deepCopy(), () -> object.deepCopy(), false);
  }

  private static String plural(String kind) {
    String lower = kind.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("y")) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower.endsWith("s") ? lower + "es" : lower + "s";
  }

  private static String load(String resource) {
    try (InputStream in = ManifestSeed.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
