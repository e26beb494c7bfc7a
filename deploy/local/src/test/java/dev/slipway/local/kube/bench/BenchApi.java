package dev.slipway.local.kube.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The three measured calls, through the fabric8 client or through a bare JDK HTTP client. */
interface BenchApi {

  void create(int i);

  void get(int i);

  /** Lists one label group, or everything when {@code group} is null; returns the item count. */
  int list(String group);

  static BenchApi fabric8(KubernetesClient client) {
    return new BenchApi() {
      public void create(int i) {
        client.resource(BenchObjects.deployment(i)).create();
      }

      public void get(int i) {
        client
            .apps()
            .deployments()
            .inNamespace(BenchObjects.NAMESPACE)
            .withName(BenchObjects.name(i))
            .get();
      }

      public int list(String group) {
        var deployments = client.apps().deployments().inNamespace(BenchObjects.NAMESPACE);
        return (group == null ? deployments.list() : deployments.withLabel("group", group).list())
            .getItems()
            .size();
      }
    };
  }

  /**
   * Pre-serialized JSON over {@link HttpClient}: shows what the server sustains when the client
   * does not parse or build model objects.
   */
  static BenchApi raw(String url) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String collection = url + "/apis/apps/v1/namespaces/" + BenchObjects.NAMESPACE + "/deployments";
    return new BenchApi() {
      public void create(int i) {
        byte[] body = Serialization.asJson(BenchObjects.deployment(i)).getBytes();
        send(
            HttpRequest.newBuilder(URI.create(collection))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
            201);
      }

      public void get(int i) {
        send(
            HttpRequest.newBuilder(URI.create(collection + "/" + BenchObjects.name(i))).GET(), 200);
      }

      public int list(String group) {
        String query = group == null ? "" : "?labelSelector=group%3D" + group;
        return send(HttpRequest.newBuilder(URI.create(collection + query)).GET(), 200).length;
      }

      private byte[] send(HttpRequest.Builder request, int expected) {
        try {
          HttpResponse<byte[]> response =
              http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
          if (response.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + response.statusCode());
          }
          return response.body();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
