package dev.slipway.local.kube.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Measures one server at one stored size: fills it with {@code size} Deployments, then runs {@code
 * repeats} rounds of timed batches at that size and reports the median of each operation.
 *
 * <ul>
 *   <li>creates: a timed batch of creates of extra objects (the store grows from {@code size} by
 *       one batch), then deletes: a counted batch deleting exactly those, back to {@code size};
 *   <li>replaces (PUT conditional on the last resourceVersion), merge patches and server-side
 *       applies of stored objects, round robin, each a real change: a new revision;
 *   <li>GETs of random stored names; LISTs of one label group (100 objects) and of everything.
 * </ul>
 */
final class SizeRun {
  /**
   * {@code -Dbench.listPage=500}: "LIST all" in pages of that size (limit/continue), as the
   * reconciler lists; 0 (the default) in one response. At hundreds of thousands of objects a single
   * response would need gigabytes in the client.
   */
  private static final int LIST_PAGE = Integer.getInteger("bench.listPage", 0);

  private final BenchApi api;
  private final Workload work;
  private final int size;
  private final boolean applies;
  private final AtomicReferenceArray<String> versions;
  private int revision = 2;
  private final AtomicInteger threads = new AtomicInteger();
  private final ThreadLocal<int[]> cursors =
      ThreadLocal.withInitial(() -> new int[] {threads.getAndIncrement() % Workload.THREADS, 0});

  SizeRun(BenchApi api, Workload work, int size, boolean applies) {
    this.api = api;
    this.work = work;
    this.size = size;
    this.applies = applies;
    this.versions = new AtomicReferenceArray<>(size);
  }

  /** The row cells after server and client: medians per second, LIST times in ms. */
  String measure(int repeats) {
    work.counted(0, size, i -> versions.set(i, api.create(i)));
    Medians creates = new Medians();
    Medians deletes = new Medians();
    Medians replaces = new Medians();
    Medians patches = new Medians();
    Medians appliesPerSecond = new Medians();
    Medians gets = new Medians();
    Medians byLabel = new Medians();
    Medians all = new Medians();
    for (int r = 0; r < repeats; r++) {
      Workload.Batch created = work.timed(size, api::create);
      creates.add(created);
      deletes.add(work.counted(created.from(), created.to(), api::delete));
      replaces.add(rewrite((i, v) -> api.replace(i, v, versions.get(i))));
      patches.add(rewrite(api::patch));
      if (applies) {
        appliesPerSecond.add(rewrite(api::apply));
      }
      gets.add(work.timed(0, i -> api.get(ThreadLocalRandom.current().nextInt(size))));
      byLabel.add(list(BenchObjects.group(r * BenchObjects.GROUP_SIZE % size)), 0);
      all.add(list(null), 0);
    }
    System.out.printf(
        "  stored %,d: create batches of %s requests (store grows to at most %,d)%n"
            + "  CPU per request, client and server, median µs: create %.0f, delete %.0f,"
            + " replace %.0f, patch %.0f, apply %.0f, GET %.0f%n",
        size,
        creates.counts(),
        size + creates.maxCount(),
        creates.cpuMedian(),
        deletes.cpuMedian(),
        replaces.cpuMedian(),
        patches.cpuMedian(),
        appliesPerSecond.cpuMedian(),
        gets.cpuMedian());
    return String.format(
        "%,d | %,.0f | %,.0f | %,.0f | %,.0f | %s | %,.0f | %.1f | %.0f",
        size,
        creates.median(),
        deletes.median(),
        replaces.median(),
        patches.median(),
        applies ? String.format("%,.0f", appliesPerSecond.median()) : "n/a",
        gets.median(),
        byLabel.median(),
        all.median());
  }

  /** A write that takes an object index and a revision and returns the new resourceVersion. */
  private interface Rewrite {
    String write(int index, int revision);
  }

  private Workload.Batch rewrite(Rewrite write) {
    int base = revision;
    Workload.Batch batch =
        work.timed(
            0,
            i -> {
              int object = nextOwnObject();
              versions.set(object, write.write(object, base + i));
            });
    revision += batch.to();
    return batch;
  }

  /**
   * The next object of the calling client thread's own share (every THREADS-th one), round robin:
   * no two threads ever write one object, so the resourceVersion each sends is the latest.
   */
  private int nextOwnObject() {
    int[] cursor = cursors.get();
    int object = cursor[0] + Workload.THREADS * cursor[1]++;
    if (object >= size) {
      cursor[1] = 1;
      object = cursor[0];
    }
    return object;
  }

  private double list(String group) {
    long start = System.nanoTime();
    if (group == null && LIST_PAGE > 0) {
      if (api.listPaged(LIST_PAGE) < size) {
        throw new IllegalStateException("paged list came back short");
      }
      return (System.nanoTime() - start) / 1e6;
    }
    if (group == null ? api.list(null) < size : api.list(group) == 0) {
      throw new IllegalStateException("list came back short");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /** Collected figures of one operation, with the request count and CPU cost of each batch. */
  private static final class Medians {
    private final List<Double> values = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();
    private final List<Double> cpu = new ArrayList<>();

    void add(double value, int count) {
      values.add(value);
      counts.add(count);
    }

    void add(Workload.Batch batch) {
      add(batch.perSecond(), batch.to() - batch.from());
      cpu.add(batch.cpuMicros());
    }

    double median() {
      return Workload.median(values);
    }

    double cpuMedian() {
      return cpu.isEmpty() ? Double.NaN : Workload.median(cpu);
    }

    String counts() {
      return counts.toString();
    }

    int maxCount() {
      return counts.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
  }
}
