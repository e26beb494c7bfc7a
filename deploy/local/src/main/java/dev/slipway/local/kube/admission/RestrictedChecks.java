package dev.slipway.local.kube.admission;

import static dev.slipway.local.kube.admission.ContainerChecks.add;
import static dev.slipway.local.kube.admission.ContainerChecks.added;
import static dev.slipway.local.kube.admission.ContainerChecks.each;
import static dev.slipway.local.kube.admission.ContainerChecks.name;
import static dev.slipway.local.kube.admission.ContainerChecks.quoted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The Pod Security Standards' restricted checks, on top of {@link BaselineChecks}, each answering
 * kube's wording of its violation: allowed volume types only, allowPrivilegeEscalation=false,
 * runAsNonRoot=true, no runAsUser=0, seccompProfile RuntimeDefault or Localhost, and capabilities
 * dropping ALL with at most NET_BIND_SERVICE added.
 */
final class RestrictedChecks {

  private static final Set<String> RESTRICTED_VOLUMES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret");

  private RestrictedChecks() {}

  static List<String> violations(JsonNode spec) {
    List<String> out = new ArrayList<>();
    List<String> volumes = new ArrayList<>();
    for (JsonNode volume : spec.path("volumes")) {
      String type = volumeType(volume);
      if (type != null && !RESTRICTED_VOLUMES.contains(type)) {
        volumes.add(
            "volume \""
                + volume.path("name").asText()
                + "\" uses restricted volume type \""
                + type
                + "\"");
      }
    }
    add(out, "restricted volume types", volumes);
    add(
        out,
        "allowPrivilegeEscalation != false",
        each(
            spec,
            c ->
                c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)
                    ? "container \""
                        + name(c)
                        + "\" must set securityContext.allowPrivilegeEscalation=false"
                    : null));
    add(
        out,
        "unrestricted capabilities",
        each(
            spec,
            c -> {
              boolean dropsAll = false;
              for (JsonNode cap : c.path("securityContext").path("capabilities").path("drop")) {
                dropsAll |= cap.asText().equals("ALL");
              }
              List<String> extra = added(c, Set.of("NET_BIND_SERVICE"));
              if (!dropsAll) {
                return "container \""
                    + name(c)
                    + "\" must set securityContext.capabilities.drop=[\"ALL\"]";
              }
              return extra.isEmpty()
                  ? null
                  : "container \""
                      + name(c)
                      + "\" must not include "
                      + quoted(extra)
                      + " in securityContext.capabilities.add";
            }));
    JsonNode pod = spec.path("securityContext");
    boolean podNonRoot = pod.path("runAsNonRoot").asBoolean(false);
    add(
        out,
        "runAsNonRoot != true",
        each(
            spec,
            c -> {
              JsonNode value = c.path("securityContext").path("runAsNonRoot");
              boolean ok = value.isBoolean() ? value.asBoolean() : podNonRoot;
              return ok
                  ? null
                  : "pod or container \""
                      + name(c)
                      + "\" must set securityContext.runAsNonRoot=true";
            }));
    List<String> root = new ArrayList<>();
    if (pod.path("runAsUser").isNumber() && pod.path("runAsUser").asLong() == 0) {
      root.add("pod must not set runAsUser=0");
    }
    root.addAll(
        each(
            spec,
            c -> {
              JsonNode user = c.path("securityContext").path("runAsUser");
              return user.isNumber() && user.asLong() == 0
                  ? "container \"" + name(c) + "\" must not set runAsUser=0"
                  : null;
            }));
    add(out, "runAsUser=0", root);
    boolean podSeccomp = allowedSeccomp(pod.path("seccompProfile"));
    add(
        out,
        "seccompProfile",
        each(
            spec,
            c -> {
              JsonNode own = c.path("securityContext").path("seccompProfile");
              boolean ok = own.isObject() ? allowedSeccomp(own) : podSeccomp;
              return ok
                  ? null
                  : "pod or container \""
                      + name(c)
                      + "\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"";
            }));
    return out;
  }

  private static boolean allowedSeccomp(JsonNode profile) {
    String type = profile.path("type").asText("");
    return type.equals("RuntimeDefault") || type.equals("Localhost");
  }

  private static String volumeType(JsonNode volume) {
    for (Iterator<String> it = volume.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("name")) {
        return field;
      }
    }
    return null;
  }
}
