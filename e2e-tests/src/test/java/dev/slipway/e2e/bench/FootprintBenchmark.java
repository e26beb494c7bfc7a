package dev.slipway.e2e.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.e2e.StackDatabase;
import dev.slipway.local.LocalService;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * P5 (issue 8): each service's start time and resident memory, idle and under load, as the local
 * stack runs them (packaged jars, JVM sized as a 256 MiB pod, one process each). Start time is what
 * Quarkus reports ("started in"); memory is the process's VmRSS from /proc, sampled every 200 ms
 * while a closed loop of creates (16 threads, as P1) runs against the API and the worker and
 * reconciler process what it queues. Not a test: run with {@code -Dit.test=FootprintBenchmark}.
 */
class FootprintBenchmark {
  private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
  private static final int LOAD_SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int THREADS = Integer.getInteger("bench.concurrency", 16);
  private static final int RESTARTS = Integer.getInteger("bench.restarts", 3);
  // JVM options to compare with none, side by side in the restarts ("|" between variants).
  private static final List<String> VARIANTS = variants(System.getProperty("bench.startVariants"));

  @Test
  void startTimeAndMemory() throws Exception {
    Path root = Path.of(System.getProperty("slipway.repo.root", "..")).toAbsolutePath();
    Path state = Files.createTempDirectory("slipway-p5");
    try (LocalStack stack =
        LocalStack.start(
            LocalStackOptions.test(root, state)
                // Passes every 30 s as in the developer stack: every 2 s (the tests' setting)
                // over thousands of tenants keeps a core busy during the restarts measured.
                .withReconcileInterval(Duration.ofSeconds(30))
                // One client makes every write: the per-caller limit would measure itself.
                // The worker's request budget raised as in P2 (its default of 20/s, a politeness
                // limit towards a shared API server, would take half an hour to drain the load).
                .withServiceEnv(
                    Map.of(
                        "SLIPWAY_API_RATE_LIMIT_ENABLED", "false",
                        "SLIPWAY_WORKER_KUBERNETES_QPS", "2000",
                        "SLIPWAY_WORKER_KUBERNETES_BURST", "4000")),
            false)) {
      Map<LocalService, ProcessHandle> processes = new LinkedHashMap<>();
      for (LocalService service : LocalService.values()) {
        processes.put(service, serviceProcess(service));
      }
      Map<LocalService, Long> idle = new LinkedHashMap<>();
      awaitQuiet(Duration.ofSeconds(10));
      processes.forEach((name, p) -> idle.put(name, rssKib(p)));
      Map<LocalService, AtomicLong> peak = new LinkedHashMap<>();
      processes.keySet().forEach(name -> peak.put(name, new AtomicLong()));
      var sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(
          () ->
              processes.forEach((name, p) -> peak.get(name).accumulateAndGet(rssKib(p), Math::max)),
          0,
          200,
          TimeUnit.MILLISECONDS);
      long created = load(stack.env());
      sampler.shutdown();
      sampler.awaitTermination(5, TimeUnit.SECONDS);
      System.out.printf(
          "%n| service | Quarkus started in (s) | RSS idle (MiB) | RSS peak under load (MiB) |%n"
              + "|---|---:|---:|---:|%n");
      for (LocalService service : LocalService.values()) {
        List<String> starts = startTimes(state, service);
        System.out.printf(
            "| %s | %s | %.0f | %.0f |%n",
            service.module(),
            starts.isEmpty() ? "?" : starts.get(0),
            idle.get(service) / 1024.0,
            peak.get(service).get() / 1024.0);
      }
      System.out.printf(
          "load: %d creates in %d s from %d threads%n", created, LOAD_SECONDS, THREADS);
      System.out.printf(
          "jvm: JDK %s, services started from %s%n",
          Runtime.version(), classData(processes.get(LocalService.API)));
      awaitDrained(stack.env());
      awaitIdleMachine();
      startedAlone(stack, state);
    }
  }

