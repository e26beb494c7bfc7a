package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.GATEWAY_PORT;
import static dev.slipway.common.render.GatewayDefaults.PORT_NAME;

import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The ClusterIP Service the tenant Ingress routes to. */
final class ServiceRenderer {
  private ServiceRenderer() {}

  static Service render(TenantSpec tenant, RenderSettings settings) {
    return new ServiceBuilder()
        .withApiVersion("v1")
        .withKind("Service")
        .withMetadata(TenantLabels.objectMeta(tenant, settings))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(TenantLabels.selector(tenant.slug()))
        .addNewPort()
        .withName(PORT_NAME)
        .withProtocol("TCP")
        .withPort(GATEWAY_PORT)
        .withTargetPort(new IntOrString(GATEWAY_PORT))
        .endPort()
        .endSpec()
        .build();
  }
}
