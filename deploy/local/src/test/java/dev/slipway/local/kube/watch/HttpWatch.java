package dev.slipway.local.kube.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.api.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A plain-HTTP watch read line by line in the background, as kubectl reads one. */
public final class HttpWatch implements AutoCloseable {

  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile boolean ended;

  public HttpWatch(String url, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(
        r -> {
          try (Stream<String> lines = r.body()) {
            lines.forEach(line -> events.add(Json.parse(line)));
          } catch (RuntimeException broken) {
            // A dropped connection ends the stream; the test looks at what arrived.
          } finally {
            ended = true;
          }
        });
  }

  public int statusCode() {
    return response.join().statusCode();
  }

  public List<JsonNode> events() {
    return events;
  }

  public List<String> types() {
    return events.stream().map(e -> e.path("type").asText()).toList();
  }

  public boolean ended() {
    return ended;
  }

  /** The names of the objects of events of this type, in order. */
  public List<String> names(String type) {
    return events.stream()
        .filter(e -> type.equals(e.path("type").asText()))
        .map(e -> e.path("object").path("metadata").path("name").asText())
        .toList();
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
  }
}