  /**
   * Each service killed and started again while the rest of the stack idles: its time to ready
   * alone (launch until {@code /q/health/ready} answers 200, polled every 100 ms), the CPU its JVM
   * had used by then, and what Quarkus reports: the figure a rolling update or a rescheduled pod
   * sees. Median of {@link #RESTARTS}. Then one more start of each, profiled ({@link
   * StartProfile}).
   */
  private static void startedAlone(LocalStack stack, Path state) throws Exception {
    System.out.printf(
        "%n| service, started alone | JVM options added | time to ready (s), median of %d | CPU"
            + " at ready (s) | CPU / wall | every start (s) |%n|---|---|---:|---:|---:|---|%n",
        RESTARTS);
    for (LocalService service : LocalService.values()) {
      Map<String, List<double[]>> runs = new LinkedHashMap<>();
      for (int i = 0; i < RESTARTS; i++) {
        for (String variant : VARIANTS) { // in alternation: the machine's drift hits each alike
          stack.kill(service);
          long begun = System.nanoTime();
          stack.restart(service, variant.isBlank() ? List.of() : List.of(variant.split(" ")));
          double wall = (System.nanoTime() - begun) / 1e9;
          runs.computeIfAbsent(variant, v -> new ArrayList<>())
              .add(new double[] {wall, StartProfile.cpuSeconds(stack.process(service))});
        }
      }
      runs.forEach(
          (variant, times) -> {
            times.sort(Comparator.comparingDouble(r -> r[0]));
            double[] median = times.get(times.size() / 2);
            System.out.printf(
                "| %s | %s | %.2f | %.2f | %.2f | %s |%n",
                service.module(),
                variant.isBlank() ? "none" : "`" + variant + "`",
                median[0],
                median[1],
                median[1] / median[0],
                times.stream()
                    .map(r -> String.format("%.2f", r[0]))
                    .collect(Collectors.joining(", ")));
          });
    }
    for (LocalService service : LocalService.values()) {
      profiledStart(stack, state, service); // ends with the service on its own options again
    }
  }

  /**
   * One more start with Quarkus's step timing and native memory tracking on: the longest recorded
   * steps, CPU by thread group when ready, and the JVM's memory by category after 10 s idle.
   */
  private static void profiledStart(LocalStack stack, Path state, LocalService service)
      throws Exception {
    Path log = state.resolve("logs").resolve(service.logName() + ".log");
    stack.kill(service);
    long offset = Files.size(log);
    long begun = System.nanoTime();
    stack.restart(service, StartProfile.JVM_OPTIONS);
    double wall = (System.nanoTime() - begun) / 1e9;
    ProcessHandle process = stack.process(service);
    Map<String, Double> cpu = StartProfile.cpuByThreads(process);
    List<StartProfile.Step> steps = StartProfile.steps(log, offset);
    System.out.printf(
        "%nprofiled start of %s: ready in %.2f s; CPU at ready by threads (s): %s%n",
        service.module(), wall, cpu);
    System.out.printf(
        "  recorded steps: %d, %d ms in all; longest:%n",
        steps.size(), steps.stream().mapToLong(StartProfile.Step::millis).sum());
    steps.stream()
        .limit(10)
        .forEach(s -> System.out.printf("    %5d ms  %s%n", s.millis(), s.name()));
    awaitQuiet(Duration.ofSeconds(10));
    Map<String, Long> resident = StartProfile.residentKib(process);
    StringBuilder nmt = new StringBuilder();
    StartProfile.nativeMemoryKib(process)
        .forEach(
            (category, kib) -> {
              if (kib >= 1024) { // the categories of a MiB or more
                nmt.append(String.format(" %s %.0f,", category, kib / 1024.0));
              }
            });
    System.out.printf(
        "  idle after 10 s (MiB): VmRSS %.0f (anon %.0f, file %.0f); committed (native memory"
            + " tracking):%s%n",
        resident.getOrDefault("VmRSS", 0L) / 1024.0,
        resident.getOrDefault("RssAnon", 0L) / 1024.0,
        resident.getOrDefault("RssFile", 0L) / 1024.0,
        nmt);
    stack.kill(service);
    stack.restart(service); // back to its own options for whatever runs next
  }

  /** None first, then each of "A|B|..." (JVM options split at spaces when used). */
  private static List<String> variants(String property) {
    List<String> all = new ArrayList<>(List.of(""));
    if (property != null && !property.isBlank()) {
      all.addAll(List.of(property.split("\\|")));
    }
    return List.copyOf(all);
  }

