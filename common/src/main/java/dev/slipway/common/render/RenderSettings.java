package dev.slipway.common.render;

import dev.slipway.common.model.TenantSpec;
import java.util.Objects;

/**
 * Cluster-wide inputs of rendering that are not part of a tenant: where tenants live and how they
 * are exposed. Comes from configuration of the service that renders.
 *
 * @param namespace the default namespace: holds the objects of a tenant that names none of its own
 *     ({@link TenantSpec#namespace()} null); with namespace sharding every stored tenant names one
 * @param domain parent domain; a tenant is served at {@code {slug}.{domain}}
 * @param image gateway container image
 * @param ingressClassName ingress class of the tenant Ingress
 * @param clusterIssuer cert-manager ClusterIssuer issuing the tenant certificate (nginx profile)
 * @param ingressProfile which ingress controller the Ingress is written for
 * @param streamTimeoutSeconds how long an idle WebSocket or event stream stays open
 * @param albGroupName IngressGroup sharing one ALB between tenants (alb profile)
 */
public record RenderSettings(
    String namespace,
    String domain,
    String image,
    String ingressClassName,
    String clusterIssuer,
    IngressProfile ingressProfile,
    int streamTimeoutSeconds,
    String albGroupName) {

  /** One hour: long enough for idle streams, short enough to shed dead connections. */
  public static final int DEFAULT_STREAM_TIMEOUT_SECONDS = 3600;

  public static final String DEFAULT_ALB_GROUP = "slipway-tenants";

  public RenderSettings {
    requireText(namespace, "namespace");
    requireText(domain, "domain");
    requireText(image, "image");
    requireText(ingressClassName, "ingressClassName");
    requireText(clusterIssuer, "clusterIssuer");
    Objects.requireNonNull(ingressProfile, "ingressProfile");
    // The ALB idle timeout accepts 1..4000 s; nginx accepts more, but one bound for both is
    // simpler.
    if (streamTimeoutSeconds < 1 || streamTimeoutSeconds > 4000) {
      throw new IllegalArgumentException("streamTimeoutSeconds must be in 1..4000");
    }
    requireText(albGroupName, "albGroupName");
  }

  /** The nginx profile with the default stream timeout. */
  public RenderSettings(
      String namespace,
      String domain,
      String image,
      String ingressClassName,
      String clusterIssuer) {
    this(
        namespace,
        domain,
        image,
        ingressClassName,
        clusterIssuer,
        IngressProfile.NGINX,
        DEFAULT_STREAM_TIMEOUT_SECONDS,
        DEFAULT_ALB_GROUP);
  }

  /** The namespace the tenant's objects are rendered into: its own, else the default. */
  public String namespaceOf(TenantSpec tenant) {
    return tenant.namespace() == null ? namespace : tenant.namespace();
  }

  /** Values matching the seed manifests, with a neutral domain; for tests and local runs. */
  public static RenderSettings defaults() {
    return new RenderSettings(
        "tenants", "example.com", "ghcr.io/slipway/gateway:1.0.0", "nginx", "letsencrypt");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
