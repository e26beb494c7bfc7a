package dev.slipway.shared.fleet;

import dev.slipway.common.model.Namespaces;
import dev.slipway.common.render.IngressProfile;
import dev.slipway.common.render.RenderSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The tenant fleet, under {@code slipway.fleet}: where tenants live and how their objects are
 * rendered. One mapping read by every service that renders or compares tenant objects (worker,
 * reconciler) or places and names tenants (api), so the three cannot disagree: a difference made
 * the reconciler see drift on every tenant and queue repairs for ever.
 *
 * <p>Environment-specific keys (namespaces, domain, image) have no built-in default: a service
 * started in the prod profile without them refuses to start and names the key. The dev and test
 * profiles get values from this module's {@code META-INF/microprofile-config.properties}.
 * Deployments set every key once, in the {@code slipway-fleet} ConfigMap (deploy/k8s/base), which
 * all three services load; docs/configuration.md lists the keys.
 */
@ConfigMapping(prefix = "slipway.fleet")
public interface FleetConfig {

  /** The key named when the namespace list is unusable. */
  String NAMESPACES_KEY = "slipway.fleet.namespaces";

  /**
   * Every tenant namespace, comma-separated, in a fixed order: the first is the default (migration
   * V9 recorded every tenant from before namespace sharding there). The API places each new tenant
   * in the one with the fewest live tenants; the worker applies and watches in each; the reconciler
   * lists each. Keep a namespace here while tenants live in it; to stop placing new tenants there,
   * name it in {@link #closedNamespaces()} instead.
   */
  List<String> namespaces();

  /**
   * Namespaces of {@link #namespaces()} that take no new tenants (a full or retiring shard): the
   * worker and the reconciler still serve the tenants living there. Default: none.
   */
  Optional<List<String>> closedNamespaces();

  /** Parent DNS domain of tenant gateways: a tenant is served at {@code wss://{slug}.{domain}}. */
  String domain();

  /** The gateway container image of every tenant Deployment (pin a tag or digest). */
  String image();

  /**
   * Ingress controller the tenant Ingress is written for: {@code nginx} (ingress-nginx with
   * cert-manager) or {@code alb} (AWS Load Balancer Controller, ACM certificates). Set {@link
   * #ingressClassName()} to match.
   */
  @WithDefault("nginx")
  String ingressProfile();

  /** Ingress class of tenant Ingresses (e.g. {@code nginx}, {@code alb}). */
  @WithDefault("nginx")
  String ingressClassName();

  /** cert-manager ClusterIssuer that issues tenant TLS certificates (nginx profile). */
  @WithDefault("letsencrypt")
  String clusterIssuer();

  /** How long an idle WebSocket or event stream to a tenant gateway stays open (1..4000 s). */
  @WithDefault("3600s")
  Duration streamTimeout();

  /** IngressGroup through which all tenants share one ALB (alb profile only). */
  @WithDefault(RenderSettings.DEFAULT_ALB_GROUP)
  String albGroupName();

  /** {@link #namespaces()} checked (valid, none twice, at least one); the default first. */
  default List<String> checkedNamespaces() {
    return Namespaces.checked(NAMESPACES_KEY, namespaces());
  }

  /**
   * The namespaces new tenants are placed in: {@link #checkedNamespaces()} without the closed ones,
   * in order; every closed one must be listed, and one at least must stay open.
   */
  default List<String> openNamespaces() {
    List<String> all = checkedNamespaces();
    List<String> closed = closedNamespaces().orElse(List.of());
    for (String name : closed) {
      if (!all.contains(name)) {
        throw new IllegalArgumentException(
            "slipway.fleet.closed-namespaces names '%s', which slipway.fleet.namespaces does not list"
                .formatted(name));
      }
    }
    List<String> open = all.stream().filter(n -> !closed.contains(n)).toList();
    if (open.isEmpty()) {
      throw new IllegalArgumentException(
          "slipway.fleet.closed-namespaces closes every namespace: new tenants have nowhere to go");
    }
    return open;
  }

  /** The rendering inputs of every tenant object; the worker applies, the reconciler compares. */
  default RenderSettings renderSettings() {
    return new RenderSettings(
        checkedNamespaces().get(0),
        domain(),
        image(),
        ingressClassName(),
        clusterIssuer(),
        IngressProfile.of(ingressProfile()),
        (int) streamTimeout().toSeconds(),
        albGroupName());
  }
}
