package dev.slipway.common.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON encoding of {@link CommandEnvelope}; the only place that knows the wire format. */
public final class CommandCodec {
  /** Upper bound of an encoded command; SQS allows 256 KiB, ours are a few hundred bytes. */
  public static final int MAX_BYTES = 16 * 1024;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CommandCodec() {}

  public static String encode(CommandEnvelope command) {
    try {
      return MAPPER.writeValueAsString(command);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode command " + command.commandId(), e);
    }
  }

  /**
   * Decodes a message body. Unknown fields are ignored (so a newer producer may add optional fields
   * within a version); an unknown version or missing required field is rejected.
   */
  public static CommandEnvelope decode(String body) throws InvalidCommandException {
    if (body == null || body.isBlank()) {
      throw new InvalidCommandException("empty message body", false, null);
    }
    // length() counts chars; a UTF-8 char is up to 3 bytes, so check bytes only when it matters.
    if (body.length() > MAX_BYTES
        || (body.length() > MAX_BYTES / 3
            && body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES)) {
      throw new InvalidCommandException("message body over " + MAX_BYTES + " bytes", false, null);
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidCommandException("message body is not JSON", false, e);
    }
    if (tree == null || !tree.isObject() || !tree.path("version").canConvertToInt()) {
      throw new InvalidCommandException("message has no integer 'version'", false, null);
    }
    int version = tree.get("version").intValue();
    if (version != CommandEnvelope.CURRENT_VERSION) {
      throw new InvalidCommandException("unknown command version " + version, true, null);
    }
    try {
      return MAPPER.treeToValue(tree, CommandEnvelope.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Jackson wraps the record's null checks; report the field, never the body (it may be large).
      throw new InvalidCommandException("invalid command: " + rootMessage(e), false, e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}
