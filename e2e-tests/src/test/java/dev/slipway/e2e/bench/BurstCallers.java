package dev.slipway.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates a burst of tenants as several API callers at once (one token each, so each has its own
 * per-caller write limit), each over a few connections that send their next create as soon as the
 * previous one is answered. A 429 or 503 is sent again after its Retry-After, as a well-behaved
 * client does; those answers are counted.
 */
final class BurstCallers {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  private final String apiUrl;
  private final List<String> tokens;
  private final int lanesPerCaller;
  final AtomicInteger refused = new AtomicInteger();

  BurstCallers(String apiUrl, List<String> tokens, int lanesPerCaller) {
    this.apiUrl = apiUrl;
    this.tokens = tokens;
    this.lanesPerCaller = lanesPerCaller;
  }

  /** Creates {@code slugs}, spread over the callers and their lanes; returns when all are 202. */
  void create(List<String> slugs) {
    int lanes = tokens.size() * lanesPerCaller;
    CompletableFuture<?>[] done = new CompletableFuture<?>[lanes];
    for (int lane = 0; lane < lanes; lane++) {
      done[lane] = lane(tokens.get(lane % tokens.size()), slugs, lane, lanes);
    }
    CompletableFuture.allOf(done).join();
  }

  /** Every {@code step}-th slug from {@code index}, one after the other. */
  private CompletableFuture<Void> lane(String token, List<String> slugs, int index, int step) {
    if (index >= slugs.size()) {
      return CompletableFuture.completedFuture(null);
    }
    return post(token, slugs.get(index)).thenCompose(v -> lane(token, slugs, index + step, step));
  }

  private CompletableFuture<Void> post(String token, String slug) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiUrl + "/v1/tenants"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\"}"))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenCompose(
            response -> {
              int status = response.statusCode();
              if (status == 202) {
                return CompletableFuture.completedFuture(null);
              }
              if (status != 429 && status != 503) {
                throw new IllegalStateException("create " + slug + " answered " + status);
              }
              refused.incrementAndGet();
              long seconds =
                  response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
              CompletableFuture<Void> again = new CompletableFuture<>();
              retries.schedule(
                  () -> post(token, slug).whenComplete((v, e) -> complete(again, e)),
                  seconds,
                  TimeUnit.SECONDS);
              return again;
            });
  }

  private static void complete(CompletableFuture<Void> future, Throwable error) {
    if (error == null) {
      future.complete(null);
    } else {
      future.completeExceptionally(error);
    }
  }

  void close() {
    retries.shutdownNow();
  }
}
