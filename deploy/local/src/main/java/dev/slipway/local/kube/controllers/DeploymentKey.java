package dev.slipway.local.kube.controllers;

import com.fasterxml.jackson.databind.JsonNode;

/** Identifies one Deployment; the unit of work of the emulated controller. */
public record DeploymentKey(String namespace, String name) {

  /**
   * The Deployment a stored object's change concerns: the Deployment itself, or the controlling
   * owner of a Pod. Null for anything else.
   */
  public static DeploymentKey affectedBy(JsonNode object) {
    String kind = object.path("kind").asText();
    JsonNode metadata = object.path("metadata");
    String namespace = metadata.path("namespace").asText();
    if ("Deployment".equals(kind)) {
      return new DeploymentKey(namespace, metadata.path("name").asText());
    }
    if ("Pod".equals(kind)) {
      JsonNode owner = controllerOf(object);
      return owner == null ? null : new DeploymentKey(namespace, owner.path("name").asText());
    }
    return null;
  }

  /** The ownerReference of a Deployment controlling this pod, or null. */
  public static JsonNode controllerOf(JsonNode pod) {
    for (JsonNode owner : pod.path("metadata").path("ownerReferences")) {
      if ("Deployment".equals(owner.path("kind").asText())
          && owner.path("controller").asBoolean(false)) {
        return owner;
      }
    }
    return null;
  }
}
