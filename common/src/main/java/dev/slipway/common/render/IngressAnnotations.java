package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.ANNOTATION_CLUSTER_ISSUER;

import java.util.LinkedHashMap;
import java.util.Map;

/** Controller-specific Ingress annotations of each {@link IngressProfile}. */
final class IngressAnnotations {
  private static final String NGINX = "nginx.ingress.kubernetes.io/";
  private static final String ALB = "alb.ingress.kubernetes.io/";

  private IngressAnnotations() {}

  static Map<String, String> of(RenderSettings settings) {
    String timeout = Integer.toString(settings.streamTimeoutSeconds());
    Map<String, String> annotations = new LinkedHashMap<>();
    switch (settings.ingressProfile()) {
      case NGINX -> {
        annotations.put(ANNOTATION_CLUSTER_ISSUER, settings.clusterIssuer());
        annotations.put(NGINX + "proxy-read-timeout", timeout);
        annotations.put(NGINX + "proxy-send-timeout", timeout);
        // Server-sent events must reach the client as written, not when a buffer fills.
        annotations.put(NGINX + "proxy-buffering", "off");
      }
      case ALB -> {
        annotations.put(ALB + "scheme", "internet-facing");
        // Pod IPs as targets: no NodePort hop, and the ALB sees pod readiness directly.
        annotations.put(ALB + "target-type", "ip");
        // One ALB for every tenant: an ALB per tenant would cost more than the tenant's pods.
        annotations.put(ALB + "group.name", settings.albGroupName());
        annotations.put(ALB + "listen-ports", "[{\"HTTPS\":443}]");
        annotations.put(
            ALB + "load-balancer-attributes", "idle_timeout.timeout_seconds=" + timeout);
        annotations.put(ALB + "healthcheck-path", GatewayDefaults.PROBE_PATH);
      }
    }
    return annotations;
  }
}
