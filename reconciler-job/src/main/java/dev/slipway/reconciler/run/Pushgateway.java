package dev.slipway.reconciler.run;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Pushes the metrics of a run-once pass to a Prometheus Pushgateway: a CronJob's process is gone
 * before Prometheus would scrape it. A plain HTTP PUT of the text exposition (PUT replaces the
 * job's group, so stale series of an earlier run do not linger); no client library needed.
 */
@ApplicationScoped
public class Pushgateway {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final PrometheusMeterRegistry registry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  Pushgateway(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** PUT {@code {base}/metrics/job/{job}}; returns the HTTP status. */
  public int push(URI base, String job) throws IOException, InterruptedException {
    String path = "/metrics/job/" + URLEncoder.encode(job, StandardCharsets.UTF_8);
    URI target = URI.create(base.toString().replaceAll("/+$", "") + path);
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .PUT(HttpRequest.BodyPublishers.ofString(registry.scrape()))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 != 2) {
      throw new IOException("pushgateway " + target + " answered " + status);
    }
    return status;
  }
}
