package dev.slipway.local.kube.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pods as the emulated controller creates them. There is no scheduler or kubelet: a pod starts
 * Pending with Ready=False and is later switched to Running with every container ready.
 */
public final class PodFactory {

  public static final String HASH_LABEL = "pod-template-hash";
  public static final String NODE_NAME = "kube-emulator-node";

  private PodFactory() {}

  /** A new Pending pod for {@code deployment}'s current template, owned by the Deployment. */
  public static ObjectNode pendingPod(JsonNode deployment, String templateHash, Instant now) {
    JsonNode metadata = deployment.path("metadata");
    JsonNode template = deployment.path("spec").path("template");
    String name = metadata.path("name").asText();
    ObjectNode pod = Json.object();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode podMetadata = pod.putObject("metadata");
    podMetadata.put("name", name + "-" + templateHash + "-" + TemplateHash.randomSuffix());
    podMetadata.put("namespace", metadata.path("namespace").asText());
    ObjectNode labels = podMetadata.putObject("labels");
    if (template.path("metadata").path("labels") instanceof ObjectNode templateLabels) {
      labels.setAll(templateLabels.deepCopy());
    }
    labels.put(HASH_LABEL, templateHash);
    if (template.path("metadata").path("annotations").isObject()) {
      podMetadata.set("annotations", template.path("metadata").path("annotations").deepCopy());
    }
    ObjectNode owner = podMetadata.putArray("ownerReferences").addObject();
    owner.put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", name);
    owner.put("uid", metadata.path("uid").asText());
    owner.put("controller", true).put("blockOwnerDeletion", true);
    ObjectNode spec =
        template.path("spec") instanceof ObjectNode podSpec ? podSpec.deepCopy() : Json.object();
    pod.set("spec", spec);
    spec.put("nodeName", NODE_NAME);
    pod.set("status", status(spec, false, now));
    return pod;
  }

  /** The status of a pod whose containers have all started and passed readiness. */
  public static ObjectNode runningStatus(JsonNode pod, Instant now) {
    return status(pod.path("spec"), true, now);
  }

  /**
   * The status of a pod whose containers keep exiting (exit code 1): Running, not Ready, each
   * container waiting in CrashLoopBackOff with one restart more than before.
   */
  public static ObjectNode crashingStatus(JsonNode pod, Instant now) {
    ObjectNode status = status(pod.path("spec"), false, now);
    status.put("phase", "Running");
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    int i = 0;
    for (JsonNode c : status.path("containerStatuses")) {
      ObjectNode container = (ObjectNode) c;
      int before =
          pod.path("status").path("containerStatuses").path(i++).path("restartCount").asInt(-1);
      container.put("restartCount", before + 1);
      container.put("started", false);
      container
          .putObject("state")
          .putObject("waiting")
          .put("reason", "CrashLoopBackOff")
          .put(
              "message", "back-off restarting failed container " + container.path("name").asText());
      container
          .putObject("lastState")
          .putObject("terminated")
          .put("exitCode", 1)
          .put("reason", "Error")
          .put("finishedAt", time);
    }
    return status;
  }

  public static boolean isReady(JsonNode pod) {
    for (JsonNode condition : pod.path("status").path("conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText());
      }
    }
    return false;
  }

  private static ObjectNode status(JsonNode spec, boolean ready, Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode status = Json.object();
    status.put("phase", ready ? "Running" : "Pending");
    status.put("hostIP", "10.0.0.1");
    status.put("startTime", time);
    if (ready) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      status.put("podIP", "10.244." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "PodScheduled", "True", time);
    condition(conditions, "Initialized", "True", time);
    condition(conditions, "ContainersReady", ready ? "True" : "False", time);
    condition(conditions, "Ready", ready ? "True" : "False", time);
    ArrayNode containers = status.putArray("containerStatuses");
    for (JsonNode container : spec.path("containers")) {
      containers.add(containerStatus(container, ready, time));
    }
    return status;
  }

  private static void condition(ArrayNode conditions, String type, String value, String time) {
    ObjectNode condition = conditions.addObject();
    condition.put("type", type).put("status", value).put("lastTransitionTime", time);
    if ("False".equals(value)) {
      condition.put("reason", "ContainersNotReady");
    }
  }

  private static ObjectNode containerStatus(JsonNode container, boolean ready, String time) {
    ObjectNode status = Json.object();
    status.put("name", container.path("name").asText());
    status.put("image", container.path("image").asText());
    status.put("imageID", "");
    status.put("ready", ready).put("started", ready).put("restartCount", 0);
    ObjectNode state = status.putObject("state");
    if (ready) {
      state.putObject("running").put("startedAt", time);
    } else {
      state.putObject("waiting").put("reason", "ContainerCreating");
    }
    return status;
  }
}
