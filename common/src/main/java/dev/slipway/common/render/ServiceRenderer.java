package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.GATEWAY_PORT;
import static dev.slipway.common.render.GatewayDefaults.PORT_NAME;

import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/** The ClusterIP Service the tenant Ingress routes to. */
final class ServiceRenderer {
  private ServiceRenderer() {}

  static Service render(TenantSpec tenant, RenderSettings settings) {
    ServicePort port = new ServicePort();
    port.setName(PORT_NAME);
    port.setProtocol("TCP");
    port.setPort(GATEWAY_PORT);
    port.setTargetPort(new IntOrString(GATEWAY_PORT));
    ServiceSpec spec = new ServiceSpec();
    spec.setType("ClusterIP");
    spec.setSelector(TenantLabels.selector(tenant.slug()));
    spec.setPorts(new ArrayList<>(List.of(port)));
    // Setters, not builders: see DeploymentRenderer.
    Service service = new Service();
    service.setApiVersion("v1");
    service.setKind("Service");
    service.setMetadata(TenantLabels.objectMeta(tenant, settings));
    service.setSpec(spec);
    return service;
  }
}
