package dev.slipway.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One operation of the OpenAPI document, with what a request to it can carry. */
record Endpoint(
    String method,
    String path,
    List<String> pathParameters,
    List<String> queryParameters,
    boolean hasBody,
    List<String> bodyFields) {

  /** Every /v1 operation of the document. */
  static List<Endpoint> all(JsonNode api) {
    List<Endpoint> endpoints = new ArrayList<>();
    api.path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              if (!path.getKey().startsWith("/v1/")) {
                return;
              }
              path.getValue()
                  .fields()
                  .forEachRemaining(
                      op -> endpoints.add(of(api, path.getKey(), op.getKey(), op.getValue())));
            });
    return endpoints;
  }

  private static Endpoint of(JsonNode api, String path, String method, JsonNode op) {
    List<String> pathParams = new ArrayList<>();
    List<String> queryParams = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      String in = p.path("in").asText();
      if (in.equals("path")) {
        pathParams.add(p.path("name").asText());
      } else if (in.equals("query")) {
        queryParams.add(p.path("name").asText());
      }
    }
    JsonNode body = op.path("requestBody").path("content");
    List<String> fields = new ArrayList<>();
    body.fields()
        .forEachRemaining(
            media -> fields.addAll(fieldsOf(api, media.getValue().path("schema"), 0)));
    return new Endpoint(
        method.toUpperCase(), path, pathParams, queryParams, !body.isMissingNode(), fields);
  }

  /**
   * Property names of a schema, following $ref one level into nested objects (dotted names flat).
   */
  private static List<String> fieldsOf(JsonNode api, JsonNode schema, int depth) {
    JsonNode resolved = resolve(api, schema);
    List<String> names = new ArrayList<>();
    resolved.path("properties").fieldNames().forEachRemaining(names::add);
    return depth > 1 ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(names));
  }

  private static JsonNode resolve(JsonNode api, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith("#/components/schemas/")) {
      return api.path("components").path("schemas").path(ref.substring(21));
    }
    return schema;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
