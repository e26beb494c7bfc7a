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
    if (item instanceof Pod pod) {
      return ComparedWorkload.pod(pod);
    } else if (item instanceof Deployment deployment) {
      return ComparedWorkload.deployment(deployment);
    } else if (item instanceof Service service) {
      return service(service);
    } else if (item instanceof Ingress ingress) {
      return ingress(ingress);
    } else if (item instanceof Secret secret) {
      return secret(secret);
    } else if (item instanceof HorizontalPodAutoscaler autoscaler) {
      return autoscaler(autoscaler);
    }
    return item;
  }

  /** Identity and labels; annotations only where a diff reads them. */
  static ObjectMeta meta(ObjectMeta listed, boolean annotations) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(listed.getName());
    meta.setNamespace(listed.getNamespace());
    meta.setUid(listed.getUid());
    meta.setLabels(listed.getLabels());
    if (annotations) {
      meta.setAnnotations(listed.getAnnotations());
    }
    return meta;
  }

  private static Service service(Service listed) {
    Service service = new Service();
    service.setMetadata(meta(listed.getMetadata(), false));
    if (listed.getSpec() != null) {
      ServiceSpec spec = new ServiceSpec();
      spec.setSelector(listed.getSpec().getSelector());
      service.setSpec(spec);
    }
    return service;
  }

  /** Hosts of the rules, and the TLS section. */
  private static Ingress ingress(Ingress listed) {
    Ingress ingress = new Ingress();
    ingress.setMetadata(meta(listed.getMetadata(), false));
    IngressSpec spec = listed.getSpec();
    if (spec != null) {
      IngressSpec kept = new IngressSpec();
      if (spec.getRules() != null) {
        kept.setRules(spec.getRules().stream().map(r -> rule(r.getHost())).toList());
      }
      kept.setTls(spec.getTls());
      ingress.setSpec(kept);
    }
    return ingress;
  }

  private static IngressRule rule(String host) {
    IngressRule rule = new IngressRule();
    rule.setHost(host);
    return rule;
  }

  /** Only the gateway token, which the diff hashes; other keys are someone else's. */
  private static Secret secret(Secret listed) {
    Secret secret = new Secret();
    secret.setMetadata(meta(listed.getMetadata(), false));
    Map<String, String> data = listed.getData();
    String token = data == null ? null : data.get(GatewayDefaults.SECRET_TOKEN_KEY);
    if (token != null) {
      secret.setData(Map.of(GatewayDefaults.SECRET_TOKEN_KEY, token));
    }
    return secret;
  }

  private static HorizontalPodAutoscaler autoscaler(HorizontalPodAutoscaler listed) {
    HorizontalPodAutoscaler autoscaler = new HorizontalPodAutoscaler();
    autoscaler.setMetadata(meta(listed.getMetadata(), false));
    HorizontalPodAutoscalerSpec spec = listed.getSpec();
    if (spec != null) {
      HorizontalPodAutoscalerSpec kept = new HorizontalPodAutoscalerSpec();
      kept.setMinReplicas(spec.getMinReplicas());
      kept.setMaxReplicas(spec.getMaxReplicas());
      kept.setScaleTargetRef(spec.getScaleTargetRef());
      autoscaler.setSpec(kept);
    }
    return autoscaler;
  }
}
