package dev.slipway.common.render;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Slugs;
import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
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
   * replicas; deciding to delete is the caller's job. An OFFLINE tenant (soft-deleted or suspended)
   * has zero replicas and its Ingress among the absent objects: it must not be reachable.
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
    boolean routed = tenant.desiredState() != DesiredState.OFFLINE;
    var ingress = IngressRenderer.render(tenant, settings);
    List<HasMetadata> absent = new ArrayList<>();
    if (!autoscaled) {
      absent.add(AutoscalerRenderer.reference(tenant, settings));
    }
    if (!routed) {
      absent.add(ingress);
    }
    return new DesiredObjects(
        SecretRenderer.render(tenant, settings),
        DeploymentRenderer.render(tenant, settings),
        ServiceRenderer.render(tenant, settings),
        ingress,
        autoscaled ? Optional.of(AutoscalerRenderer.render(tenant, settings)) : Optional.empty(),
        absent,
        routed);
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
