package dev.slipway.e2e.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The database side of a check, read through the API as a client would. */
final class DatabaseView {
  /** A tenant row as {@code GET /v1/tenants} shows it. */
  record Row(
      UUID id,
      String slug,
      String desired,
      String plan,
      long generation,
      String phase,
      long observedGeneration,
      int readyReplicas) {
    static Row of(JsonNode t) {
      return new Row(
          UUID.fromString(t.path("id").asText()),
          t.path("slug").asText(),
          t.path("desiredState").asText(),
          t.path("plan").asText(),
          t.path("generation").asLong(),
          t.path("phase").asText(),
          t.path("observedGeneration").asLong(),
          t.path("readyReplicas").asInt());
    }
  }

  private final ApiClient api;

  DatabaseView(ApiClient api) {
    this.api = api;
  }

  /** Every tenant row, live and deleted, by slug. */
  Map<String, List<Row>> tenantsBySlug() throws IOException {
    Map<String, List<Row>> bySlug = new HashMap<>();
    for (JsonNode t : all("/v1/tenants?limit=200")) {
      bySlug.computeIfAbsent(t.path("slug").asText(), s -> new ArrayList<>()).add(Row.of(t));
    }
    for (JsonNode t : all("/v1/tenants?phase=DELETED&limit=200")) {
      bySlug.computeIfAbsent(t.path("slug").asText(), s -> new ArrayList<>()).add(Row.of(t));
    }
    return bySlug;
  }

  /** The tenant's operations, newest first; none when there is no such tenant. */
  List<JsonNode> operations(String slug) throws IOException {
    String path = "/v1/tenants/" + slug + "/operations?limit=200";
    return api.get(path).status() == 404 ? List.of() : all(path);
  }

  private List<JsonNode> all(String first) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    String path = first;
    while (path != null) {
      ApiClient.Answer page = api.get(path);
      if (page.status() != 200) {
        throw new IOException("GET " + path + " answered " + page.status() + ": " + page.body());
      }
      page.body().path("items").forEach(items::add);
      JsonNode next = page.body().path("nextCursor");
      path =
          next.isTextual()
              ? first + "&cursor=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8)
              : null;
    }
    return items;
  }
}
