package dev.slipway.local.kube.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.Responses;

/**
 * {@code SelfSubjectAccessReview} and {@code SelfSubjectRulesReview} (authorization.k8s.io/v1,
 * POST): "may I do this?" and "what may I do in this namespace?", answered from the same RBAC
 * evaluation as every request, which is what {@code kubectl auth can-i} and {@code can-i --list}
 * send.
 */
final class Reviews {

  private static final String PREFIX = "/apis/authorization.k8s.io/v1/";

  private final Rbac rbac;

  Reviews(Rbac rbac) {
    this.rbac = rbac;
  }

  ApiResponse handle(Identity identity, ApiRequest request) {
    if (!request.method().equals("POST") || !request.path().startsWith(PREFIX)) {
      return null;
    }
    String resource = request.path().substring(PREFIX.length());
    if (!resource.equals("selfsubjectaccessreviews")
        && !resource.equals("selfsubjectrulesreviews")) {
      return null;
    }
    try {
      JsonNode parsed = Json.parse(request.body());
      if (!(parsed instanceof ObjectNode review)) {
        throw ApiException.badRequest("the request body must be a JSON object");
      }
      review.put("apiVersion", "authorization.k8s.io/v1");
      Json.child(review, "metadata").put("creationTimestamp", (String) null);
      if (resource.equals("selfsubjectaccessreviews")) {
        accessReview(identity, review);
      } else {
        rulesReview(identity, review);
      }
      return Responses.json(201, review);
    } catch (ApiException e) {
      return Responses.error(e);
    } catch (IllegalArgumentException e) {
      return Responses.error(400, "BadRequest", e.getMessage());
    }
  }

  private void accessReview(Identity identity, ObjectNode review) {
    review.put("kind", "SelfSubjectAccessReview");
    JsonNode spec = review.path("spec");
    JsonNode resource = spec.path("resourceAttributes");
    JsonNode nonResource = spec.path("nonResourceAttributes");
    Attributes attributes;
    if (resource.isObject()) {
      attributes =
          new Attributes(
              resource.path("verb").asText(),
              true,
              resource.path("group").asText(""),
              resource.path("resource").asText(""),
              resource.path("subresource").asText(""),
              resource.path("namespace").asText(""),
              resource.path("name").asText(""),
              "");
    } else if (nonResource.isObject()) {
      attributes =
          new Attributes(
              nonResource.path("verb").asText(),
              false,
              "",
              "",
              "",
              "",
              "",
              nonResource.path("path").asText());
    } else {
      throw new ApiException(
          422, "Invalid", "exactly one of nonResourceAttributes or resourceAttributes is required");
    }
    boolean allowed = rbac.allows(identity, attributes);
    ObjectNode status = review.putObject("status");
    status.put("allowed", allowed);
    if (allowed && !identity.superUser()) {
      status.put("reason", "RBAC: allowed by a binding of " + identity.user());
    }
  }

  private void rulesReview(Identity identity, ObjectNode review) {
    review.put("kind", "SelfSubjectRulesReview");
    String namespace = review.path("spec").path("namespace").asText("");
    ObjectNode status = review.putObject("status");
    ArrayNode resourceRules = status.putArray("resourceRules");
    ArrayNode nonResourceRules = status.putArray("nonResourceRules");
    if (identity.superUser()) {
      resourceRules.add(
          Json.parse("{\"verbs\":[\"*\"],\"apiGroups\":[\"*\"],\"resources\":[\"*\"]}"));
      nonResourceRules.add(Json.parse("{\"verbs\":[\"*\"],\"nonResourceURLs\":[\"*\"]}"));
    }
    for (JsonNode rule : rbac.rules(identity, namespace)) {
      if (rule.has("nonResourceURLs")) {
        nonResourceRules.add(rule.deepCopy());
      } else {
        resourceRules.add(rule.deepCopy());
      }
    }
    status.put("incomplete", false);
  }
}
