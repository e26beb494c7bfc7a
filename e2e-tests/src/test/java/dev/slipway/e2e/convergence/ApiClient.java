package dev.slipway.e2e.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client of the Slipway API, as a customer's would be: a request either gets an answer
 * (any status) or fails with an {@link IOException} (timeout, refused or dropped connection), whose
 * outcome the caller does not know.
 */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String baseUrl;
  private final String token;

  /** An HTTP answer; {@code replayed}: the API sent a stored response for a retried key. */
  record Answer(int status, JsonNode body, boolean replayed) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** A definite refusal: the request took no effect. 5xx is not: it may have committed. */
    boolean refused() {
      return status >= 400 && status < 500;
    }
  }

  ApiClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  Answer get(String path) throws IOException {
    return send("GET", path, null, null);
  }

  /**
   * @param body JSON text or null
   * @param idempotencyKey null for none
   */
  Answer send(String method, String path, String body, String idempotencyKey) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : parse(text);
      boolean replayed = response.headers().firstValue("Idempotent-Replayed").isPresent();
      return new Answer(response.statusCode(), json, replayed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted: " + method + " " + path);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
