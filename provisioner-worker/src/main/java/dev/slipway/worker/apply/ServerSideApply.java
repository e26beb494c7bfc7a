package dev.slipway.worker.apply;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One server-side apply (field manager {@link GatewayDefaults#FIELD_MANAGER}, forced) that also
 * reports the API server's status code: 201 when the apply created the object, 200 otherwise.
 * fabric8's {@code serverSideApply()} returns only the object, so this sends the same PATCH through
 * the fabric8 client's own HTTP client: same credentials, TLS, request timeout and in-client
 * retries of 5xx/429. A failure becomes the {@link KubernetesClientException} fabric8 raises, with
 * the status code and the API server's Status, so failures are classified exactly as before.
 */
@ApplicationScoped
class ServerSideApply {
  static final String CONTENT_TYPE = "application/apply-patch+yaml"; // JSON is valid YAML
  private static final String QUERY =
      "?fieldManager="
          + URLEncoder.encode(GatewayDefaults.FIELD_MANAGER, StandardCharsets.UTF_8)
          + "&force=true";
  private static final int MAX_MESSAGE = 300;

  /** The answer: the status code and the object as the API server stored it. */
  record Response(int code, HasMetadata object) {
    boolean created() {
      return code == 201;
    }
  }

  static final String SPAN_NAME = "kubernetes apply";

  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final String apiRoot;
  private final Tracer tracer;

  ServerSideApply(KubernetesClient client, Tracer tracer) {
    this.client = client;
    this.tracer = tracer;
    this.serialization = client.getKubernetesSerialization();
    String master = client.getMasterUrl().toString();
    this.apiRoot = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
  }

  /** The apply, as a span of the command's trace (a child of the current span). */
  Response apply(HasMetadata desired) {
    Span span =
        tracer
            .spanBuilder(SPAN_NAME)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("k8s.object.kind", desired.getKind())
            .setAttribute("k8s.object.name", desired.getMetadata().getName())
            .setAttribute(
                "k8s.namespace.name", String.valueOf(desired.getMetadata().getNamespace()))
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      Response response = send(desired);
      span.setAttribute("http.response.status_code", (long) response.code());
      return response;
    } catch (RuntimeException e) {
      if (e instanceof KubernetesClientException k) {
        span.setAttribute("http.response.status_code", (long) k.getCode());
      }
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  private Response send(HasMetadata desired) {
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(url(desired))
            .patch(CONTENT_TYPE, serialization.asJson(desired))
            .header("Accept", "application/json")
            .timeout(client.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS)
            .build();
    HttpResponse<String> response = await(http, request);
    if (!response.isSuccessful()) {
      throw failure(request, response);
    }
    return new Response(
        response.code(), serialization.unmarshal(response.body(), desired.getClass()));
  }

  /** The object's own URL: {@code /api/v1/...} for the core group, {@code /apis/<group>/...}. */
  String url(HasMetadata desired) {
    String apiVersion = desired.getApiVersion();
    String namespace = desired.getMetadata().getNamespace();
    if (namespace == null) {
      namespace = client.getNamespace();
    }
    return apiRoot
        + (apiVersion.contains("/") ? "/apis/" : "/api/")
        + apiVersion
        + "/namespaces/"
        + namespace
        + "/"
        + HasMetadata.getPlural(desired.getClass())
        + "/"
        + desired.getMetadata().getName()
        + QUERY;
  }

  private static HttpResponse<String> await(HttpClient http, HttpRequest request) {
    var future = http.sendAsync(request, String.class);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while applying", e);
    } catch (ExecutionException e) {
      throw KubernetesClientException.launderThrowable(e.getCause());
    }
  }

  /** The exception fabric8 raises for an error answer: the code, and the Status the server sent. */
  private KubernetesClientException failure(HttpRequest request, HttpResponse<String> response) {
    Status status = status(response);
    return new KubernetesClientException(
        "Failure executing: PATCH at: %s. Message: %s."
            .formatted(request.uri(), status.getMessage()),
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
