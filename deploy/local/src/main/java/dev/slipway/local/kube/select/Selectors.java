package dev.slipway.local.kube.select;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.StringJoiner;

/** Label selector helpers; only {@code matchLabels} is understood (no matchExpressions). */
public final class Selectors {

  private Selectors() {}

  /** {@code matchLabels} as a {@code labelSelector} query value, e.g. {@code app=a,tier=web}. */
  public static String toQuery(JsonNode selector) {
    StringJoiner joined = new StringJoiner(",");
    selector
        .path("matchLabels")
        .fields()
        .forEachRemaining(e -> joined.add(e.getKey() + "=" + e.getValue().asText()));
    return joined.toString();
  }

  /** True when {@code labels} carries every {@code matchLabels} entry of a non-empty selector. */
  public static boolean matches(JsonNode selector, JsonNode labels) {
    JsonNode matchLabels = selector.path("matchLabels");
    if (matchLabels.isEmpty()) {
      return false;
    }
    for (var it = matchLabels.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }
}
