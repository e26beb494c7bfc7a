package dev.slipway.local.kube.auth;

import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.RequestPath;

/**
 * What a request asks to do, as kube-apiserver's RequestInfo resolves it: a verb on a resource
 * (group, resource, subresource, namespace, name) or, for every other path, a verb on a
 * non-resource URL. {@code get}/{@code list}/{@code watch} from GET, {@code create} from POST,
 * {@code update} from PUT, {@code patch}, {@code delete} or {@code deletecollection}.
 */
public record Attributes(
    String verb,
    boolean resourceRequest,
    String group,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {

  public static Attributes of(ApiRequest request) {
    RequestPath path = RequestPath.parse(request.path());
    String method = request.method();
    if (path == null) {
      String verb = method.equals("GET") || method.equals("HEAD") ? "get" : method.toLowerCase();
      return new Attributes(verb, false, "", "", "", "", "", request.path());
    }
    String verb =
        switch (method) {
          case "GET", "HEAD" ->
              path.watchPrefix() || request.flag("watch")
                  ? "watch"
                  : path.isCollection() ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> path.isCollection() ? "deletecollection" : "delete";
          default -> method.toLowerCase();
        };
    return new Attributes(
        verb,
        true,
        path.group(),
        path.resource(),
        path.subresource() == null ? "" : path.subresource(),
        path.namespace(),
        path.name() == null ? "" : path.name(),
        request.path());
  }

  /** {@code resource/subresource}, as RBAC rules and denial messages name it. */
  public String resourceWithSubresource() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }
}
