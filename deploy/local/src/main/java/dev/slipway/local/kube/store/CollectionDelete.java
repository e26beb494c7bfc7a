package dev.slipway.local.kube.store;

import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.FieldSelector;
import dev.slipway.local.kube.select.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/** DELETE on a collection ("deletecollection"): deletes every object the selectors match. */
public final class CollectionDelete {

  private final ObjectStore store;
  private final ListHandler lists;

  public CollectionDelete(ObjectStore store, ListHandler lists) {
    this.store = store;
    this.lists = lists;
  }

  public ApiResponse delete(ApiRequest request, RequestPath path) {
    LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
    FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"));
    List<StoredObject> deleted = new ArrayList<>();
    for (StoredObject object : lists.select(path, labels, fields).items()) {
      try {
        deleted.add(store.delete(object.ref(), o -> true));
      } catch (ApiException alreadyGone) {
        // Deleted concurrently: the outcome the caller asked for.
      }
    }
    StringBuilder body = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",");
    body.append("\"metadata\":{\"resourceVersion\":\"").append(store.resourceVersion());
    body.append("\"},\"items\":[");
    for (int i = 0; i < deleted.size(); i++) {
      body.append(i == 0 ? "" : ",").append(new String(deleted.get(i).json()));
    }
    return ApiResponse.json(200, body.append("]}").toString());
  }
}
