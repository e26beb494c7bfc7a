package dev.slipway.local.kube.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.Responses;
import dev.slipway.local.kube.store.ResourceKinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed answers for the discovery and health endpoints. They come from static documents under
 * {@code /kube/discovery}, which also tell the store the kind of each resource.
 */
public final class Discovery {

  public static final String GIT_VERSION = "v1.30.0";

  private static final Map<String, String> FILES =
      Map.of(
          "/api", "api.json",
          "/apis", "apis.json",
          "/api/v1", "api-v1.json",
          "/apis/apps/v1", "apps-v1.json",
          "/apis/networking.k8s.io/v1", "networking-v1.json",
          "/apis/autoscaling/v2", "autoscaling-v2.json",
          "/apis/autoscaling/v1", "autoscaling-v1.json",
          "/apis/rbac.authorization.k8s.io/v1", "rbac-v1.json",
          "/apis/authorization.k8s.io/v1", "authorization-v1.json");

  private final Map<String, String> documents = new HashMap<>();
  private final ResourceKinds kinds;

  public Discovery() {
    FILES.forEach((path, file) -> documents.put(path, load(file)));
    Map<String, JsonNode> resourceLists = new HashMap<>();
    documents.forEach(
        (path, body) -> {
          if (path.contains("/v")) {
            resourceLists.put(path, Json.parse(body));
          }
        });
    kinds = new ResourceKinds(resourceLists.values());
    documents.putAll(OpenApiV3.documents(resourceLists));
    documents.put("/version", versionJson());
    documents.put(
        "/", "{\"paths\":[\"/api\",\"/api/v1\",\"/apis\",\"/healthz\",\"/readyz\",\"/version\"]}");
  }

  /** The fixed answer for a query-less GET path, or null when the path is not a fixed one. */
  public ApiResponse answer(String plainPath) {
    if (plainPath.equals("/healthz") || plainPath.equals("/readyz") || plainPath.equals("/livez")) {
      return ApiResponse.text(200, "ok");
    }
    String body = documents.get(plainPath);
    if (body == null && plainPath.startsWith("/openapi/")) {
      // No v2 schemas: the CRUD store would answer with a List that kubectl fails to parse.
      return Responses.error(404, "NotFound", "the emulator serves no OpenAPI v2 schemas");
    }
    if (body == null) {
      return null;
    }
    // kubectl asks for aggregated discovery first and falls back when it gets plain JSON.
    return ApiResponse.json(200, body);
  }

  /** The kinds of the resources the discovery documents announce. */
  public ResourceKinds kinds() {
    return kinds;
  }

  private static String versionJson() {
    return "{\"major\":\"1\",\"minor\":\"30\",\"gitVersion\":\""
        + GIT_VERSION
        + "\",\"gitCommit\":\"slipway-kube-emulator\",\"gitTreeState\":\"clean\","
        + "\"buildDate\":\"2024-04-17T00:00:00Z\",\"goVersion\":\"go1.22.2\","
        + "\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}";
  }

  private static String load(String file) {
    String resource = "/kube/discovery/" + file;
    try (InputStream in = Discovery.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
