package dev.slipway.reconciler.scan;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import java.util.Map;

/**
 * A listed object cut down to what the pass compares and what a prune needs (kind, name, namespace,
 * uid, labels), copied as each page arrives. A pass holds every listed object until it has
 * classified every tenant; whole objects (pod specs, statuses, every env var, managedFields on a
 * real API server) came to about 26 KB a tenant, more than the reconciler pod's heap at 10,000
 * tenants. Fields are copied by name (what the diff reads), so whatever else a server adds is never
 * kept. Everything here must stay in step with {@code ObjectDiff}, {@code DeploymentDiff} and
 * {@code StatusCheck}.
 */
public final class ComparedFields {
  private ComparedFields() {}

  public static HasMetadata keep(HasMetadata item) {
    return keep(item, new Canonical());
  }

  /** As {@link #keep(HasMetadata)}, sharing repeated values through {@code shared}. */
  static HasMetadata keep(HasMetadata item, Canonical shared) {
    if (item instanceof Pod pod) {
      return ComparedWorkload.pod(pod, shared);
    } else if (item instanceof Deployment deployment) {
      return ComparedWorkload.deployment(deployment, shared);
    } else if (item instanceof Service service) {
      return service(service, shared);
    } else if (item instanceof Ingress ingress) {
      return ingress(ingress, shared);
    } else if (item instanceof Secret secret) {
      return secret(secret, shared);
    } else if (item instanceof HorizontalPodAutoscaler autoscaler) {
      return autoscaler(autoscaler, shared);
    }
    return item;
  }

  /** Identity and labels; annotations only where a diff reads them. */
  static ObjectMeta meta(ObjectMeta listed, boolean annotations, Canonical shared) {
    ObjectMeta meta = Slim.shed(new ObjectMeta());
    meta.setName(listed.getName());
    meta.setNamespace(shared.of(listed.getNamespace()));
    meta.setUid(listed.getUid());
    meta.setLabels(shared.of(listed.getLabels()));
    if (annotations) {
      meta.setAnnotations(shared.of(listed.getAnnotations()));
    }
    return meta;
  }

  private static Service service(Service listed, Canonical shared) {
    Service service = Slim.shed(new Service());
    service.setMetadata(meta(listed.getMetadata(), false, shared));
    if (listed.getSpec() != null) {
      ServiceSpec spec = Slim.shed(new ServiceSpec());
      spec.setSelector(Slim.map(listed.getSpec().getSelector())); // one per tenant: not shared
      service.setSpec(spec);
    }
    return service;
  }

  /** Hosts of the rules, and the TLS section. */
  private static Ingress ingress(Ingress listed, Canonical shared) {
    Ingress ingress = Slim.shed(new Ingress());
    ingress.setMetadata(meta(listed.getMetadata(), false, shared));
    IngressSpec spec = listed.getSpec();
    if (spec != null) {
      IngressSpec kept = Slim.shed(new IngressSpec());
      if (spec.getRules() != null) {
        kept.setRules(spec.getRules().stream().map(r -> rule(r.getHost())).toList());
      }
      kept.setTls(Slim.deep(spec.getTls()));
      ingress.setSpec(kept);
    }
    return ingress;
  }

  private static IngressRule rule(String host) {
    IngressRule rule = Slim.shed(new IngressRule());
    rule.setHost(host);
    return rule;
  }

  /** Only the gateway token, which the diff hashes; other keys are someone else's. */
  private static Secret secret(Secret listed, Canonical shared) {
    Secret secret = Slim.shed(new Secret());
    secret.setMetadata(meta(listed.getMetadata(), false, shared));
    Map<String, String> data = listed.getData();
    String token = data == null ? null : data.get(GatewayDefaults.SECRET_TOKEN_KEY);
    if (token != null) {
      secret.setData(Map.of(GatewayDefaults.SECRET_TOKEN_KEY, token));
    }
    return secret;
  }

  private static HorizontalPodAutoscaler autoscaler(
      HorizontalPodAutoscaler listed, Canonical shared) {
    HorizontalPodAutoscaler autoscaler = Slim.shed(new HorizontalPodAutoscaler());
    autoscaler.setMetadata(meta(listed.getMetadata(), false, shared));
    HorizontalPodAutoscalerSpec spec = listed.getSpec();
    if (spec != null) {
      HorizontalPodAutoscalerSpec kept = Slim.shed(new HorizontalPodAutoscalerSpec());
      kept.setMinReplicas(spec.getMinReplicas());
      kept.setMaxReplicas(spec.getMaxReplicas());
      kept.setScaleTargetRef(Slim.deep(spec.getScaleTargetRef()));
      autoscaler.setSpec(kept);
    }
    return autoscaler;
  }
}
