package dev.slipway.local.kube.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.admission.PodSecurity;
import dev.slipway.local.kube.api.Json;
import dev.slipway.local.kube.api.ObjectRef;
import dev.slipway.local.kube.select.LabelSelector;
import dev.slipway.local.kube.select.Selectors;
import dev.slipway.local.kube.store.LocalApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of the emulated Deployment controller for one Deployment: make its pods match the
 * desired replicas and current template, then write its status. Every pass starts from what is
 * stored, so any number of rapid changes converge. There is no rolling update: pods of an old
 * template are deleted and new ones created at once (the Recreate strategy, whatever the spec
 * says). Runs on the controller thread only, so the selector cache needs no locking.
 */
public final class DeploymentReconciler {

  /** Schedules the switch of a new pod to Ready. */
  public interface ReadyScheduler {
    void schedule(String namespace, String podName, String image);
  }

  private final LocalApi api;
  private final ReadyScheduler readyScheduler;
  private final Clock clock;
  private final AutoscalerEmulation autoscalers;
  // Last known selector per Deployment: a deleted Deployment's pods are found with it.
  private final Map<DeploymentKey, String> selectors = new HashMap<>();

  public DeploymentReconciler(
      LocalApi api, ReadyScheduler readyScheduler, Clock clock, AutoscalerEmulation autoscalers) {
    this.api = api;
    this.readyScheduler = readyScheduler;
    this.clock = clock;
    this.autoscalers = autoscalers;
  }

  public void reconcile(DeploymentKey key) {
    JsonNode deployment = api.get(ObjectRef.deployment(key.namespace(), key.name()));
    if (deployment == null) {
      podsOf(key, selectors.remove(key)).forEach(this::delete);
      return;
    }
    if (autoscalers.bound(key, deployment)) {
      return; // its new replica count is a change of its own, reconciled next
    }
    JsonNode spec = deployment.path("spec");
    // The real API rejects a selector that does not match the template; here it gets no pods.
    boolean valid =
        Selectors.matches(
            spec.path("selector"), spec.path("template").path("metadata").path("labels"));
    String selector = valid ? Selectors.toQuery(spec.path("selector")) : null;
    if (valid) {
      selectors.put(key, selector);
    }
    int desired = valid ? spec.path("replicas").asInt(1) : 0;
    String refused = admission(deployment);
    List<JsonNode> current = syncPods(deployment, podsOf(key, selector), desired, refused == null);
    writeStatus(deployment, current, desired, current.size() < desired ? refused : null);
  }

  /**
   * Why Pod Security Admission would refuse this Deployment's pods in its namespace, or null: the
   * ReplicaSet controller's create would fail the same way for every pod of the template.
   */
  private String admission(JsonNode deployment) {
    JsonNode metadata = deployment.path("metadata");
    String namespace = metadata.path("namespace").asText();
    JsonNode ns = api.get(new ObjectRef(ObjectRef.NAMESPACES, "", namespace));
    String hash = TemplateHash.of(deployment.path("spec").path("template"));
    return PodSecurity.denial(
        ns == null ? null : ns.path("metadata").path("labels"),
        // The ReplicaSet controller creates pods by generateName; admission sees only the prefix.
        metadata.path("name").asText() + "-" + hash + "-",
        deployment.path("spec").path("template").path("spec"));
  }

  /** Deletes stale and surplus pods, creates missing ones; returns the pods kept or created. */
  private List<JsonNode> syncPods(
      JsonNode deployment, List<JsonNode> pods, int desired, boolean mayCreate) {
    String uid = deployment.path("metadata").path("uid").asText();
    String hash = TemplateHash.of(deployment.path("spec").path("template"));
    List<JsonNode> current = new ArrayList<>();
    for (JsonNode pod : pods) {
      boolean sameOwner = uid.equals(DeploymentKey.controllerOf(pod).path("uid").asText());
      boolean sameTemplate =
          hash.equals(pod.path("metadata").path("labels").path(PodFactory.HASH_LABEL).asText());
      if (sameOwner && sameTemplate) {
        current.add(pod);
      } else {
        delete(pod);
      }
    }
    // On scale-down keep ready pods, as the real controller prefers to.
    current.sort(Comparator.comparing(pod -> !PodFactory.isReady(pod)));
    while (current.size() > desired) {
      delete(current.remove(current.size() - 1));
    }
    while (mayCreate && current.size() < desired) {
      current.add(create(deployment, hash));
    }
    return current;
  }

  private JsonNode create(JsonNode deployment, String hash) {
    ObjectNode pod = PodFactory.pendingPod(deployment, hash, clock.instant());
    String namespace = pod.path("metadata").path("namespace").asText();
    JsonNode created =
        api.create(ObjectRef.pod(namespace, pod.path("metadata").path("name").asText()), pod);
    if (created == null) {
      // Name clash or a vanished namespace: fail the pass, the controller retries it.
      throw new IllegalStateException("could not create pod " + pod.path("metadata").path("name"));
    }
    readyScheduler.schedule(
        namespace,
        created.path("metadata").path("name").asText(),
        created.path("spec").path("containers").path(0).path("image").asText());
    return created;
  }

  private void writeStatus(
      JsonNode deployment, List<JsonNode> pods, int desired, String createFailure) {
    int ready = (int) pods.stream().filter(PodFactory::isReady).count();
    var counts = new DeploymentStatus.Counts(desired, pods.size(), pods.size(), ready);
    ObjectNode status =
        DeploymentStatus.compute(deployment, counts, clock.instant(), createFailure);
    if (Json.same(status, deployment.path("status"))) {
      return;
    }
    JsonNode metadata = deployment.path("metadata");
    // False means the Deployment was just deleted; its delete event schedules the cleanup.
    api.putStatus(
        ObjectRef.deployment(metadata.path("namespace").asText(), metadata.path("name").asText()),
        status);
  }

  /** Switches a pod to Running/Ready unless it is gone or already ready. */
  public void markReady(String namespace, String podName) {
    JsonNode pod = api.get(ObjectRef.pod(namespace, podName));
    if (pod == null || PodFactory.isReady(pod)) {
      return;
    }
    api.putStatus(
        ObjectRef.pod(namespace, podName), PodFactory.runningStatus(pod, clock.instant()));
  }

  /**
   * A crashloop pod's container exits again: it stays Running but not Ready, waiting in
   * CrashLoopBackOff with one more restart. False when the pod is gone (the loop ends).
   */
  public boolean crash(String namespace, String podName) {
    JsonNode pod = api.get(ObjectRef.pod(namespace, podName));
    if (pod == null) {
      return false;
    }
    api.putStatus(
        ObjectRef.pod(namespace, podName), PodFactory.crashingStatus(pod, clock.instant()));
    return true;
  }

  /** Pods controlled by a Deployment of this name (any uid), found by label when possible. */
  private List<JsonNode> podsOf(DeploymentKey key, String selector) {
    LabelSelector labels =
        selector == null || selector.isEmpty()
            ? LabelSelector.EVERYTHING
            : LabelSelector.parse(selector);
    List<JsonNode> owned = new ArrayList<>();
    for (JsonNode pod : api.list(ObjectRef.pods(key.namespace()), labels)) {
      JsonNode owner = DeploymentKey.controllerOf(pod);
      if (owner != null && key.name().equals(owner.path("name").asText())) {
        owned.add(pod);
      }
    }
    return owned;
  }

  private void delete(JsonNode pod) {
    JsonNode metadata = pod.path("metadata");
    api.delete(ObjectRef.pod(metadata.path("namespace").asText(), metadata.path("name").asText()));
  }
}
