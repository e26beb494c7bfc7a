package dev.slipway.local.kube.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the Pod Security checks ({@link BaselineChecks}, {@link RestrictedChecks}) share: running a
 * check over every container and init container, reading containers' capabilities, and kube's
 * wording of a violation.
 */
final class ContainerChecks {

  private ContainerChecks() {}

  static List<String> added(JsonNode container, Set<String> allowed) {
    List<String> extra = new ArrayList<>();
    for (JsonNode cap : container.path("securityContext").path("capabilities").path("add")) {
      if (!allowed.contains(cap.asText())) {
        extra.add(cap.asText());
      }
    }
    return extra;
  }

  static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + ", " + b).orElse("");
  }

  static String name(JsonNode container) {
    return container.path("name").asText();
  }

  /** The non-null answers of {@code check} for every container and init container. */
  static List<String> each(JsonNode spec, Function<JsonNode, String> check) {
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

  static void add(List<String> out, String check, List<String> details) {
    if (!details.isEmpty()) {
      out.add(check + " (" + String.join("; ", details) + ")");
    }
  }
}
