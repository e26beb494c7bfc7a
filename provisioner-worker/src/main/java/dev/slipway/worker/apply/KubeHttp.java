package dev.slipway.worker.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The requests the applier sends itself rather than through fabric8's typed DSL, because it needs
 * what the DSL hides (an apply's status code, a collection delete's list of deleted objects). They
 * go through the fabric8 client's own HTTP client: same credentials, TLS, request timeout and
 * in-client retries of 5xx/429. A failure becomes the {@link KubernetesClientException} fabric8
 * raises, with the status code and the API server's Status, so failures are classified as before.
 */
@ApplicationScoped
class KubeHttp {
  private static final int MAX_MESSAGE = 300;

  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final String apiRoot;

  KubeHttp(KubernetesClient client) {
    this.client = client;
    this.serialization = client.getKubernetesSerialization();
    String master = client.getMasterUrl().toString();
    this.apiRoot = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
  }

  KubernetesSerialization serialization() {
    return serialization;
  }

  HttpRequest.Builder request(String url) {
    return client
        .getHttpClient()
        .newHttpRequestBuilder()
        .uri(url)
        .header("Accept", "application/json")
        .timeout(client.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS);
  }

  /**
   * The URL of the collection {@code object}'s kind lives in, in its namespace: {@code
   * /api/v1/namespaces/{ns}/{plural}} for the core group, {@code /apis/{group}/{version}/...}.
   */
  String collectionUrl(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    String namespace = object.getMetadata().getNamespace();
    if (namespace == null) {
      namespace = client.getNamespace();
    }
    return apiRoot
        + (apiVersion.contains("/") ? "/apis/" : "/api/")
        + apiVersion
        + "/namespaces/"
        + namespace
        + "/"
        + HasMetadata.getPlural(object.getClass());
  }

  /** Sends the request; an error answer raises what fabric8 raises ({@code verb} names it). */
  HttpResponse<String> send(HttpRequest request, String verb) {
    HttpClient http = client.getHttpClient();
    var future = http.sendAsync(request, String.class);
    HttpResponse<String> response;
    try {
      response = future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted during " + verb, e);
    } catch (ExecutionException e) {
      throw KubernetesClientException.launderThrowable(e.getCause());
    }
    if (!response.isSuccessful()) {
      throw failure(verb, request, response);
    }
    return response;
  }

  /** The exception fabric8 raises for an error answer: the code, and the Status the server sent. */
  private KubernetesClientException failure(
      String verb, HttpRequest request, HttpResponse<String> response) {
    Status status = status(response);
    return new KubernetesClientException(
        "Failure executing: %s at: %s. Message: %s."
            .formatted(verb, request.uri(), status.getMessage()),
        null,
        response.code(),
        status,
        request);
  }

  private Status status(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    Status status = null;
    try {
      status = serialization.unmarshal(body, Status.class);
    } catch (RuntimeException notAStatus) {
      // e.g. an HTML page from a proxy in front of the API server: keep its start as the message
    }
    if (status == null || status.getMessage() == null) {
      status = new Status();
      status.setMessage(body.length() > MAX_MESSAGE ? body.substring(0, MAX_MESSAGE) : body);
    }
    status.setCode(response.code()); // what the server answered, whatever the body claims
    return status;
  }
}
