package dev.slipway.local.kube.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.local.kube.api.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Computes a Deployment's status from its pods. The result must be a pure function of the inputs
 * and the previous status (condition timestamps are carried over while a condition keeps its
 * value), otherwise every reconcile would write a new status and trigger the next one. Zero counts
 * are left out, as the real API server does (omitempty).
 */
public final class DeploymentStatus {

  /** Counts of the pods the controller keeps for one Deployment. */
  public record Counts(int desired, int total, int updated, int ready) {}

  private DeploymentStatus() {}

  public static ObjectNode compute(JsonNode deployment, Counts counts, Instant now) {
    return compute(deployment, counts, now, null);
  }

  /**
   * As {@link #compute(JsonNode, Counts, Instant)}; a {@code createFailure} (pods refused, e.g. by
   * Pod Security Admission) adds the {@code ReplicaFailure} condition (reason {@code FailedCreate})
   * the real controller reports.
   */
  public static ObjectNode compute(
      JsonNode deployment, Counts counts, Instant now, String createFailure) {
    JsonNode previous = deployment.path("status");
    ObjectNode status = Json.object();
    status.put("observedGeneration", deployment.path("metadata").path("generation").asLong(1));
    putCount(status, "replicas", counts.total());
    putCount(status, "updatedReplicas", counts.updated());
    putCount(status, "readyReplicas", counts.ready());
    putCount(status, "availableReplicas", counts.ready());
    putCount(status, "unavailableReplicas", Math.max(counts.desired() - counts.ready(), 0));
    boolean available = counts.ready() >= counts.desired();
    boolean complete = available && counts.updated() == counts.total();
    ArrayNode conditions = status.putArray("conditions");
    conditions.add(
        condition(
            previous,
            "Available",
            available,
            available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            available
                ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability.",
            now));
    conditions.add(
        condition(
            previous,
            "Progressing",
            true,
            complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
            complete ? "Deployment has successfully progressed." : "Deployment is progressing.",
            now));
    if (createFailure != null) {
      conditions.add(
          condition(previous, "ReplicaFailure", true, "FailedCreate", createFailure, now));
    }
    return status;
  }

  private static void putCount(ObjectNode status, String field, int value) {
    if (value > 0) {
      status.put(field, value);
    }
  }

  private static ObjectNode condition(
      JsonNode previousStatus,
      String type,
      boolean value,
      String reason,
      String message,
      Instant now) {
    String statusValue = value ? "True" : "False";
    ObjectNode condition = Json.object();
    condition.put("type", type).put("status", statusValue);
    JsonNode old = find(previousStatus, type);
    boolean sameStatus = old != null && statusValue.equals(old.path("status").asText());
    boolean unchanged = sameStatus && reason.equals(old.path("reason").asText());
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    condition.put("lastUpdateTime", unchanged ? old.path("lastUpdateTime").asText(time) : time);
    condition.put(
        "lastTransitionTime", sameStatus ? old.path("lastTransitionTime").asText(time) : time);
    condition.put("reason", reason).put("message", message);
    return condition;
  }

  private static JsonNode find(JsonNode status, String type) {
    for (JsonNode condition : status.path("conditions")) {
      if (type.equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return null;
  }
}
