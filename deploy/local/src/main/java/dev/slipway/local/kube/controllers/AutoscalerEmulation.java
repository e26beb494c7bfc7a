package dev.slipway.local.kube.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.store.LocalApi;
import dev.slipway.local.kube.store.StoreListener;
import java.util.HashMap;
import java.util.Map;

/**
 * An emulation of the HorizontalPodAutoscaler controller's bounds, without metrics: there is no CPU
 * usage here, so a target Deployment is kept within the autoscaler's min and max replicas (written
 * to its {@code spec.replicas}, as the real controller does through the scale subresource) and
 * never scaled on load. A Deployment at zero replicas is left alone, as real autoscaling is
 * disabled for it. Runs on the controller thread only.
 */
public final class AutoscalerEmulation {
  // Target Deployment → the autoscaler naming it (last one wins, as an ambiguous setup would).
  private final Map<DeploymentKey, ObjectRef> byTarget = new HashMap<>();
  private final LocalApi api;

  public AutoscalerEmulation(LocalApi api) {
    this.api = api;
  }

  /** Tracks an autoscaler change; returns the Deployment it targets, or null. */
  public DeploymentKey track(StoreListener.Change change, JsonNode autoscaler) {
    JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
    if (!"Deployment".equals(target.path("kind").asText())) {
      return null;
    }
    String namespace = autoscaler.path("metadata").path("namespace").asText();
    DeploymentKey key = new DeploymentKey(namespace, target.path("name").asText());
    if (change == StoreListener.Change.DELETED) {
      byTarget.remove(key);
    } else {
      byTarget.put(
          key, ObjectRef.autoscaler(namespace, autoscaler.path("metadata").path("name").asText()));
    }
    return key;
  }

  /**
   * Brings the Deployment within its autoscaler's bounds. Returns true when it wrote a new replica
   * count (the write triggers another controller pass), false when nothing had to change.
   */
  public boolean bound(DeploymentKey key, JsonNode deployment) {
    ObjectRef ref = byTarget.get(key);
    JsonNode autoscaler = ref == null ? null : api.get(ref);
    int replicas = deployment.path("spec").path("replicas").asInt(1);
    if (autoscaler == null || replicas == 0) {
      return false;
    }
    int min = autoscaler.path("spec").path("minReplicas").asInt(1);
    int max = autoscaler.path("spec").path("maxReplicas").asInt(Math.max(min, replicas));
    int bounded = Math.max(min, Math.min(max, replicas));
    return bounded != replicas
        && api.scale(ObjectRef.deployment(key.namespace(), key.name()), bounded);
  }
}
