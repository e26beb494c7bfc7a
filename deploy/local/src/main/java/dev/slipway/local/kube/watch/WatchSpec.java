package dev.slipway.local.kube.watch;

import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.FieldSelector;
import dev.slipway.local.kube.select.LabelSelector;

/**
 * What a watch asks for: a type and namespace ({@code ""}: all), selectors, where to start, and
 * whether it wants bookmarks.
 *
 * @param resourceVersion null, empty or "0": start with ADDED events for what exists now
 */
public record WatchSpec(
    RequestPath path,
    LabelSelector labels,
    FieldSelector fields,
    String resourceVersion,
    boolean bookmarks,
    boolean sendInitialEvents,
    int timeoutSeconds) {

  public static WatchSpec of(ApiRequest request, RequestPath path) {
    String timeout = request.param("timeoutSeconds");
    return new WatchSpec(
        path,
        LabelSelector.parse(request.param("labelSelector")),
        FieldSelector.parse(request.param("fieldSelector")),
        request.param("resourceVersion"),
        request.flag("allowWatchBookmarks"),
        request.flag("sendInitialEvents"),
        timeout == null || timeout.isEmpty() ? 0 : Integer.parseInt(timeout));
  }

  public boolean startsFromNow() {
    return resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0");
  }

  public boolean matches(StoredObject object) {
    String namespace = path.namespace();
    if (!namespace.isEmpty() && !namespace.equals(object.namespace())) {
      return false;
    }
    String name = path.name();
    if (name != null && !name.equals(object.name())) {
      return false;
    }
    return labels.matches(object.labels()) && fields.test(object);
  }
}
