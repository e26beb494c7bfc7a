package dev.slipway.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading cells out of the API's JSON: dotted paths, ages, shortened text. */
public final class Fields {
  private Fields() {}

  /** The value at a dotted path as text; empty for absent or null. */
  public static String text(JsonNode node, String path) {
    JsonNode v = at(node, path);
    if (v.isMissingNode() || v.isNull()) {
      return "";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  public static JsonNode at(JsonNode node, String path) {
    JsonNode v = node;
    for (String part : path.split("\\.")) {
      v = v.path(part);
    }
    return v;
  }

  /** How long ago the timestamp at {@code path} was (5m, 2h, 3d); empty when absent. */
  public static String age(JsonNode node, String path, Instant now) {
    String t = text(node, path);
    if (t.isEmpty()) {
      return "";
    }
    try {
      return Durations.brief(Duration.between(OffsetDateTime.parse(t).toInstant(), now));
    } catch (DateTimeParseException e) {
      try {
        return Durations.brief(Duration.between(Instant.parse(t), now));
      } catch (DateTimeParseException e2) {
        return t;
      }
    }
  }

  /** At most {@code max} characters on one line, with an ellipsis when cut. */
  public static String shorten(String s, int max) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
