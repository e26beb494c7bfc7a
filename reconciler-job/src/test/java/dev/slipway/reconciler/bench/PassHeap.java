package dev.slipway.reconciler.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a pass needs, from the JVM's own figures: the largest heap left after any collection
 * during the pass (the pass's live data plus what the emulator in the same JVM holds), less the
 * heap after full collections just before it; and the collections the pass caused (count, pause
 * time). An upper bound of the pass's live set: a young collection also keeps garbage that is
 * already in the old generation.
 */
final class PassHeap implements NotificationListener, AutoCloseable {
  private static final Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final long baseline;
  private final long collectionsBefore;
  private final long collectionMillisBefore;

  PassHeap() {
    baseline = usedAfterFullGc();
    collectionsBefore = collections(false);
    collectionMillisBefore = collections(true);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(this, null, null);
    }
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used =
        info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> HEAP_POOLS.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed())
            .sum();
    peakAfterGc.accumulateAndGet(used, Math::max);
  }

  /** Peak heap after a collection during the pass above the baseline, in MiB (0: no collection). */
  double peakAboveBaselineMiB() {
    return Math.max(0, peakAfterGc.get() - baseline) / (1024.0 * 1024.0);
  }

  long collections() {
    return collections(false) - collectionsBefore;
  }

  long collectionMillis() {
    return collections(true) - collectionMillisBefore;
  }

  @Override
  public void close() throws Exception {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).removeNotificationListener(this);
    }
  }

  private static long collections(boolean millis) {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(gc -> millis ? gc.getCollectionTime() : gc.getCollectionCount())
        .sum();
  }

  static long usedAfterFullGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
