package dev.slipway.common.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.TenantSpec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final CommandEnvelope COMMAND =
      CommandEnvelope.of(
          UUID.fromString("0b5c1e2a-3d4f-4a6b-8c7d-9e0f1a2b3c4d"),
          OperationType.ROTATE_TOKEN,
          UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
          "acme",
          7,
          Instant.parse("2026-01-02T03:04:05.123456789Z"),
          Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

  @Test
  void roundTrip() throws Exception {
    String body = CommandCodec.encode(COMMAND);
    CommandEnvelope decoded = CommandCodec.decode(body);
    assertEquals(COMMAND, decoded);
    assertEquals(CommandEnvelope.CURRENT_VERSION, decoded.version());
    assertEquals(Instant.parse("2026-01-02T03:04:05.123456789Z"), decoded.issuedAt());
  }

  @Test
  void issuedAtIsEncodedAsIsoText() throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    assertEquals("2026-01-02T03:04:05.123456789Z", tree.get("issuedAt").asText());
    assertEquals("ROTATE_TOKEN", tree.get("type").asText());
  }

  @Test
  void missingTraceDecodesAsEmptyMap() throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    tree.remove("trace");
    assertEquals(Map.of(), CommandCodec.decode(tree.toString()).trace());
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    tree.put("priority", "high");
    tree.putObject("future").put("nested", true);
    assertEquals(COMMAND, CommandCodec.decode(tree.toString()));
  }

  @Test
  void unknownVersionIsFlagged() throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    tree.put("version", 2);
    InvalidCommandException e =
        assertThrows(InvalidCommandException.class, () -> CommandCodec.decode(tree.toString()));
    assertTrue(e.isUnknownVersion());
    assertTrue(e.getMessage().contains("2"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"version\": 1,", "<xml/>"})
  void notJson(String body) {
    InvalidCommandException e =
        assertThrows(InvalidCommandException.class, () -> CommandCodec.decode(body));
    assertFalse(e.isUnknownVersion());
    assertEquals("message body is not JSON", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1, 2]", "42", "{\"commandId\": \"x\"}", "{\"version\": \"one\"}"})
  void noIntegerVersion(String body) {
    InvalidCommandException e =
        assertThrows(InvalidCommandException.class, () -> CommandCodec.decode(body));
    assertFalse(e.isUnknownVersion());
    assertTrue(e.getMessage().contains("version"), e.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void emptyBody(String body) {
    InvalidCommandException e =
        assertThrows(InvalidCommandException.class, () -> CommandCodec.decode(body));
    assertEquals("empty message body", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"commandId", "type", "tenantId", "slug", "issuedAt"})
  void missingRequiredField(String field) throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    tree.remove(field);
    InvalidCommandException e =
        assertThrows(InvalidCommandException.class, () -> CommandCodec.decode(tree.toString()));
    assertFalse(e.isUnknownVersion());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void unknownOperationTypeIsRejected() throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    tree.put("type", "EXPLODE");
    InvalidCommandException e =
        assertThrows(InvalidCommandException.class, () -> CommandCodec.decode(tree.toString()));
    assertFalse(e.isUnknownVersion());
  }

  @Test
  void oversizedBodyIsRejectedBeforeParsing() throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    tree.putObject("trace").put("padding", "x".repeat(CommandCodec.MAX_BYTES));
    String body = tree.toString();
    assertTrue(body.length() > CommandCodec.MAX_BYTES);
    InvalidCommandException e =
        assertThrows(InvalidCommandException.class, () -> CommandCodec.decode(body));
    assertFalse(e.isUnknownVersion());
    assertTrue(e.getMessage().contains(Integer.toString(CommandCodec.MAX_BYTES)), e.getMessage());
  }

  @Test
  void bodyAtTheLimitIsAccepted() throws Exception {
    ObjectNode tree = tree(CommandCodec.encode(COMMAND));
    tree.put("padding", "");
    int fill = CommandCodec.MAX_BYTES - tree.toString().length();
    tree.put("padding", "x".repeat(fill));
    assertEquals(CommandCodec.MAX_BYTES, tree.toString().length());
    assertEquals(COMMAND, CommandCodec.decode(tree.toString()));
  }

  @Test
  void tenantSpecToStringHidesToken() {
    String token = "tok-9f8e7d6c5b4a";
    TenantSpec spec = new TenantSpec(UUID.randomUUID(), "acme", 3, DesiredState.RUNNING, 1, token);
    String text = spec.toString();
    assertFalse(text.contains(token), text);
    assertTrue(text.contains("slug=acme"), text);
    assertTrue(text.contains("generation=3"), text);
  }

  private static ObjectNode tree(String body) throws Exception {
    return (ObjectNode) JSON.readTree(body);
  }
}
