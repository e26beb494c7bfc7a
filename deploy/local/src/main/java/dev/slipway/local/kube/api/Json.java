package dev.slipway.local.kube.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON/YAML helpers shared by the emulator; one mapper each, both thread-safe. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private Json() {}

  /** Parses JSON, or YAML when the text does not look like JSON (apply bodies may be either). */
  public static JsonNode parse(String text) {
    try {
      String trimmed = text.stripLeading();
      boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
      return json ? MAPPER.readTree(text) : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unparseable body: " + e.getOriginalMessage(), e);
    }
  }

  /** Every document of a multi-document YAML stream (empty documents skipped). */
  public static java.util.List<JsonNode> parseAll(String yaml) {
    try (var parser = YAML.getFactory().createParser(yaml)) {
      java.util.List<JsonNode> documents = new java.util.ArrayList<>();
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && document.isObject()) {
          documents.add(document);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new IllegalArgumentException("unparseable YAML: " + e.getMessage(), e);
    }
  }

  /** As {@link #parse(String)}; JSON is parsed from the bytes, without a String copy first. */
  public static JsonNode parse(byte[] bytes) {
    if (!looksLikeJson(bytes)) {
      return parse(new String(bytes, StandardCharsets.UTF_8));
    }
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("unparseable body: " + originalMessage(e), e);
    }
  }

  private static boolean looksLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Equal JSON, numbers compared by value: a parsed 1 is an IntNode, a computed one often a
   * LongNode, and Jackson's equals tells them apart. Writers use this to detect no-op writes; a
   * false "changed" would make the controller rewrite status forever.
   */
  public static boolean same(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }

  private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE =
      (x, y) -> {
        if (x.equals(y)) {
          return 0;
        }
        boolean numbers = x.isNumber() && y.isNumber();
        return numbers && x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
      };

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns {@code parent.field}, creating an empty object there if it is missing or not one. */
  public static ObjectNode child(ObjectNode parent, String field) {
    JsonNode existing = parent.get(field);
    if (existing instanceof ObjectNode node) {
      return node;
    }
    return parent.putObject(field);
  }
}
