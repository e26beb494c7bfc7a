package dev.slipway.e2e.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The tenants of a fleet benchmark on the local stack: created and changed through the API by a few
 * concurrent callers, and watched converge in the database (the worker's own writes).
 */
final class BenchFleet {
  private final Map<String, String> env;
  private final Connection db;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final String prefix;
  final List<String> slugs = new ArrayList<>();

  BenchFleet(Map<String, String> env, Connection db, String prefix, int size) {
    this.env = env;
    this.db = db;
    this.prefix = prefix;
    for (int i = 0; i < size; i++) {
      slugs.add(prefix + "-" + i);
    }
  }

  /** Creates every tenant ({@code callers} at once) and waits until all run. */
  void create(int callers) throws Exception {
    each(callers, slug -> send("POST", "/v1/tenants", "{\"slug\":\"" + slug + "\"}", 202));
    awaitRunning(null, Duration.ofMinutes(10));
  }

  /** PATCHes every tenant to {@code image}, {@code callers} at once, in slug order per caller. */
  void patchAll(String image, int callers) throws Exception {
    each(
        callers,
        slug -> send("PATCH", "/v1/tenants/" + slug, "{\"imageVersion\":\"" + image + "\"}", 202));
  }

  /** Sends a request, expecting {@code status}; returns the body. */
  String send(String method, String path, String body, int status) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(env.get("SLIPWAY_API_URL") + path))
            .header("Authorization", "Bearer " + env.get("SLIPWAY_ADMIN_TOKEN"))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != status) {
        throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + r.body());
      }
      return r.body();
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  private void each(int callers, java.util.function.Consumer<String> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        done.add(
            pool.submit(
                () -> {
                  for (int i = caller; i < slugs.size(); i += callers) {
                    call.accept(slugs.get(i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Waits until every tenant runs at its current generation with a ready replica (on {@code image},
   * when not null) and returns the time of the last such write, epoch milliseconds.
   */
  double awaitRunning(String image, Duration atMost) {
    String sql =
        "SELECT count(*) FILTER (WHERE phase = 'RUNNING' AND ready_replicas >= 1"
            + " AND observed_generation >= generation AND (?::text IS NULL OR image_version = ?)),"
            + " count(*), extract(epoch FROM max(status_updated_at)) * 1000"
            + " FROM tenants WHERE slug LIKE ? AND deleted_at IS NULL";
    double[] last = new double[1];
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setString(1, image);
                s.setString(2, image);
                s.setString(3, prefix + "-%");
                try (ResultSet rs = s.executeQuery()) {
                  rs.next();
                  last[0] = rs.getDouble(3);
                  return rs.getLong(1) == slugs.size() && rs.getLong(2) == slugs.size();
                }
              }
            });
    return last[0];
  }

  /** The database's clock, epoch milliseconds: every figure is measured on it. */
  double now() throws Exception {
    return number("SELECT extract(epoch FROM clock_timestamp()) * 1000");
  }

  double number(String sql, Object... args) throws Exception {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }
}
