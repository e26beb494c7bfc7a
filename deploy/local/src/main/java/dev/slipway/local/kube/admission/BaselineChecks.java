package dev.slipway.local.kube.admission;

import static dev.slipway.local.kube.admission.ContainerChecks.add;
import static dev.slipway.local.kube.admission.ContainerChecks.added;
import static dev.slipway.local.kube.admission.ContainerChecks.each;
import static dev.slipway.local.kube.admission.ContainerChecks.name;
import static dev.slipway.local.kube.admission.ContainerChecks.quoted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Pod Security Standards' baseline checks, each answering kube's wording of its violation: host
 * namespaces, privileged containers, added capabilities beyond the default set, hostPath volumes,
 * host ports.
 */
final class BaselineChecks {

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

  private BaselineChecks() {}

  static List<String> violations(JsonNode spec) {
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
}
