package dev.slipway.local.kube.auth;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RBAC's rule matching (rbac/v1 PolicyRule), as kube-apiserver's RBAC authorizer does it: a
 * resource rule matches when verb, API group, resource (with its subresource, {@code
 * deployments/scale}; {@code *} and {@code * /scale} as wildcards) and, when it lists any,
 * resourceNames match; a non-resource rule matches a path exactly or by a trailing {@code *}.
 */
final class PolicyRules {

  private PolicyRules() {}

  static boolean allows(JsonNode rule, Attributes request) {
    if (!contains(rule.path("verbs"), request.verb())) {
      return false;
    }
    if (!request.resourceRequest()) {
      return pathMatches(rule.path("nonResourceURLs"), request.path());
    }
    return contains(rule.path("apiGroups"), request.group())
        && resourceMatches(rule.path("resources"), request)
        && namesMatch(rule.path("resourceNames"), request);
  }

  private static boolean contains(JsonNode values, String wanted) {
    for (JsonNode value : values) {
      String text = value.asText();
      if (text.equals("*") || text.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static boolean resourceMatches(JsonNode resources, Attributes request) {
    String combined = request.resourceWithSubresource();
    for (JsonNode value : resources) {
      String text = value.asText();
      if (text.equals("*") || text.equals(combined)) {
        return true;
      }
      if (!request.subresource().isEmpty() && text.equals("*/" + request.subresource())) {
        return true;
      }
    }
    return false;
  }

  /** resourceNames restrict named requests; a list or create carries no name and never matches. */
  private static boolean namesMatch(JsonNode names, Attributes request) {
    if (names.isEmpty()) {
      return true;
    }
    return !request.name().isEmpty() && contains(names, request.name());
  }

  private static boolean pathMatches(JsonNode urls, String path) {
    for (JsonNode value : urls) {
      String url = value.asText();
      if (url.equals("*") || url.equals(path)) {
        return true;
      }
      if (url.endsWith("*") && path.startsWith(url.substring(0, url.length() - 1))) {
        return true;
      }
    }
    return false;
  }
}
