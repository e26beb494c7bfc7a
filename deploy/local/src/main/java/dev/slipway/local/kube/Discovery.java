package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed answers for the discovery and health endpoints. The CRUD dispatcher would answer {@code
 * /api/v1} and friends with a List of every stored object, which leaves kubectl with no resource
 * types; here they come from static documents under {@code /kube/discovery}.
 */
final class Discovery {

  static final String GIT_VERSION = "v1.30.0";

  private static final Map<String, String> FILES =
      Map.of(
          "/api", "api.json",
          "/apis", "apis.json",
          "/api/v1", "api-v1.json",
          "/apis/apps/v1", "apps-v1.json",
          "/apis/networking.k8s.io/v1", "networking-v1.json",
          "/apis/autoscaling/v2", "autoscaling-v2.json",
          "/apis/autoscaling/v1", "autoscaling-v1.json");

  private final Map<String, String> documents = new HashMap<>();

  Discovery() {
    FILES.forEach((path, file) -> documents.put(path, load(file)));
    Map<String, JsonNode> resourceLists = new HashMap<>();
    documents.forEach(
        (path, body) -> {
          if (path.contains("/v")) {
            resourceLists.put(path, Json.parse(body));
          }
        });
    documents.putAll(OpenApiV3.documents(resourceLists));
    documents.put("/version", versionJson());
    documents.put(
        "/", "{\"paths\":[\"/api\",\"/api/v1\",\"/apis\",\"/healthz\",\"/readyz\",\"/version\"]}");
  }

  /** The fixed answer for a query-less GET path, or null when the path is not a fixed one. */
  MockResponse answer(String plainPath) {
    if (plainPath.equals("/healthz") || plainPath.equals("/readyz") || plainPath.equals("/livez")) {
      return new MockResponse().setResponseCode(200).setBody("ok");
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
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
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
