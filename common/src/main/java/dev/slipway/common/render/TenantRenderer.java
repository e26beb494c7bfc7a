package dev.slipway.common.render;

import dev.slipway.common.model.Slugs;
import dev.slipway.common.model.TenantSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a tenant's desired Kubernetes objects. A pure function: the same tenant and settings
 * always give equal objects, so callers can re-apply freely and compare with what they observe.
 */
public final class TenantRenderer {
  private TenantRenderer() {}

  /**
   * Renders the Secret, Deployment, Service and Ingress of a tenant, and its autoscaler when it
   * runs on an autoscaling plan. A STOPPED or DELETED tenant still renders the four, with zero
   * replicas; deciding to delete is the caller's job.
   *
   * @throws IllegalArgumentException if the slug is not a valid tenant slug
   */
  public static DesiredObjects render(TenantSpec tenant, RenderSettings settings) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(settings, "settings");
    // TenantSpec does not check its slug; a bad one would only fail at the API server, mid-apply.
    Slugs.problem(tenant.slug())
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem + ": " + tenant.slug());
            });
    boolean autoscaled = tenant.autoscaledNow();
    return new DesiredObjects(
        SecretRenderer.render(tenant, settings),
        DeploymentRenderer.render(tenant, settings),
        ServiceRenderer.render(tenant, settings),
        IngressRenderer.render(tenant, settings),
        autoscaled ? Optional.of(AutoscalerRenderer.render(tenant, settings)) : Optional.empty(),
        autoscaled ? List.of() : List.of(AutoscalerRenderer.reference(tenant, settings)));
  }

  /** Host name a tenant is served at: {@code {slug}.{domain}}. */
  public static String host(String slug, String domain) {
    return slug + "." + domain;
  }

  /** WebSocket URL clients use to reach a tenant's gateway. */
  public static String gatewayUrl(String slug, String domain) {
    return "wss://" + host(slug, domain);
  }
}
