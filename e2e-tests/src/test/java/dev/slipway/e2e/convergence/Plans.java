package dev.slipway.e2e.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two plans the load moves tenants between, with the replicas the running API gives each: read
 * from {@code GET /v1/plans} once the stack is up, because the stack runs the dev overlay's plan
 * caps (deploy/k8s/overlays/dev), not the built-in catalogue.
 */
final class Plans {
  static final List<String> NAMES = List.of("small", "standard");
  private static final Map<String, Integer> REPLICAS = new HashMap<>();

  private Plans() {}

  /** Reads every plan's replicas from the API; call before the load starts. */
  static synchronized void load(ApiClient api) throws IOException {
    ApiClient.Answer answer = api.get("/v1/plans");
    if (!answer.ok()) {
      throw new IllegalStateException("GET /v1/plans answered " + answer.status());
    }
    JsonNode items = answer.body().has("items") ? answer.body().get("items") : answer.body();
    for (JsonNode plan : items) {
      REPLICAS.put(plan.path("name").asText(), plan.path("replicas").asInt());
    }
    for (String name : NAMES) {
      if (!REPLICAS.containsKey(name)) {
        throw new IllegalStateException("the API offers no plan " + name + ": " + answer.body());
      }
    }
  }

  static synchronized int replicas(String plan) {
    Integer replicas = REPLICAS.get(plan);
    if (replicas == null) {
      throw new IllegalArgumentException("not a plan of the load: " + plan);
    }
    return replicas;
  }

  static String other(String plan) {
    return "small".equals(plan) ? "standard" : "small";
  }
}
