package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.zjsonpatch.JsonPatch;

/**
 * The {@code deployments/{name}/scale} subresource as an autoscaling/v1 Scale, so that {@code
 * kubectl scale} and the fabric8 {@code scale(n)} call work. A write only changes the Deployment's
 * {@code spec.replicas}.
 */
final class ScaleHandler {

  private static final String SUFFIX = "/scale";

  private final StoreWriter writer;

  ScaleHandler(StoreWriter writer) {
    this.writer = writer;
  }

  static boolean isDeploymentScale(String plainPath) {
    return plainPath.endsWith(SUFFIX) && plainPath.contains("/deployments/");
  }

  MockResponse get(String plainPath) {
    JsonNode deployment = writer.raw().get(deploymentPath(plainPath));
    if (deployment == null) {
      return Responses.error(404, "NotFound", "deployment not found: " + plainPath);
    }
    return Responses.json(200, toScale(deployment));
  }

  /** PUT of a Scale, or a merge / strategic / JSON patch against the current Scale. */
  MockResponse update(String plainPath, String contentType, byte[] body) {
    JsonNode deployment = writer.raw().get(deploymentPath(plainPath));
    if (deployment == null) {
      return Responses.error(404, "NotFound", "deployment not found: " + plainPath);
    }
    JsonNode requested;
    try {
      requested = requestedScale(toScale(deployment), contentType, Json.parse(body));
    } catch (RuntimeException e) {
      return Responses.error(400, "BadRequest", "invalid scale request: " + e.getMessage());
    }
    JsonNode replicas = requested.path("spec").path("replicas");
    if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
      return Responses.error(422, "Invalid", "spec.replicas must be a non-negative integer");
    }
    MockResponse written =
        writer.update(
            deploymentPath(plainPath), d -> withReplicas(d, replicas.asInt()), null, true);
    if (written.code() != 200) {
      return written;
    }
    return Responses.json(200, toScale(Json.parse(LocalApi.body(written))));
  }

  private static JsonNode requestedScale(ObjectNode current, String contentType, JsonNode body) {
    if (contentType == null || contentType.startsWith("application/json")) {
      return body;
    }
    if (contentType.startsWith("application/json-patch+json")) {
      return JsonPatch.apply(body, current);
    }
    return MergePatch.apply(current, body);
  }

  private static ObjectNode withReplicas(ObjectNode deployment, int replicas) {
    Json.child(deployment, "spec").put("replicas", replicas);
    return deployment;
  }

  static ObjectNode toScale(JsonNode deployment) {
    JsonNode metadata = deployment.path("metadata");
    ObjectNode scale = Json.object();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode scaleMetadata = scale.putObject("metadata");
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion"}) {
      scaleMetadata.set(field, metadata.path(field).deepCopy());
    }
    scaleMetadata.set("creationTimestamp", metadata.path("creationTimestamp").deepCopy());
    scale.putObject("spec").put("replicas", deployment.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", deployment.path("status").path("replicas").asInt(0));
    status.put("selector", Selectors.toQuery(deployment.path("spec").path("selector")));
    return scale;
  }

  private static String deploymentPath(String scalePath) {
    return scalePath.substring(0, scalePath.length() - SUFFIX.length());
  }
}
