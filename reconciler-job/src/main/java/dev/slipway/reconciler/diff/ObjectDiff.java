package dev.slipway.reconciler.diff;

import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.DesiredObjects;
import dev.slipway.reconciler.scan.TenantObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Missing objects and spec drift of one tenant: the rendered objects against the listed ones.
 * Reasons name what differs, never a value.
 */
final class ObjectDiff {
  private ObjectDiff() {}

  static void missing(DesiredObjects desired, TenantObjects live, List<String> out) {
    present("Deployment", live.deployment, out);
    present("Service", live.service, out);
    present("Ingress", live.ingress, out);
    if (desired.autoscaler().isPresent()) {
      present("HorizontalPodAutoscaler", live.autoscaler, out);
    }
  }

  static void spec(TenantSpec spec, DesiredObjects desired, TenantObjects live, List<String> out) {
    if (live.deployment != null) {
      DeploymentDiff.compare(spec, desired.deployment(), live.deployment, out);
    }
    if (live.service != null) {
      labels("service", desired.service(), live.service, out);
      if (live.service.getSpec() == null
          || !Objects.equals(
              desired.service().getSpec().getSelector(), live.service.getSpec().getSelector())) {
        out.add("service.selector");
      }
    }
    if (live.ingress != null) {
      labels("ingress", desired.ingress(), live.ingress, out);
      ingress(desired.ingress(), live.ingress, out);
    }
    autoscaler(desired, live, out);
  }

  private static void ingress(Ingress desired, Ingress live, List<String> out) {
    var spec = live.getSpec();
    if (spec == null || !Objects.equals(hosts(desired), hosts(live))) {
      out.add("ingress.host");
    }
    if (spec == null || !Objects.equals(desired.getSpec().getTls(), spec.getTls())) {
      out.add("ingress.tls");
    }
  }

  private static List<String> hosts(Ingress ingress) {
    var rules = ingress.getSpec().getRules();
    return rules == null ? List.of() : rules.stream().map(IngressRule::getHost).toList();
  }

  private static void autoscaler(DesiredObjects desired, TenantObjects live, List<String> out) {
    if (desired.autoscaler().isEmpty()) {
      if (live.autoscaler != null) {
        out.add("hpa.unexpected");
      }
      return;
    }
    if (live.autoscaler == null) {
      return;
    }
    var want = desired.autoscaler().get().getSpec();
    var have = live.autoscaler.getSpec();
    if (have == null
        || !Objects.equals(want.getMinReplicas(), have.getMinReplicas())
        || !Objects.equals(want.getMaxReplicas(), have.getMaxReplicas())
        || !Objects.equals(
            want.getScaleTargetRef().getName(), have.getScaleTargetRef().getName())) {
      out.add("hpa.bounds");
    }
  }

  static void labels(String what, HasMetadata desired, HasMetadata live, List<String> out) {
    if (!contains(live.getMetadata().getLabels(), desired.getMetadata().getLabels())) {
      out.add(what + ".labels");
    }
  }

  /** Whether {@code live} has every entry of {@code desired}; extra entries are someone else's. */
  static boolean contains(Map<String, String> live, Map<String, String> desired) {
    if (desired == null || desired.isEmpty()) {
      return true;
    }
    return live != null && live.entrySet().containsAll(desired.entrySet());
  }

  private static void present(String kind, HasMetadata live, List<String> out) {
    if (live == null) {
      out.add(kind);
    }
  }
}
