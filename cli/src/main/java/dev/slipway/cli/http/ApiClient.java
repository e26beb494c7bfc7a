package dev.slipway.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The tool's only way to the system: the public HTTP API with a bearer token. Every write carries
 * an Idempotency-Key, so the retries of a 429 or 503 (which api-service answers with Retry-After)
 * can never apply a change twice.
 */
public final class ApiClient {
  static final int RETRIES = 2;
  private final HttpClient http;
  private final URI base;
  private final String token;
  private final Duration timeout;
  private final ObjectMapper json;

  public ApiClient(URI base, String token, Duration timeout, ObjectMapper json) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1);
    this.http =
        ("http".equalsIgnoreCase(base.getScheme()) ? PlainHttp.withoutTls(builder) : builder)
            .build();
    this.base = base;
    this.token = token;
    this.timeout = timeout;
    this.json = json;
  }

  public ApiResponse get(String path, Map<String, ?> query) {
    return send("GET", path + query(query), null, Map.of());
  }

  /** POST, PATCH or DELETE; {@code idempotencyKey} null draws a fresh one for this invocation. */
  public ApiResponse write(
      String method, String path, Object body, String contentType, Map<String, String> headers) {
    var all = new java.util.HashMap<>(headers);
    all.putIfAbsent("Idempotency-Key", UUID.randomUUID().toString());
    if (body != null) {
      all.put("Content-Type", contentType);
    }
    return send(method, path, body, all);
  }

  private ApiResponse send(String method, String path, Object body, Map<String, String> headers) {
    URI uri = base.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    request.method(method, publisher(body));
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = exchange(request.build(), uri);
      int status = response.statusCode();
      if ((status == 429 || status == 503) && attempt < RETRIES) {
        RetryAfter.pause(response);
        continue;
      }
      if (status >= 400) {
        throw new ApiError(Problem.parse(status, response.body(), json));
      }
      return new ApiResponse(
          status, response.headers().firstValue("Location"), parse(response.body()));
    }
  }

  private HttpResponse<String> exchange(HttpRequest request, URI uri) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new CliException(
          ExitCodes.UNAVAILABLE, "the API at " + base + " did not answer within " + timeout);
    } catch (ConnectException e) {
      throw new CliException(
          ExitCodes.UNAVAILABLE,
          "cannot reach the API at "
              + base
              + " (connection refused). Is it running? Locally: ./slipway up");
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.UNAVAILABLE, "cannot reach the API at " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.UNAVAILABLE, "interrupted while calling " + uri);
    }
  }

  private HttpRequest.BodyPublisher publisher(Object body) {
    if (body == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.UNAVAILABLE, "the API answered something that is not JSON: " + e.getMessage());
    }
  }

  static String query(Map<String, ?> params) {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach(
        (k, v) -> {
          for (Object one :
              v instanceof Iterable<?> many ? many : java.util.Collections.singletonList(v)) {
            if (one != null && !one.toString().isEmpty()) {
              q.add(k + "=" + URLEncoder.encode(one.toString(), StandardCharsets.UTF_8));
            }
          }
        });
    return q.toString();
  }
}
