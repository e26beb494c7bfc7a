package dev.slipway.worker;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The spans this test process exported, in memory (Quarkus uses every SpanExporter bean). Bounded,
 * unlike opentelemetry-sdk-testing's InMemorySpanExporter: it is a bean in every QuarkusTest of the
 * module, and the tests that read it look for their own trace ids, never for counts.
 */
@Singleton
public class RecordedSpans implements SpanExporter {
  private static final int MAX = 20_000;
  private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();
  // ConcurrentLinkedDeque.size() walks the whole deque: at 20,000 spans it was 7 % of the worker
  // threads' samples in WorkerBurstBenchmark (docs/benchmarks.md, issue 26).
  private final AtomicInteger size = new AtomicInteger();

  /** The spans of one trace, in the order they ended. */
  public List<SpanData> ofTrace(String traceId) {
    return spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
  }

  /** The spans with this name, in the order they ended. */
  public List<SpanData> named(String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).toList();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> batch) {
    spans.addAll(batch);
    size.addAndGet(batch.size());
    while (size.get() > MAX && spans.pollFirst() != null) {
      size.decrementAndGet();
    }
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