  /** Until the worker has finished every operation the load queued: "alone" means idle peers. */
  private static void awaitDrained(Map<String, String> env) {
    await("worker drained")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              try (Connection c = StackDatabase.connect(env);
                  ResultSet rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT count(*) FROM operations"
                                  + " WHERE status IN ('QUEUED', 'RUNNING')")) {
                return rs.next() && rs.getLong(1) == 0;
              }
            });
  }

  /**
   * Until the whole machine was below 15 % busy over 2 s (at most 2 minutes): after the load the
   * database's autovacuum and the stack's own catching up would otherwise land on the first
   * restarts (the same start measured 1.0 s once and 1.6 s the next, its CPU 1.4 and 2.8 s).
   */
  private static void awaitIdleMachine() {
    double[] last = {
      ProcessCpu.snapshot().getOrDefault(ProcessCpu.MACHINE, 0.0), System.nanoTime()
    };
    double[] busy = {1};
    try {
      await("machine idle")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                double cpu = ProcessCpu.snapshot().getOrDefault(ProcessCpu.MACHINE, 0.0);
                double wallMs = (System.nanoTime() - last[1]) / 1e6;
                busy[0] = (cpu - last[0]) / (wallMs * Runtime.getRuntime().availableProcessors());
                last[0] = cpu;
                last[1] = System.nanoTime();
                return busy[0] < 0.15;
              });
    } catch (ConditionTimeoutException e) {
      System.out.printf(
          "machine still %.0f %% busy after 2 minutes: restarting anyway%n", busy[0] * 100);
    }
    System.out.printf("machine busy before the restarts: %.0f %%%n", busy[0] * 100);
  }

  /** The child process running the service's packaged jar. */
  private static ProcessHandle serviceProcess(LocalService service) {
    Path directory = Path.of(service.module(), "target", "quarkus-app");
    return ProcessHandle.current()
        .descendants()
        .filter(p -> workingDirectory(p).endsWith(directory))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no process for " + service));
  }

  /** Where the process runs: the local stack starts each service in its jar's directory. */
  private static Path workingDirectory(ProcessHandle process) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
    } catch (Exception e) {
      return Path.of("/");
    }
  }

  private static long rssKib(ProcessHandle process) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // the process ended; report nothing rather than fail the sampler
    }
    return 0;
  }

  /** Every start time Quarkus logged for the service, oldest first, from the stack's log. */
  private static List<String> startTimes(Path state, LocalService service) {
    List<String> starts = new ArrayList<>();
    try {
      Path log = state.resolve("logs").resolve(service.logName() + ".log");
      Matcher m = STARTED.matcher(Files.readString(log));
      while (m.find()) {
        starts.add(m.group(1));
      }
    } catch (Exception e) {
      // no log yet: reported as "?"
    }
    return starts;
  }

  /** An idle period to measure (the services' own timers still run), not a wait for a condition. */
  private static void awaitQuiet(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  /** Closed-loop creates for LOAD_SECONDS; returns how many were accepted. */
  private static long load(Map<String, String> env) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI tenants = URI.create(env.get("SLIPWAY_API_URL") + "/v1/tenants");
    String token = env.get("SLIPWAY_ADMIN_TOKEN");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
    AtomicLong accepted = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new java.util.ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  String slug =
                      "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
                  HttpRequest request =
                      HttpRequest.newBuilder(tenants)
                          .header("Authorization", "Bearer " + token)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\"}"))
                          .build();
                  if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
                      == 202) {
                    accepted.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return accepted.get();
  }

  /** What the service's JVM starts from: ./slipway aot's cache on JDK 25, else the CDS archive. */
  private static String classData(ProcessHandle process) {
    String[] args = process.info().arguments().orElse(new String[0]);
    for (String arg : args) {
      if (arg.startsWith("-XX:AOTCache=")) {
        return "the AOT cache (app.aot)";
      }
      if (arg.startsWith("-XX:SharedArchiveFile=")) {
        return "the AppCDS archive (app-cds.jsa)";
      }
    }
    return "no class-data archive";
  }
}
