package dev.slipway.local.kube.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.api.Json;
import java.util.List;

/**
 * What kube-apiserver's bootstrap policy gives every authenticated user, without any binding of
 * ours: {@code system:discovery} and {@code system:public-info-viewer} (GET of the discovery,
 * OpenAPI, version and health paths) and {@code system:basic-user} (creating
 * SelfSubjectAccessReviews and SelfSubjectRulesReviews, which {@code kubectl auth can-i} sends).
 */
final class BuiltInRules {

  static final List<JsonNode> AUTHENTICATED =
      List.of(
          Json.parse(
              "{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/api\",\"/api/*\",\"/apis\",\"/apis/*\","
                  + "\"/openapi\",\"/openapi/*\",\"/version\",\"/version/\",\"/healthz\","
                  + "\"/livez\",\"/readyz\"]}"),
          Json.parse(
              "{\"verbs\":[\"create\"],\"apiGroups\":[\"authorization.k8s.io\"],"
                  + "\"resources\":[\"selfsubjectaccessreviews\",\"selfsubjectrulesreviews\"]}"));

  private BuiltInRules() {}
}
