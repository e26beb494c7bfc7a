package dev.slipway.reconciler.diff;

import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.common.render.TenantLabels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Compares a live Deployment with the rendered one, field by field on what Slipway sets only: a
 * real API server adds defaults (probe timeouts, strategy, ...) that are not drift.
 */
final class DeploymentDiff {
  private DeploymentDiff() {}

  static void compare(TenantSpec spec, Deployment desired, Deployment live, List<String> out) {
    // With an autoscaler the replica count is the autoscaler's to set.
    if (!spec.autoscaledNow() && !Objects.equals(replicas(desired), replicas(live))) {
      out.add("deployment.replicas");
    }
    ObjectDiff.labels("deployment", desired, live, out);
    // A late write of an earlier generation (a request the worker timed out on and retried,
    // reaching the API server after the newer apply) can leave the same content under an older
    // generation; the status watcher records readiness only for the tenant's generation, so the
    // tenant's phase would stop following its pods for good.
    OptionalLong generation = TenantLabels.generationOf(live);
    if (generation.isEmpty() || generation.getAsLong() < spec.generation()) {
      out.add("deployment.generation");
    }
    var desiredTemplate = desired.getSpec().getTemplate().getMetadata();
    var liveTemplate = live.getSpec() == null ? null : live.getSpec().getTemplate().getMetadata();
    if (liveTemplate == null
        || !ObjectDiff.contains(liveTemplate.getLabels(), desiredTemplate.getLabels())) {
      out.add("deployment.pod-labels");
    }
    if (liveTemplate == null
        || !ObjectDiff.contains(liveTemplate.getAnnotations(), desiredTemplate.getAnnotations())) {
      // the token hash: the pods run with another token than the tenant's
      out.add("deployment.token-hash");
    }
    container(gateway(desired), gateway(live), out);
  }

  private static void container(Container desired, Container live, List<String> out) {
    if (live == null) {
      out.add("deployment.container");
      return;
    }
    if (!Objects.equals(desired.getImage(), live.getImage())) {
      out.add("deployment.image");
    }
    if (live.getResources() == null
        || !sameQuantities(desired.getResources().getRequests(), live.getResources().getRequests())
        || !sameQuantities(desired.getResources().getLimits(), live.getResources().getLimits())) {
      out.add("deployment.resources");
    }
    if (!sameProbe(desired.getReadinessProbe(), live.getReadinessProbe())
        || !sameProbe(desired.getLivenessProbe(), live.getLivenessProbe())) {
      out.add("deployment.probes");
    }
    if (!Objects.equals(
        env(desired, GatewayDefaults.GATEWAY_CONFIG_ENV),
        env(live, GatewayDefaults.GATEWAY_CONFIG_ENV))) {
      out.add("deployment.gateway-config");
    }
  }

  private static Integer replicas(Deployment d) {
    // An absent replica count means 1 on a real server.
    return d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  private static Container gateway(Deployment d) {
    if (d.getSpec() == null || d.getSpec().getTemplate().getSpec() == null) {
      return null;
    }
    return d.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> GatewayDefaults.CONTAINER_NAME.equals(c.getName()))
        .findFirst()
        .orElse(null);
  }

  /** Numerically: the server may write {@code 0.25} back for {@code 250m}. */
  private static boolean sameQuantities(Map<String, Quantity> desired, Map<String, Quantity> live) {
    if (live == null || !desired.keySet().equals(live.keySet())) {
      return false;
    }
    return desired.entrySet().stream()
        .allMatch(e -> sameQuantity(e.getValue(), live.get(e.getKey())));
  }

  /** The same text is the same quantity; only other spellings need the (costly) numeric parse. */
  private static boolean sameQuantity(Quantity desired, Quantity live) {
    if (live == null) {
      return false;
    }
    if (Objects.equals(desired.getAmount(), live.getAmount())
        && Objects.equals(desired.getFormat(), live.getFormat())) {
      return true;
    }
    return desired.getNumericalAmount().compareTo(live.getNumericalAmount()) == 0;
  }

  private static boolean sameProbe(Probe desired, Probe live) {
    if (live == null || live.getHttpGet() == null) {
      return false;
    }
    var want = desired.getHttpGet();
    var have = live.getHttpGet();
    return Objects.equals(want.getPath(), have.getPath())
        && Objects.equals(
            String.valueOf(want.getPort().getValue()), String.valueOf(have.getPort().getValue()))
        && Objects.equals(desired.getInitialDelaySeconds(), live.getInitialDelaySeconds())
        && Objects.equals(desired.getPeriodSeconds(), live.getPeriodSeconds());
  }

  private static String env(Container c, String name) {
    return c.getEnv() == null
        ? null
        : c.getEnv().stream()
            .filter(e -> name.equals(e.getName()))
            .map(EnvVar::getValue)
            .findFirst()
            .orElse(null);
  }
}
