package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Kubernetes label selectors: matchLabels and matchExpressions, all of which must hold. */
final class Selectors {
  private Selectors() {}

  /** An absent or empty selector selects everything (the podSelector of a policy's spec). */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    Map<String, String> wanted = selector.getMatchLabels();
    if (wanted != null
        && !wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())))) {
      return false;
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    return expressions == null || expressions.stream().allMatch(r -> holds(r, have));
  }

  private static boolean holds(LabelSelectorRequirement r, Map<String, String> labels) {
    String value = labels.get(r.getKey());
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> throw new AssertionError("unknown selector operator " + r.getOperator());
    };
  }
}
