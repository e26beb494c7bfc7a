package dev.slipway.local.kube.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.Responses;

/**
 * Authentication and authorization in front of every request, as kube-apiserver's filters do: no or
 * an unknown bearer token is 401, a request RBAC does not allow is 403, each with the Status body a
 * real server sends. Health probes ({@code /healthz}, {@code /livez}, {@code /readyz}) are served
 * without a token, as a real server's anonymous access to them is.
 */
public final class AccessControl {

  private final Identities identities;
  private final Rbac rbac;
  private final Reviews reviews;

  public AccessControl(Identities identities, Rbac rbac) {
    this.identities = identities;
    this.rbac = rbac;
    this.reviews = new Reviews(rbac);
  }

  /** The identity of a request, or null when it is unauthenticated. */
  public Identity authenticate(String authorizationHeader) {
    return identities.authenticate(authorizationHeader);
  }

  /** Whether a path is public information, answered without authentication. */
  public static boolean isPublicInfo(String path) {
    return path.equals("/healthz")
        || path.equals("/livez")
        || path.equals("/readyz")
        || path.equals("/version");
  }

  /** The 401 answer for an unauthenticated request. */
  public static ApiResponse unauthorized() {
    return Responses.error(401, "Unauthorized", "Unauthorized");
  }

  /** The 403 answer when RBAC denies {@code request} to {@code identity}; null when allowed. */
  public ApiResponse deny(Identity identity, ApiRequest request) {
    Attributes attributes = Attributes.of(request);
    if (rbac.allows(identity, attributes)) {
      return null;
    }
    return forbidden(identity, attributes);
  }

  /** The answer of a SelfSubject*Review the identity posted; null for any other request. */
  public ApiResponse review(Identity identity, ApiRequest request) {
    return reviews.handle(identity, request);
  }

  static ApiResponse forbidden(Identity identity, Attributes a) {
    String user = "User \"" + identity.user() + "\"";
    if (!a.resourceRequest()) {
      return Responses.error(
          403,
          "Forbidden",
          "forbidden: " + user + " cannot " + a.verb() + " path \"" + a.path() + "\"");
    }
    String qualified = a.group().isEmpty() ? a.resource() : a.resource() + "." + a.group();
    String subject = a.name().isEmpty() ? qualified : qualified + " \"" + a.name() + "\"";
    String scope =
        a.namespace().isEmpty()
            ? "at the cluster scope"
            : "in the namespace \"" + a.namespace() + "\"";
    String message =
        subject
            + " is forbidden: "
            + user
            + " cannot "
            + a.verb()
            + " resource \""
            + a.resourceWithSubresource()
            + "\" in API group \""
            + a.group()
            + "\" "
            + scope;
    ObjectNode status = Responses.status(403, "Forbidden", message);
    ObjectNode details = status.putObject("details");
    if (!a.name().isEmpty()) {
      details.put("name", a.name());
    }
    details.put("group", a.group()).put("kind", a.resource());
    return Responses.json(403, status);
  }
}
