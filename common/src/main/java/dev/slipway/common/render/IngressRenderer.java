package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.GATEWAY_PORT;
import static dev.slipway.common.render.GatewayDefaults.TLS_SECRET_SUFFIX;

import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

/**
 * The Ingress exposing {@code {slug}.{domain}} over TLS, written for the configured {@link
 * IngressProfile}.
 */
final class IngressRenderer {
  private IngressRenderer() {}

  static Ingress render(TenantSpec tenant, RenderSettings settings) {
    String slug = tenant.slug();
    String host = TenantRenderer.host(slug, settings.domain());
    ObjectMeta meta = TenantLabels.objectMeta(tenant, settings);
    boolean nginx = settings.ingressProfile() == IngressProfile.NGINX;
    meta.getAnnotations().putAll(IngressAnnotations.of(settings));
    return new IngressBuilder()
        .withApiVersion("networking.k8s.io/v1")
        .withKind("Ingress")
        .withMetadata(meta)
        .withNewSpec()
        .withIngressClassName(settings.ingressClassName())
        .addNewTl()
        .withHosts(host)
        // nginx serves the cert-manager Secret; the ALB finds an ACM certificate for the host.
        .withSecretName(nginx ? slug + TLS_SECRET_SUFFIX : null)
        .endTl()
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(slug)
        .withNewPort()
        .withNumber(GATEWAY_PORT)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
