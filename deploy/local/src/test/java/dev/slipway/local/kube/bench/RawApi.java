package dev.slipway.local.kube.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * {@link BenchApi} over the JDK {@link HttpClient} with JSON made by text substitution: shows what
 * the server sustains when the client neither builds nor parses model objects.
 */
final class RawApi implements BenchApi {

  private static final String RESOURCE_VERSION = "\"resourceVersion\":\"";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String collection;

  RawApi(String url) {
    this.collection = url + "/apis/apps/v1/namespaces/" + BenchObjects.NAMESPACE + "/deployments";
  }

  public String create(int i) {
    return version(send(request("").POST(body(BenchObjects.json(i, 1))), 201));
  }

  public String replace(int i, int revision, String resourceVersion) {
    String json =
        BenchObjects.json(i, revision)
            .replaceFirst(
                "\"metadata\":\\{", "\"metadata\":{" + RESOURCE_VERSION + resourceVersion + "\",");
    return version(send(request("/" + BenchObjects.name(i)).PUT(body(json)), 200));
  }

  public String patch(int i, int revision) {
    HttpRequest.Builder request =
        request("/" + BenchObjects.name(i))
            .setHeader("Content-Type", "application/merge-patch+json")
            .method("PATCH", body(BenchObjects.annotationPatch(revision)));
    return version(send(request, 200));
  }

  public String apply(int i, int revision) {
    HttpRequest.Builder request =
        request("/" + BenchObjects.name(i) + "?fieldManager=slipway&force=true")
            .setHeader("Content-Type", "application/apply-patch+yaml")
            .method("PATCH", body(BenchObjects.json(i, revision)));
    return version(send(request, 200));
  }

  public void delete(int i) {
    send(request("/" + BenchObjects.name(i)).DELETE(), 200);
  }

  public void get(int i) {
    send(request("/" + BenchObjects.name(i)).GET(), 200);
  }

  public int list(String group) {
    String query = group == null ? "" : "?labelSelector=group%3D" + group;
    return send(request(query).GET(), 200).length;
  }

  private HttpRequest.Builder request(String suffix) {
    return HttpRequest.newBuilder(URI.create(collection + suffix))
        .header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            "HTTP "
                + response.statusCode()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The object's resourceVersion, found in the response text without parsing it. */
  private static String version(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int start = text.indexOf(RESOURCE_VERSION) + RESOURCE_VERSION.length();
    return text.substring(start, text.indexOf('"', start));
  }
}
