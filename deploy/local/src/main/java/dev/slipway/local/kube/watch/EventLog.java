package dev.slipway.local.kube.watch;

import dev.slipway.local.kube.api.StoredObject;
import dev.slipway.local.kube.store.StoreListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent store changes, for watches that resume from a resourceVersion. Older changes are
 * dropped, like etcd compaction; resuming from before the oldest kept change is "too old" (410
 * Gone), which makes clients relist. Accessed only under the store's lock (writes under the write
 * lock, reads under the read lock).
 */
public final class EventLog {

  /** One change as the store reported it. */
  public record Entry(StoreListener.Change change, StoredObject previous, StoredObject current) {
    long resourceVersion() {
      return current.resourceVersion();
    }
  }

  private final int capacity;
  private final ArrayDeque<Entry> entries;
  private long compactedThrough;

  public EventLog(int capacity) {
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  public void append(Entry entry) {
    if (entries.size() == capacity) {
      compactedThrough = entries.removeFirst().resourceVersion();
    }
    entries.addLast(entry);
  }

  /** True when changes after {@code resourceVersion} may have been dropped already. */
  public boolean tooOld(long resourceVersion) {
    return resourceVersion < compactedThrough;
  }

  public long compactedThrough() {
    return compactedThrough;
  }

  /** The kept changes of {@code type} with a resourceVersion above {@code after}, in order. */
  public List<Entry> since(String type, long after) {
    List<Entry> result = new ArrayList<>();
    var it = entries.descendingIterator();
    while (it.hasNext()) {
      Entry entry = it.next();
      if (entry.resourceVersion() <= after) {
        break;
      }
      if (entry.current().ref().type().equals(type)) {
        result.add(entry);
      }
    }
    java.util.Collections.reverse(result);
    return result;
  }
}
