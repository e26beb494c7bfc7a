package dev.slipway.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording (the JDK's "profile" settings: a Java stack sample every 10 ms) around each
 * measured worker drain, kept in target/bench/. Its execution samples tell which threads run the
 * Kubernetes emulator or ElasticMQ (see {@link #partOf}) and where the worker's threads spend their
 * time: by top frame, and by the innermost Slipway frame of the worker ({@code dev.slipway.worker},
 * {@code dev.slipway.shared}, {@code dev.slipway.common}).
 */
final class DrainProfile {
  enum Part {
    WORKER,
    EMULATOR,
    QUEUE
  }

  private final Map<Long, Map<Part, Integer>> threadParts = new HashMap<>();
  private final Map<String, Integer> topFrames = new HashMap<>();
  private final Map<String, Integer> slipwayFrames = new HashMap<>();
  private final long benchThread;
  private int workerSamples;
  private Recording recording;

  /** {@code benchThread}: the benchmark's own thread (sending, polling), left out of the frames. */
  DrainProfile(long benchThread) {
    this.benchThread = benchThread;
  }

  void start() throws Exception {
    recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
  }

  /** Stops the recording and keeps it as {@code file}. */
  void stop(Path file) throws Exception {
    recording.stop();
    Files.createDirectories(file.toAbsolutePath().getParent());
    recording.dump(file);
    recording.close();
  }

  /** Adds a recording's samples to the totals. */
  void read(Path file) throws Exception {
    List<RecordedEvent> samples =
        RecordingFile.readAllEvents(file).stream()
            .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample"))
            .filter(e -> e.getStackTrace() != null && !e.getStackTrace().getFrames().isEmpty())
            .toList();
    for (RecordedEvent event : samples) {
      threadParts
          .computeIfAbsent(thread(event), t -> new HashMap<>())
          .merge(part(event.getStackTrace().getFrames()), 1, Integer::sum);
    }
    // A second pass, so that an emulator thread's samples outside its own code (its event loop's
    // I/O) are not counted as the worker's.
    for (RecordedEvent event : samples) {
      String name = event.getThread("sampledThread").getJavaName();
      if (partOf(thread(event)) != Part.WORKER
          || thread(event) == benchThread
          || isBenchmark(name)) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      workerSamples++;
      topFrames.merge(name(frames.get(0)), 1, Integer::sum);
      frames.stream()
          .filter(f -> isSlipway(f.getMethod().getType().getName()))
          .findFirst()
          .ifPresent(f -> slipwayFrames.merge(name(f), 1, Integer::sum));
    }
  }

  private static long thread(RecordedEvent event) {
    return event.getThread("sampledThread").getJavaThreadId();
  }

  /**
   * Which part a thread belongs to: the emulator's or ElasticMQ's if any of its samples ran their
   * code (the application's threads never do; their own event loops also spend samples in Netty
   * alone); otherwise, and when never sampled, the worker's.
   */
  Part partOf(long thread) {
    Map<Part, Integer> counts = threadParts.getOrDefault(thread, Map.of());
    if (counts.containsKey(Part.EMULATOR)) {
      return Part.EMULATOR;
    }
    return counts.containsKey(Part.QUEUE) ? Part.QUEUE : Part.WORKER;
  }

  /** Threads of the benchmark itself or of its measuring (JFR, surefire), not the worker's. */
  static boolean isBenchmark(String threadName) {
    return threadName != null
        && (threadName.startsWith("awaitility")
            || threadName.startsWith("JFR ")
            || threadName.startsWith("surefire"));
  }

  /** The worker threads' hottest top frames and innermost Slipway frames, as table rows. */
  String report(int top) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n| worker threads' top frame (%,d samples) | share |%n|---|---:|%n", workerSamples));
    rows(out, topFrames, top);
    out.append(
        String.format(
            "%n| innermost Slipway frame on worker threads (%,d samples) | share |%n|---|---:|%n",
            workerSamples));
    rows(out, slipwayFrames, top);
    return out.toString();
  }

  private void rows(StringBuilder out, Map<String, Integer> counts, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                out.append(
                    String.format(
                        "| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / workerSamples)));
  }

  private static Part part(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("dev.slipway.local.kube.")) {
        return Part.EMULATOR;
      }
      if (type.startsWith("org.elasticmq.") || type.startsWith("org.apache.pekko.")) {
        return Part.QUEUE;
      }
    }
    return Part.WORKER;
  }

  private static boolean isSlipway(String type) {
    return type.startsWith("dev.slipway.worker.")
        || type.startsWith("dev.slipway.shared.")
        || type.startsWith("dev.slipway.common.");
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }
}
