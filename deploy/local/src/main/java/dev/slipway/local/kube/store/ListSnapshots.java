package dev.slipway.local.kube.store;

import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paginated LISTs over a consistent snapshot. The first page of a LIST with {@code limit} keeps the
 * whole result (references to immutable stored objects, so cheap) and hands out a continue token
 * naming it; later pages read only from that snapshot, so every object is returned exactly once
 * however the store changes meanwhile. Snapshots expire like etcd compaction does (after a while,
 * or when too many are open); an expired token gets 410 Gone, as on a real server.
 */
public final class ListSnapshots {

  /** One page: its items, the snapshot's resourceVersion, a continue token and what remains. */
  public record Page(
      long resourceVersion, List<StoredObject> items, String continueToken, int remaining) {}

  // Not "Entry": inside the LinkedHashMap subclass below that name is Map.Entry for newer javac.
  private record Held(long resourceVersion, List<StoredObject> items, long createdNanos) {}

  public static final long TTL_NANOS = 5L * 60 * 1_000_000_000L;
  private static final int MAX_OPEN = 64;

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Held> open =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Held> eldest) {
          return size() > MAX_OPEN;
        }
      };

  /** The first page of a result; a snapshot is kept only when more pages follow. */
  public Page first(ObjectStore.Snapshot snapshot, int limit) {
    List<StoredObject> items = snapshot.items();
    if (limit <= 0 || items.size() <= limit) {
      return new Page(snapshot.resourceVersion(), items, null, 0);
    }
    long id = ids.incrementAndGet();
    synchronized (open) {
      open.put(id, new Held(snapshot.resourceVersion(), items, System.nanoTime()));
    }
    return page(id, snapshot.resourceVersion(), items, 0, limit);
  }

  /** The page a continue token points at. */
  public Page next(String token, int limit) {
    long[] decoded = decode(token);
    Held entry;
    synchronized (open) {
      entry = open.get(decoded[0]);
      if (entry != null && System.nanoTime() - entry.createdNanos() > TTL_NANOS) {
        open.remove(decoded[0]);
        entry = null;
      }
    }
    if (entry == null) {
      throw ApiException.gone(
          "The provided continue parameter is too old to display a consistent list result. "
              + "You can start a new list without the continue parameter.");
    }
    int pageSize = limit <= 0 ? Integer.MAX_VALUE : limit;
    return page(decoded[0], entry.resourceVersion(), entry.items(), (int) decoded[1], pageSize);
  }

  private Page page(long id, long version, List<StoredObject> items, int from, int limit) {
    int to = (int) Math.min((long) from + limit, items.size());
    List<StoredObject> slice = items.subList(from, to);
    if (to >= items.size()) {
      synchronized (open) {
        open.remove(id);
      }
      return new Page(version, slice, null, 0);
    }
    return new Page(version, slice, encode(id, to, version), items.size() - to);
  }

  private static String encode(long id, int offset, long version) {
    String raw = id + ":" + offset + ":" + version;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static long[] decode(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split(":");
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } catch (RuntimeException e) {
      throw ApiException.badRequest("invalid continue token");
    }
  }
}
