package dev.slipway.local.kube.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod Security Admission in enforce mode, as kube-apiserver applies it to a pod being created: the
 * namespace's {@code pod-security.kubernetes.io/enforce} label names the level ({@code privileged},
 * {@code baseline}, {@code restricted}) and a pod that violates it is refused with kube's message.
 * The checks are those of the Pod Security Standards ({@link BaselineChecks}, {@link
 * RestrictedChecks}); the version label is ignored (always "latest").
 */
public final class PodSecurity {

  public static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

  private PodSecurity() {}

  /**
   * Why a pod may not be created in a namespace with these labels, as the API server words it
   * ({@code pods "NAME" is forbidden: violates PodSecurity "restricted:latest": ...}); null when it
   * may.
   */
  public static String denial(JsonNode namespaceLabels, String podName, JsonNode podSpec) {
    String level = namespaceLabels == null ? "" : namespaceLabels.path(ENFORCE_LABEL).asText("");
    boolean restricted = level.equals("restricted");
    if (!restricted && !level.equals("baseline")) {
      return null;
    }
    List<String> violations = new ArrayList<>(BaselineChecks.violations(podSpec));
    if (restricted) {
      violations.addAll(RestrictedChecks.violations(podSpec));
    }
    if (violations.isEmpty()) {
      return null;
    }
    return "pods \""
        + podName
        + "\" is forbidden: violates PodSecurity \""
        + level
        + ":latest\": "
        + String.join(", ", violations);
  }
}
