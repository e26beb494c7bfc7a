package dev.slipway.api.tenants.labels;

import dev.slipway.api.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code label} query parameters of {@code GET /v1/tenants}: each {@code key=value}, all of
 * them required (AND). The listing reads a keyset range of the first label (key order) in {@code
 * tenant_labels} (migration V20) and checks the rest with {@code labels @> {...}}.
 */
public final class LabelSelector {
  private LabelSelector() {}

  /**
   * The labels a tenant must carry, as one JSON object; null for no filter. 422 naming {@code
   * label} for a parameter that is not {@code key=value} with a valid key and value, or for one key
   * asked with two values (no tenant could match).
   */
  public static String toJson(List<String> params) {
    if (params == null || params.isEmpty()) {
      return null;
    }
    Map<String, String> wanted = new TreeMap<>();
    for (String param : params) {
      int eq = param == null ? -1 : param.indexOf('=');
      if (eq < 0) {
        throw ApiException.invalidField("label", "must be key=value, e.g. label=tier=beta");
      }
      String key = param.substring(0, eq);
      String value = param.substring(eq + 1);
      Labels.requireKey("label", key);
      Labels.requireValue("label", value);
      String before = wanted.put(key, value);
      if (before != null && !before.equals(value)) {
        throw ApiException.invalidField(
            "label", "label key '" + key + "' is asked for with two different values");
      }
    }
    return Labels.write(wanted);
  }
}
