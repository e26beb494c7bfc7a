package dev.slipway.local.kube.flow;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where API Priority and Fairness files a request: the FlowSchema that matched it and the priority
 * level that schema points to, each with the stable UID the real server sends in its {@code
 * X-Kubernetes-PF-*} response headers. An exempt level (system:masters, health probes) never runs
 * out of seats, as on a real server.
 */
public record PriorityLevel(String flowSchema, String name, boolean exempt) {

  /** The FlowSchema's UID: derived from its name, so it is the same on every start. */
  public String flowSchemaUid() {
    return uid("flowschema/" + flowSchema);
  }

  /** The PriorityLevelConfiguration's UID, stable in the same way. */
  public String uid() {
    return uid("prioritylevel/" + name);
  }

  private static String uid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
