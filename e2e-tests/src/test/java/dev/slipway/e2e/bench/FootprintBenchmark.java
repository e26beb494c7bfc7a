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
        processes.put(service, stack.process(service));
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
      StartsAlone.awaitIdleMachine();
      StartsAlone.measure(stack, state);
    }
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

  private static long rssKib(ProcessHandle process) {
    return StartProfile.residentKib(process).getOrDefault("VmRSS", 0L); // 0: the process ended
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
  static void awaitQuiet(Duration duration) throws InterruptedException {
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
