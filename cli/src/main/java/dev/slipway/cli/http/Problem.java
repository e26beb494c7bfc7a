package dev.slipway.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem as api-service writes it (type, title, status, detail, and for 422 the
 * per-field errors), or the best description of an error body that is not one.
 */
public record Problem(int status, String type, String title, String detail, List<String> errors) {
  private static final int MAX_RAW = 300;

  /** Reads the body of an error response; a body that is not problem+json is kept short. */
  public static Problem parse(int status, String body, ObjectMapper json) {
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      if (node != null && node.isObject() && (node.has("title") || node.has("detail"))) {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : node.path("errors")) {
          String field = e.path("field").asText("");
          String detail = e.path("detail").asText("");
          errors.add(field.isEmpty() ? detail : field + ": " + detail);
        }
        return new Problem(
            node.path("status").asInt(status),
            text(node, "type"),
            text(node, "title"),
            text(node, "detail"),
            List.copyOf(errors));
      }
    } catch (java.io.IOException e) {
      // not JSON: shown raw below
    }
    String raw = body == null ? "" : body.strip();
    if (raw.length() > MAX_RAW) {
      raw = raw.substring(0, MAX_RAW) + "…";
    }
    return new Problem(status, null, "HTTP " + status, raw.isEmpty() ? null : raw, List.of());
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** One line, then one indented line per field error: what the user reads on stderr. */
  public String describe() {
    StringBuilder s = new StringBuilder(title == null ? "HTTP " + status : title);
    s.append(" (").append(status).append(")");
    if (detail != null && !detail.isBlank()) {
      s.append(": ").append(detail);
    }
    // A lone field error usually repeats the detail word for word: say it once.
    boolean repeated = errors.size() == 1 && detail != null && errors.get(0).endsWith(detail);
    if (!repeated) {
      errors.forEach(e -> s.append("\n  - ").append(e));
    }
    return s.toString();
  }
}
