package dev.slipway.api.tenants.labels;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slipway.api.http.ApiException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * User-defined tenant labels (migration V13's {@code tenants.labels}), with Kubernetes' label
 * syntax: a key is an optional DNS-subdomain prefix (at most 253 characters) and '/', then a name
 * of at most 63 characters, alphanumeric at both ends with '-', '_' or '.' inside; a value is empty
 * or has the name's syntax. At most {@link #MAX} labels. Every violation is a 422 naming {@code
 * labels.<key>}.
 */
public final class Labels {
  /**
   * Labels a tenant may carry: Kubernetes has no limit, but a selector over thousands is a typo.
   */
  public static final int MAX = 64;

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final JsonMapper MAPPER = new JsonMapper();

  private Labels() {}

  /**
   * {@code current} with {@code patch} merged in (JSON merge patch: a null value removes the key),
   * each key and value checked; {@code patch} holds JSON values as the request gave them.
   */
  public static Map<String, String> merge(
      Map<String, String> current, Map<String, JsonNode> patch) {
    Map<String, String> out = new TreeMap<>(current);
    patch.forEach(
        (key, value) -> {
          String field = "labels." + key;
          if (value == null || value.isNull()) {
            out.remove(key);
            return;
          }
          if (!value.isTextual()) {
            throw ApiException.invalidField(field, "a label value must be a string (or null)");
          }
          requireKey(field, key);
          requireValue(field, value.asText());
          out.put(key, value.asText());
        });
    if (out.size() > MAX) {
      throw ApiException.invalidField("labels", "at most " + MAX + " labels, got " + out.size());
    }
    return out;
  }

  /** 422 naming {@code field} when {@code key} is not a Kubernetes label key. */
  public static void requireKey(String field, String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (prefix != null && !dnsSubdomain(prefix)) {
      throw ApiException.invalidField(
          field,
          "a label key's prefix must be a DNS subdomain (lower-case labels separated by '.', at"
              + " most 253 characters) followed by '/'");
    }
    if (!NAME.matcher(name).matches()) {
      throw ApiException.invalidField(
          field,
          "a label key's name must be 1-63 characters: letters and digits at both ends, '-', '_'"
              + " or '.' between");
    }
  }

  /** 422 naming {@code field} when {@code value} is not a Kubernetes label value. */
  public static void requireValue(String field, String value) {
    if (!value.isEmpty() && !NAME.matcher(value).matches()) {
      throw ApiException.invalidField(
          field,
          "a label value must be empty or 1-63 characters: letters and digits at both ends, '-',"
              + " '_' or '.' between");
    }
  }

  private static boolean dnsSubdomain(String prefix) {
    if (prefix.isEmpty() || prefix.length() > 253) {
      return false;
    }
    for (String label : prefix.split("\\.", -1)) {
      if (!DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The stored JSON object (jsonb as text) as a sorted map; null reads as none. */
  public static Map<String, String> read(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return new TreeMap<>(MAPPER.readValue(json, new TypeReference<Map<String, String>>() {}));
    } catch (Exception e) {
      throw new IllegalStateException("stored labels are not a JSON object of strings", e);
    }
  }

  /** As JSON for a jsonb parameter. */
  public static String write(Map<String, String> labels) {
    try {
      return MAPPER.writeValueAsString(labels);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write labels", e);
    }
  }
}
