package dev.slipway.common.render;

import static dev.slipway.common.render.GatewayDefaults.GATEWAY_PORT;
import static dev.slipway.common.render.GatewayDefaults.TLS_SECRET_SUFFIX;

import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import java.util.ArrayList;
import java.util.List;

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
    IngressTLS tls = new IngressTLS();
    tls.setHosts(new ArrayList<>(List.of(host)));
    // nginx serves the cert-manager Secret; the ALB finds an ACM certificate for the host.
    tls.setSecretName(nginx ? slug + TLS_SECRET_SUFFIX : null);
    IngressSpec spec = new IngressSpec();
    spec.setIngressClassName(settings.ingressClassName());
    spec.setTls(new ArrayList<>(List.of(tls)));
    spec.setRules(new ArrayList<>(List.of(rule(host, slug))));
    // Setters, not builders: see DeploymentRenderer.
    Ingress ingress = new Ingress();
    ingress.setApiVersion("networking.k8s.io/v1");
    ingress.setKind("Ingress");
    ingress.setMetadata(meta);
    ingress.setSpec(spec);
    return ingress;
  }

  private static IngressRule rule(String host, String slug) {
    ServiceBackendPort port = new ServiceBackendPort();
    port.setNumber(GATEWAY_PORT);
    IngressServiceBackend service = new IngressServiceBackend();
    service.setName(slug);
    service.setPort(port);
    IngressBackend backend = new IngressBackend();
    backend.setService(service);
    HTTPIngressPath path = new HTTPIngressPath();
    path.setPath("/");
    path.setPathType("Prefix");
    path.setBackend(backend);
    HTTPIngressRuleValue http = new HTTPIngressRuleValue();
    http.setPaths(new ArrayList<>(List.of(path)));
    IngressRule rule = new IngressRule();
    rule.setHost(host);
    rule.setHttp(http);
    return rule;
  }
}
