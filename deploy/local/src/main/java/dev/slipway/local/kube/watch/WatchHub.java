package dev.slipway.local.kube.watch;

import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.store.ListHandler;
import dev.slipway.local.kube.store.ObjectStore;
import dev.slipway.local.kube.store.ResourceKinds;
import dev.slipway.local.kube.store.StoreListener;
import io.vertx.core.Context;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves watches from the store's change stream: keeps an {@link EventLog} to resume from, fans
 * each change out to the open watches of its type, and sends periodic bookmarks. Starting a watch
 * runs under the store's read lock, so its initial or replayed events and the live ones that follow
 * have no gap and no duplicate.
 */
public final class WatchHub implements StoreListener {

  public static final int LOG_CAPACITY = 10_000;

  private final ObjectStore store;
  private final ResourceKinds kinds;
  private final EventLog log = new EventLog(LOG_CAPACITY);
  private final Map<String, Set<Watch>> watches = new ConcurrentHashMap<>();

  public WatchHub(ObjectStore store, ResourceKinds kinds) {
    this.store = store;
    this.kinds = kinds;
    store.addListener(this);
  }

  @Override
  public void changed(Change change, StoredObject previous, StoredObject current) {
    EventLog.Entry entry = new EventLog.Entry(change, previous, current);
    log.append(entry);
    Set<Watch> open = watches.get(current.ref().type());
    if (open != null) {
      open.forEach(w -> w.offer(entry));
    }
  }

  /** Opens a watch on {@code sink}; its events are written on {@code context}. */
  public void start(WatchSpec spec, WatchSink sink, Context context) {
    String type = spec.path().ref().type();
    String kind = kinds.kind(type) == null ? "Status" : kinds.kind(type);
    Watch watch = new Watch(spec, sink, context, kind);
    boolean opened = store.read(() -> replayAndRegister(watch));
    if (opened) {
      sink.onClosed(() -> unregister(watch));
      if (spec.timeoutSeconds() > 0) {
        context.owner().setTimer(spec.timeoutSeconds() * 1000L, t -> watch.close());
      }
    }
  }

  private boolean replayAndRegister(Watch watch) {
    WatchSpec spec = watch.spec();
    if (spec.startsFromNow()) {
      for (StoredObject object :
          store.matching(watch.type(), spec.path().namespace(), spec.labels(), spec::matches)) {
        watch.send("ADDED", object.json());
      }
      if (spec.sendInitialEvents() && spec.bookmarks()) {
        watch.bookmark(store.resourceVersion(), true);
      }
    } else {
      long from = ListHandler.parseVersion(spec.resourceVersion());
      if (log.tooOld(from)) {
        watch.fail(
            410,
            "Expired",
            "too old resource version: " + from + " (" + log.compactedThrough() + ")");
        return false;
      }
      log.since(watch.type(), from).forEach(watch::offer);
    }
    watches.computeIfAbsent(watch.type(), t -> ConcurrentHashMap.newKeySet()).add(watch);
    return true;
  }

  private void unregister(Watch watch) {
    Set<Watch> open = watches.get(watch.type());
    if (open != null) {
      open.remove(watch);
    }
  }

  /** Sends every bookmark-enabled watch a BOOKMARK at the current resourceVersion. */
  public void sendBookmarks() {
    store.read(
        () -> {
          long version = store.resourceVersion();
          watches
              .values()
              .forEach(
                  s ->
                      s.stream()
                          .filter(w -> w.spec().bookmarks())
                          .forEach(w -> w.bookmark(version, false)));
          return null;
        });
  }

  /** Breaks every open watch connection, for fault-injection tests. */
  public void dropAll() {
    watches.values().forEach(s -> s.forEach(Watch::abort));
  }

  public int openWatches() {
    return watches.values().stream().mapToInt(Set::size).sum();
  }
}
