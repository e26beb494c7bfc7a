package dev.slipway.worker.apply;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One server-side apply (field manager {@link GatewayDefaults#FIELD_MANAGER}, forced) that also
 * reports the API server's status code: 201 when the apply created the object, 200 otherwise.
 * fabric8's {@code serverSideApply()} returns only the object, so this sends the same PATCH itself
 * ({@link KubeHttp}: the fabric8 client's own HTTP client, errors raised as fabric8 raises them).
 */
@ApplicationScoped
class ServerSideApply {
  static final String CONTENT_TYPE = "application/apply-patch+yaml"; // JSON is valid YAML
  private static final String QUERY =
      "?fieldManager="
          + URLEncoder.encode(GatewayDefaults.FIELD_MANAGER, StandardCharsets.UTF_8)
          + "&force=true";

  /** The answer: the status code and the object as the API server stored it. */
  record Response(int code, HasMetadata object) {
    boolean created() {
      return code == 201;
    }
  }

  static final String SPAN_NAME = "kubernetes apply";

  private final KubeHttp http;
  private final Tracer tracer;

  ServerSideApply(KubeHttp http, Tracer tracer) {
    this.http = http;
    this.tracer = tracer;
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
    HttpRequest request =
        http.request(url(desired))
            .patch(CONTENT_TYPE, http.serialization().asJson(desired))
            .build();
    HttpResponse<String> response = http.send(request, "PATCH");
    return new Response(
        response.code(), http.serialization().unmarshal(response.body(), desired.getClass()));
  }

  /** The object's own URL: {@code /api/v1/...} for the core group, {@code /apis/<group>/...}. */
  String url(HasMetadata desired) {
    return http.collectionUrl(desired) + "/" + desired.getMetadata().getName() + QUERY;
  }
}
