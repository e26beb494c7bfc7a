package dev.slipway.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./slipway aot}: a training run that writes each service's JDK 25 AOT cache ({@link
 * StartupCache}). Starts the stack in training mode on free ports, takes one tenant through create,
 * stop and delete (the API's write and read paths, the relay, the worker's apply and status
 * watcher, a few reconcile passes, every metrics scrape), then stops the services, which write
 * their caches as they exit.
 */
public final class AotTrainingMain {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern PHASE = Pattern.compile("\"phase\"\\s*:\\s*\"(\\w+)\"");
  private final HttpClient http = HttpClient.newHttpClient();
  private final String api;
  private final String token;

  private AotTrainingMain(String api, String token) {
    this.api = api;
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    if (!StartupCache.aotCapable()) {
      System.err.printf(
          "JDK %d has no AOT cache (JDK 25 or later: set JAVA_HOME); the services start from the"
              + " AppCDS archive Quarkus wrote at package time.%n",
          Runtime.version().feature());
      System.exit(2);
    }
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path state = Files.createTempDirectory("slipway-aot");
    System.out.println("AOT training run (logs in " + state.resolve("logs") + ")...");
    try (LocalStack stack =
        LocalStack.start(LocalStackOptions.test(root, state).withAotTraining(), false)) {
      var env = stack.env();
      var training =
          new AotTrainingMain(env.get("SLIPWAY_API_URL"), env.get("SLIPWAY_ADMIN_TOKEN"));
      training.exercise();
      for (String service : new String[] {"API", "WORKER", "RECONCILER"}) {
        training.scrape(env.get("SLIPWAY_" + service + "_METRICS_URL"));
      }
      System.out.println("Stopping the services; each writes its cache as it exits...");
    }
    for (LocalService service : LocalService.values()) {
      Path cache =
          root.resolve(service.module())
              .resolve("target/quarkus-app")
              .resolve(StartupCache.AOT_CACHE);
      System.out.printf(
          "  %-18s %s%n",
          service.module(),
          Files.isRegularFile(cache)
              ? Files.size(cache) / (1024 * 1024) + " MiB " + cache
              : "none");
    }
  }

  /** One tenant created, stopped and deleted, each step awaited. */
  private void exercise() throws Exception {
    String slug = "aot-training-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    call("POST", "/v1/tenants", "{\"slug\":\"" + slug + "\",\"plan\":\"small\"}");
    awaitPhase(slug, "RUNNING");
    call("POST", "/v1/tenants/" + slug + "/stop", null);
    awaitPhase(slug, "STOPPED");
    call("DELETE", "/v1/tenants/" + slug, null); // soft delete: offline, restorable
    call("POST", "/v1/tenants/" + slug + "/purge", "{\"confirm\":\"" + slug + "\"}");
    awaitPhase(slug, "DELETED"); // or gone: a deleted tenant's slug may answer 404
  }

  /** One Prometheus scrape: its code path runs every 15 s in production. */
  private void scrape(String metricsUrl) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private void awaitPhase(String slug, String phase) throws Exception {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    String seen = null;
    while (Instant.now().isBefore(deadline)) {
      String body = call("GET", "/v1/tenants/" + slug, null);
      if (body == null) {
        seen = "DELETED";
      } else {
        Matcher m = PHASE.matcher(body);
        seen = m.find() ? m.group(1) : null;
      }
      if (phase.equals(seen)) {
        return;
      }
      LocalStack.pause(Duration.ofMillis(200));
    }
    throw new IllegalStateException(
        slug + " not " + phase + " within " + STEP_TIMEOUT + ": " + seen);
  }

  /** The answer's body; null for a GET answered 404. */
  private String call(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (method.equals("GET") && response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
    }
    return response.body();
  }
}
