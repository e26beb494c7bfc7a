package dev.slipway.common.render;

/**
 * Cluster-wide inputs of rendering that are not part of a tenant: where tenants live and how they
 * are exposed. Comes from configuration of the service that renders.
 *
 * @param namespace namespace holding every tenant's objects
 * @param domain parent domain; a tenant is served at {@code {slug}.{domain}}
 * @param image gateway container image
 * @param ingressClassName ingress class of the tenant Ingress
 * @param clusterIssuer cert-manager ClusterIssuer issuing the tenant certificate
 */
public record RenderSettings(
    String namespace, String domain, String image, String ingressClassName, String clusterIssuer) {

  public RenderSettings {
    requireText(namespace, "namespace");
    requireText(domain, "domain");
    requireText(image, "image");
    requireText(ingressClassName, "ingressClassName");
    requireText(clusterIssuer, "clusterIssuer");
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
