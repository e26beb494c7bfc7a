package dev.slipway.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  @Test
  void waitsAsAskedButNeverLongerThanTheCap() {
    assertEquals(Duration.ofSeconds(1), RetryAfter.of(response(null)));
    assertEquals(Duration.ofSeconds(3), RetryAfter.of(response("3")));
    assertEquals(RetryAfter.MAX, RetryAfter.of(response("120")));
    assertEquals(Duration.ofSeconds(1), RetryAfter.of(response("Wed, 21 Oct 2026 07:28:00 GMT")));
  }

  private static HttpResponse<String> response(String retryAfter) {
    HttpHeaders headers =
        HttpHeaders.of(
            retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)),
            (k, v) -> true);
    return new HttpResponse<>() {
      public int statusCode() {
        return 503;
      }

      public HttpRequest request() {
        return null;
      }

      public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
      }

      public HttpHeaders headers() {
        return headers;
      }

      public String body() {
        return "";
      }

      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      public URI uri() {
        return URI.create("http://localhost/");
      }

      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }
}
