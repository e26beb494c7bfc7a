package dev.slipway.local.kube.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The Pod Security Standards' checks, each answering kube's wording of its violation. Baseline:
 * host namespaces, privileged containers, added capabilities beyond the default set, hostPath
 * volumes, host ports. Restricted adds: allowed volume types only, allowPrivilegeEscalation=false,
 * runAsNonRoot=true, no runAsUser=0, seccompProfile RuntimeDefault or Localhost, and capabilities
 * dropping ALL with at most NET_BIND_SERVICE added.
 */
final class PodSecurityChecks {

  private static final Set<String> BASELINE_CAPABILITIES =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");
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

  private PodSecurityChecks() {}

  static List<String> baseline(JsonNode spec) {
    List<String> out = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (spec.path(field).asBoolean(false)) {
        hosts.add(field + "=true");
      }
    }
    add(out, "host namespaces", hosts);
    add(
        out,
        "privileged",
        each(
            spec,
            c ->
                c.path("securityContext").path("privileged").asBoolean(false)
                    ? "container \"" + name(c) + "\" must not set securityContext.privileged=true"
                    : null));
    add(
        out,
        "non-default capabilities",
        each(
            spec,
            c -> {
              List<String> extra = added(c, BASELINE_CAPABILITIES);
              return extra.isEmpty()
                  ? null
                  : "container \""
                      + name(c)
                      + "\" must not include "
                      + quoted(extra)
                      + " in securityContext.capabilities.add";
            }));
    List<String> hostPaths = new ArrayList<>();
    for (JsonNode volume : spec.path("volumes")) {
      if (volume.has("hostPath")) {
        hostPaths.add("\"" + volume.path("name").asText() + "\"");
      }
    }
    add(
        out,
        "hostPath volumes",
        hostPaths.isEmpty()
            ? List.of()
            : List.of(
                (hostPaths.size() == 1 ? "volume " : "volumes ") + String.join(", ", hostPaths)));
    add(
        out,
        "hostPort",
        each(
            spec,
            c -> {
              List<String> ports = new ArrayList<>();
              c.path("ports")
                  .forEach(
                      p -> {
                        if (p.path("hostPort").asInt(0) != 0)
                          ports.add(p.path("hostPort").asText());
                      });
              return ports.isEmpty()
                  ? null
                  : "container \"" + name(c) + "\" uses hostPort " + String.join(", ", ports);
            }));
    return out;
  }

  static List<String> restricted(JsonNode spec) {
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

  private static List<String> added(JsonNode container, Set<String> allowed) {
    List<String> extra = new ArrayList<>();
    for (JsonNode cap : container.path("securityContext").path("capabilities").path("add")) {
      if (!allowed.contains(cap.asText())) {
        extra.add(cap.asText());
      }
    }
    return extra;
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static String name(JsonNode container) {
    return container.path("name").asText();
  }

  /** The non-null answers of {@code check} for every container and init container. */
  private static List<String> each(JsonNode spec, Function<JsonNode, String> check) {
    List<String> out = new ArrayList<>();
    for (String list : List.of("initContainers", "containers")) {
      for (JsonNode container : spec.path(list)) {
        String problem = check.apply(container);
        if (problem != null) {
          out.add(problem);
        }
      }
    }
    return out;
  }

  private static void add(List<String> out, String check, List<String> details) {
    if (!details.isEmpty()) {
      out.add(check + " (" + String.join("; ", details) + ")");
    }
  }
}
