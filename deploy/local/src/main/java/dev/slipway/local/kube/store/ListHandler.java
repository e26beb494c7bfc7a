package dev.slipway.local.kube.store;

import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.select.FieldSelector;
import dev.slipway.local.kube.select.LabelSelector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * LIST with label and field selectors, {@code limit}/{@code continue} pagination and the {@code
 * resourceVersion} rules the emulator can honour: it always serves the latest state, so {@code
 * resourceVersionMatch=Exact} works only for the current version (410 otherwise) and a version from
 * the future is refused like a real server does after its wait.
 */
public final class ListHandler {

  private final ObjectStore store;
  private final ResourceKinds kinds;
  private final ListSnapshots snapshots = new ListSnapshots();

  public ListHandler(ObjectStore store, ResourceKinds kinds) {
    this.store = store;
    this.kinds = kinds;
  }

  public ApiResponse list(ApiRequest request, RequestPath path) {
    LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
    FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"));
    int limit = limit(request.param("limit"));
    String token = request.param("continue");
    ListSnapshots.Page page;
    if (token != null && !token.isEmpty()) {
      page = snapshots.next(token, limit);
    } else {
      checkVersion(request);
      page = snapshots.first(select(path, labels, fields), limit);
    }
    boolean countKnown = labels.isEverything() && fields == FieldSelector.EVERYTHING;
    return ApiResponse.json(200, render(path, page, countKnown));
  }

  /** The matching objects at one resourceVersion; a name in the field selector is one lookup. */
  public ObjectStore.Snapshot select(RequestPath path, LabelSelector labels, FieldSelector fields) {
    String type = path.ref().type();
    String pinned = fields.pinnedName();
    if (pinned == null || path.namespace().isEmpty()) {
      return store.list(type, path.namespace(), labels, fields);
    }
    return store.read(
        () -> {
          List<StoredObject> items = new ArrayList<>(1);
          StoredObject object = store.get(path.ref().withName(pinned));
          if (object != null && labels.matches(object.labels()) && fields.test(object)) {
            items.add(object);
          }
          return new ObjectStore.Snapshot(store.resourceVersion(), items);
        });
  }

  private void checkVersion(ApiRequest request) {
    String version = request.param("resourceVersion");
    if (version == null || version.isEmpty() || version.equals("0")) {
      return;
    }
    long wanted = parseVersion(version);
    long current = store.resourceVersion();
    if (wanted > current) {
      throw new ApiException(504, "Timeout", "Too large resource version: " + wanted);
    }
    if ("Exact".equals(request.param("resourceVersionMatch")) && wanted != current) {
      throw ApiException.gone(
          "resourceVersion " + wanted + " is too old (emulator keeps no history)");
    }
  }

  public static long parseVersion(String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid resourceVersion: " + version);
    }
  }

  private static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      return Math.max(Integer.parseInt(value), 0);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid limit: " + value);
    }
  }

  private byte[] render(RequestPath path, ListSnapshots.Page page, boolean countKnown) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + page.items().size() * 2048);
    StringBuilder head = new StringBuilder(200);
    head.append("{\"apiVersion\":\"").append(path.apiVersion());
    head.append("\",\"kind\":\"").append(kinds.listKind(path.ref().type()));
    head.append("\",\"metadata\":{\"resourceVersion\":\"")
        .append(page.resourceVersion())
        .append('"');
    if (page.continueToken() != null) {
      head.append(",\"continue\":\"").append(page.continueToken()).append('"');
      if (countKnown) {
        head.append(",\"remainingItemCount\":").append(page.remaining());
      }
    }
    head.append("},\"items\":[");
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    boolean first = true;
    for (StoredObject item : page.items()) {
      if (!first) {
        out.write(',');
      }
      out.writeBytes(item.json());
      first = false;
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
